package org.meterline.driver.dlms.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openmuc.jdlms.datatypes.DataObject;
import org.openmuc.jdlms.datatypes.DataObject.Type;

class CosemDataTest {

    @Test
    void dateTimeRoundTripInUtc() {
        Instant t = Instant.parse("2026-11-26T08:15:30.250Z");
        byte[] b = CosemData.encode(t);
        assertEquals(12, b.length);
        assertEquals(Optional.of(t), CosemData.instant(b));
        assertEquals(Optional.of(t), CosemData.instant(DataObject.newOctetStringData(b)));
    }

    @Test
    void deviationAndUnspecifiedFields() {
        byte[] b = CosemData.encode(Instant.parse("2026-01-01T12:00:00Z"));
        b[9] = (byte) 0xFF; // deviation -60: local = UTC + 1 h
        b[10] = (byte) 0xC4;
        assertEquals(Optional.of(Instant.parse("2026-01-01T11:00:00Z")), CosemData.instant(b));
        b[9] = (byte) 0x80;
        b[10] = 0;
        assertEquals(Optional.of(Instant.parse("2026-01-01T12:00:00Z")), CosemData.instant(b));
        b[5] = (byte) 0xFF;
        assertEquals(Optional.empty(), CosemData.instant(b));
        assertThrows(IllegalArgumentException.class, () -> CosemData.instant(new byte[5]));
    }

    @Test
    void numbersAndText() {
        assertEquals(Optional.of(BigDecimal.valueOf(4_000_000_000L)),
                CosemData.number(DataObject.newUInteger32Data(4_000_000_000L)));
        assertEquals(Optional.of(BigDecimal.ONE), CosemData.number(DataObject.newBoolData(true)));
        assertEquals(Optional.of(BigDecimal.valueOf(2)), CosemData.number(DataObject.newEnumerateData(2)));
        assertEquals(Optional.of("FW-1.0.0"), CosemData.text(DataObject.newOctetStringData("FW-1.0.0".getBytes())));
        assertEquals(Optional.empty(), CosemData.text(DataObject.newOctetStringData(new byte[] {1, 2})));
    }

    @Test
    void valuesAreWrittenAsTheAttributesCurrentType() {
        DataObject u16 = CosemData.asTypeOf(DataObject.newUInteger16Data(1), "40");
        assertEquals(Type.LONG_UNSIGNED, u16.getType());
        assertEquals(40, ((Number) u16.getValue()).intValue());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CosemData.asTypeOf(DataObject.newUInteger16Data(1), "70000")).getMessage().contains("range"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CosemData.asTypeOf(DataObject.newUInteger16Data(1), "2.5")).getMessage().contains("integer"));
        assertEquals(Type.BOOLEAN, CosemData.asTypeOf(DataObject.newBoolData(false), "true").getType());
        assertArrayEquals(new byte[] {0x0a, (byte) 0xbc},
                CosemData.asTypeOf(DataObject.newOctetStringData(new byte[] {1}), "0abc").getValue());
        assertArrayEquals("NEW-NAME".getBytes(),
                CosemData.asTypeOf(DataObject.newOctetStringData("OLD".getBytes()), "NEW-NAME").getValue());
        assertThrows(IllegalArgumentException.class,
                () -> CosemData.asTypeOf(DataObject.newStructureData(DataObject.newNullData()), "1"));
    }
}
