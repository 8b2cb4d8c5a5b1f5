package org.meterline.simulator.internal.cosem;

import java.time.Instant;
import org.meterline.simulator.internal.DlmsTime;
import org.meterline.simulator.internal.MeterState;
import org.openmuc.jdlms.AccessResultCode;
import org.openmuc.jdlms.AttributeAccessMode;
import org.openmuc.jdlms.CosemAttribute;
import org.openmuc.jdlms.CosemClass;
import org.openmuc.jdlms.CosemInterfaceObject;
import org.openmuc.jdlms.DlmsInterceptor;
import org.openmuc.jdlms.IllegalAttributeAccessException;
import org.openmuc.jdlms.datatypes.CosemDateTime;
import org.openmuc.jdlms.datatypes.DataObject;

/** Interface class 8 Clock, in UTC; setting the time logs event 3 (clock set). */
@CosemClass(id = 8)
public class ClockObj extends CosemInterfaceObject {

    private static final DataObject ZERO_LONG = DataObject.newInteger16Data((short) 0);
    private static final DataObject ZERO_UNSIGNED = DataObject.newUInteger8Data((short) 0);
    private static final DataObject ZERO_INTEGER = DataObject.newInteger8Data((byte) 0);
    private static final DataObject NOT_SPECIFIED = DataObject.newOctetStringData(new byte[] {(byte) 0xff,
            (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
            (byte) 0x80, 0x00, (byte) 0xff});
    private static final DataObject FALSE = DataObject.newBoolData(false);
    private static final DataObject CRYSTAL = DataObject.newEnumerateData(1);

    @CosemAttribute(id = 2, accessMode = AttributeAccessMode.READ_AND_WRITE)
    private DataObject time;

    @CosemAttribute(id = 3, accessMode = AttributeAccessMode.READ_ONLY)
    private final DataObject timeZone = ZERO_LONG;

    @CosemAttribute(id = 4, accessMode = AttributeAccessMode.READ_ONLY)
    private final DataObject status = ZERO_UNSIGNED;

    @CosemAttribute(id = 5, accessMode = AttributeAccessMode.READ_ONLY)
    private final DataObject daylightSavingsBegin = NOT_SPECIFIED;

    @CosemAttribute(id = 6, accessMode = AttributeAccessMode.READ_ONLY)
    private final DataObject daylightSavingsEnd = NOT_SPECIFIED;

    @CosemAttribute(id = 7, accessMode = AttributeAccessMode.READ_ONLY)
    private final DataObject daylightSavingsDeviation = ZERO_INTEGER;

    @CosemAttribute(id = 8, accessMode = AttributeAccessMode.READ_ONLY)
    private final DataObject daylightSavingsEnabled = FALSE;

    @CosemAttribute(id = 9, accessMode = AttributeAccessMode.READ_ONLY)
    private final DataObject clockBase = CRYSTAL;

    private final MeterState meter;

    public ClockObj(DlmsInterceptor guard, MeterState meter) {
        super("0.0.1.0.0.255", guard);
        this.meter = meter;
    }

    public DataObject getTime() {
        return Values.dateTime(meter.now());
    }

    public void setTime(DataObject value) throws IllegalAttributeAccessException {
        Instant t;
        try {
            t = DlmsTime.decode(bytes(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalAttributeAccessException(AccessResultCode.TYPE_UNMATCHED);
        }
        meter.setClock(t);
    }

    /** An octet-string or a date-time DataObject as its 12 bytes. */
    static byte[] bytes(DataObject value) {
        if (value == null) {
            throw new IllegalArgumentException("no value");
        }
        Object raw = value.getValue();
        if (raw instanceof byte[]) {
            return (byte[]) raw;
        }
        if (raw instanceof CosemDateTime) {
            return ((CosemDateTime) raw).encode();
        }
        throw new IllegalArgumentException("not a date-time");
    }
}
