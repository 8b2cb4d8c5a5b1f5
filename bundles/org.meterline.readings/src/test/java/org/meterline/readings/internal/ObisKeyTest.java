package org.meterline.readings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.meterline.core.api.ObisCode;

class ObisKeyTest {

    @Test
    void packsSixValueGroupsIntoOneLongAndBack() {
        for (String text : new String[] {"1-0:1.8.0.255", "0-0:99.98.0.255", "255-255:255.255.255.255", "0-0:0.0.0.0",
                "1-0:1.29.0.255"}) {
            ObisCode o = ObisCode.parse(text);
            assertEquals(o, ObisKey.unpack(ObisKey.pack(o)));
        }
        assertEquals(0x0100_0108_00FFL, ObisKey.pack(ObisCode.parse("1-0:1.8.0.255")));
        assertEquals(0xFFFF_FFFF_FFFFL, ObisKey.pack(ObisCode.parse("255-255:255.255.255.255")));
    }
}
