package org.meterline.simulator.internal.cosem;

import org.meterline.simulator.internal.MeterState;
import org.openmuc.jdlms.AttributeAccessMode;
import org.openmuc.jdlms.CosemAttribute;
import org.openmuc.jdlms.CosemClass;
import org.openmuc.jdlms.CosemInterfaceObject;
import org.openmuc.jdlms.CosemMethod;
import org.openmuc.jdlms.DlmsInterceptor;
import org.openmuc.jdlms.datatypes.DataObject;

/**
 * Interface class 70 Disconnect Control: remote_disconnect opens the relay (control state 0, event 59),
 * remote_reconnect closes it (control state 1, event 60).
 */
@CosemClass(id = 70)
public class DisconnectControlObj extends CosemInterfaceObject {

    /** Control mode 1: remote disconnect and reconnect, no local operation. */
    private static final DataObject MODE = DataObject.newEnumerateData(1);

    @CosemAttribute(id = 2, accessMode = AttributeAccessMode.READ_ONLY)
    private DataObject outputState;

    @CosemAttribute(id = 3, accessMode = AttributeAccessMode.READ_ONLY)
    private DataObject controlState;

    @CosemAttribute(id = 4, accessMode = AttributeAccessMode.READ_ONLY)
    private final DataObject controlMode = MODE;

    private final MeterState meter;

    public DisconnectControlObj(DlmsInterceptor guard, MeterState meter) {
        super("0.0.96.3.10.255", guard);
        this.meter = meter;
    }

    public DataObject getOutputState() {
        return DataObject.newBoolData(meter.relayControlState() == 1);
    }

    public DataObject getControlState() {
        return DataObject.newEnumerateData(meter.relayControlState());
    }

    @CosemMethod(id = 1)
    public void remoteDisconnect(DataObject parameter) {
        meter.operateRelay(false);
    }

    @CosemMethod(id = 2)
    public void remoteReconnect(DataObject parameter) {
        meter.operateRelay(true);
    }
}
