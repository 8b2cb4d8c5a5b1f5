package org.meterline.simulator.internal.cosem;

import org.meterline.simulator.internal.MeterState;
import org.openmuc.jdlms.AttributeAccessMode;
import org.openmuc.jdlms.CosemAttribute;
import org.openmuc.jdlms.CosemClass;
import org.openmuc.jdlms.CosemInterfaceObject;
import org.openmuc.jdlms.DlmsInterceptor;
import org.openmuc.jdlms.datatypes.DataObject;

/** Interface class 4 Extended Register: max demand A+ of the month with its capture time. */
@CosemClass(id = 4)
public class ExtendedRegisterObj extends CosemInterfaceObject {

    private static final DataObject STATUS_OK = DataObject.newUInteger8Data((short) 0);

    @CosemAttribute(id = 2, accessMode = AttributeAccessMode.READ_ONLY)
    private DataObject value;

    @CosemAttribute(id = 3, accessMode = AttributeAccessMode.READ_ONLY)
    private final DataObject scalerUnit = Values.scalerUnit(0, Values.UNIT_W);

    @CosemAttribute(id = 4, accessMode = AttributeAccessMode.READ_ONLY)
    private final DataObject status = STATUS_OK;

    @CosemAttribute(id = 5, accessMode = AttributeAccessMode.READ_ONLY)
    private DataObject captureTime;

    private final MeterState meter;

    public ExtendedRegisterObj(String obis, DlmsInterceptor guard, MeterState meter) {
        super(obis, guard);
        this.meter = meter;
    }

    public DataObject getValue() {
        return Values.u32(meter.maxDemand()[0]);
    }

    public DataObject getCaptureTime() {
        return Values.dateTime(meter.maxDemand()[1]);
    }
}
