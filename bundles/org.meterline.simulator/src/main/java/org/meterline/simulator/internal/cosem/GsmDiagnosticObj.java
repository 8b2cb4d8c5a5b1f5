package org.meterline.simulator.internal.cosem;

import java.util.List;
import org.meterline.simulator.internal.MeterState;
import org.openmuc.jdlms.AttributeAccessMode;
import org.openmuc.jdlms.CosemAttribute;
import org.openmuc.jdlms.CosemClass;
import org.openmuc.jdlms.CosemInterfaceObject;
import org.openmuc.jdlms.DlmsInterceptor;
import org.openmuc.jdlms.datatypes.DataObject;

/**
 * Interface class 47 GSM Diagnostic (version 0): cell_info carries the signal quality 0..31
 * (rssi dBm = -113 + 2 × quality), steady per meter with a small hourly wobble.
 */
@CosemClass(id = 47)
public class GsmDiagnosticObj extends CosemInterfaceObject {

    private static final DataObject OPERATOR = DataObject.newVisibleStringData(
            "Meterline Mobile".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    /** 1 = registered, home network. */
    private static final DataObject REGISTERED_HOME = DataObject.newEnumerateData(1);
    /** 0 = inactive (no circuit switched call). */
    private static final DataObject CS_INACTIVE = DataObject.newEnumerateData(0);
    /** 4 = LTE. */
    private static final DataObject PS_LTE = DataObject.newEnumerateData(4);
    private static final DataObject NO_ADJACENT_CELLS = DataObject.newArrayData(List.of());

    @CosemAttribute(id = 2, accessMode = AttributeAccessMode.READ_ONLY)
    private final DataObject operator = OPERATOR;

    @CosemAttribute(id = 3, accessMode = AttributeAccessMode.READ_ONLY)
    private final DataObject status = REGISTERED_HOME;

    @CosemAttribute(id = 4, accessMode = AttributeAccessMode.READ_ONLY)
    private final DataObject csAttachment = CS_INACTIVE;

    @CosemAttribute(id = 5, accessMode = AttributeAccessMode.READ_ONLY)
    private final DataObject psStatus = PS_LTE;

    @CosemAttribute(id = 6, accessMode = AttributeAccessMode.READ_ONLY)
    private DataObject cellInfo;

    @CosemAttribute(id = 7, accessMode = AttributeAccessMode.READ_ONLY)
    private final DataObject adjacentCells = NO_ADJACENT_CELLS;

    @CosemAttribute(id = 8, accessMode = AttributeAccessMode.READ_ONLY)
    private DataObject captureTime;

    private final MeterState meter;

    public GsmDiagnosticObj(DlmsInterceptor guard, MeterState meter) {
        super("0.0.25.6.0.255", guard);
        this.meter = meter;
    }

    public DataObject getCellInfo() {
        int q = meter.signalQuality();
        return DataObject.newStructureData(Values.u32(10_000L + meter.index() % 500),
                Values.u16(100 + meter.index() % 50), Values.u8(q), Values.u8(q > 15 ? 0 : 2));
    }

    public DataObject getCaptureTime() {
        return Values.dateTime(meter.now().getEpochSecond() / 60 * 60);
    }
}
