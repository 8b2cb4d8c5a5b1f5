package org.meterline.simulator.internal.cosem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.meterline.simulator.internal.DlmsTime;
import org.openmuc.jdlms.ObisCode;
import org.openmuc.jdlms.datatypes.DataObject;

/** DataObject helpers; constant values are shared by all meters (jDLMS only reads them). */
public final class Values {

    public static final int UNIT_W = 27;
    public static final int UNIT_WH = 30;
    public static final int UNIT_VARH = 32;
    public static final int UNIT_A = 33;
    public static final int UNIT_V = 35;

    private static final Map<Integer, DataObject> SCALER_UNITS = new ConcurrentHashMap<>();

    private Values() {
    }

    public static DataObject scalerUnit(int scaler, int unit) {
        return SCALER_UNITS.computeIfAbsent(scaler << 16 | unit, key -> DataObject.newStructureData(
                DataObject.newInteger8Data((byte) scaler), DataObject.newEnumerateData(unit)));
    }

    public static DataObject u32(long value) {
        return DataObject.newUInteger32Data(Math.max(0, Math.min(0xFFFF_FFFFL, value)));
    }

    public static DataObject u16(long value) {
        return DataObject.newUInteger16Data((int) Math.max(0, Math.min(0xFFFF, value)));
    }

    public static DataObject u8(int value) {
        return DataObject.newUInteger8Data((short) Math.max(0, Math.min(0xFF, value)));
    }

    public static DataObject ascii(String value) {
        return DataObject.newOctetStringData(value.getBytes(StandardCharsets.US_ASCII));
    }

    public static DataObject dateTime(Instant instant) {
        return DataObject.newOctetStringData(DlmsTime.encode(instant));
    }

    public static DataObject dateTime(long epochSecond) {
        return dateTime(Instant.ofEpochSecond(epochSecond));
    }

    /** capture_object_definition: structure{class_id, logical_name, attribute_index, data_index}. */
    public static DataObject captureObject(int classId, String obis, int attribute) {
        return DataObject.newStructureData(DataObject.newUInteger16Data(classId),
                DataObject.newOctetStringData(new ObisCode(obis).bytes()), DataObject.newInteger8Data((byte) attribute),
                DataObject.newUInteger16Data(0));
    }

    /** A number of any integer type. */
    public static long number(DataObject value) {
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException("not a number");
        }
        Object raw = value.getValue();
        return ((Number) raw).longValue();
    }
}
