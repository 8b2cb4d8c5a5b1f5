package org.meterline.core.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ObisCodeTest {

    @Test
    void parsesTheUsualSpellings() {
        ObisCode energy = new ObisCode(1, 0, 1, 8, 0, 255);
        assertEquals(energy, ObisCode.parse("1-0:1.8.0.255"));
        assertEquals(energy, ObisCode.parse("1-0:1.8.0*255"));
        assertEquals(energy, ObisCode.parse(" 1-0:1.8.0 "));
        assertEquals(energy, ObisCode.parse("1.0.1.8.0.255"));
        assertEquals("1-0:1.8.0.255", energy.toString());
        assertArrayEquals(new byte[] {1, 0, 1, 8, 0, (byte) 255}, energy.bytes());
    }

    @Test
    void rejectsWhatIsNoObisCode() {
        assertEquals("obis", assertThrows(ValidationException.class, () -> ObisCode.parse("1.8.0")).errors().get(0).field());
        assertThrows(ValidationException.class, () -> ObisCode.parse("1-0:1.8.0.256"));
        assertThrows(ValidationException.class, () -> ObisCode.parse(null));
    }
}
