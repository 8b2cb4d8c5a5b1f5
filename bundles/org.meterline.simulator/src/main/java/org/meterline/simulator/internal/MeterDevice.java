package org.meterline.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import org.meterline.simulator.SecurityMode;
import org.meterline.simulator.SimulatedMeter;
import org.meterline.simulator.internal.cosem.AccessGuard;
import org.meterline.simulator.internal.cosem.ClockObj;
import org.meterline.simulator.internal.cosem.DataObj;
import org.meterline.simulator.internal.cosem.DisconnectControlObj;
import org.meterline.simulator.internal.cosem.ExtendedRegisterObj;
import org.meterline.simulator.internal.cosem.GsmDiagnosticObj;
import org.meterline.simulator.internal.cosem.ImageTransferObj;
import org.meterline.simulator.internal.cosem.ProfileObj;
import org.meterline.simulator.internal.cosem.RegisterObj;
import org.meterline.simulator.internal.cosem.Values;
import org.openmuc.jdlms.AuthenticationMechanism;
import org.openmuc.jdlms.CosemInterfaceObject;
import org.openmuc.jdlms.LogicalDevice;
import org.openmuc.jdlms.SecuritySuite;
import org.openmuc.jdlms.SecuritySuite.EncryptionMechanism;
import org.openmuc.jdlms.SecuritySuite.SecurityPolicy;
import org.openmuc.jdlms.datatypes.DataObject;

/** Builds the jDLMS logical device of one simulated meter: its COSEM objects and client restrictions. */
final class MeterDevice {

    static final String MANUFACTURER = "MLS";
    private static final SecuritySuite NO_SECURITY = SecuritySuite.builder().build();

    private MeterDevice() {
    }

    static LogicalDevice build(MeterState meter, AccessGuard guard) {
        LogicalDevice device = new LogicalDevice(meter.logicalDevice(), MANUFACTURER + meter.serialNumber(),
                MANUFACTURER, meter.index());
        SecurityMode mode = meter.security();
        device.addRestriction(AccessGuard.PUBLIC_CLIENT, NO_SECURITY);
        if (mode != SecurityMode.NONE) {
            device.setMasterKey(meter.secrets().masterKey());
            device.addRestriction(mode.clientId(), suite(mode, meter.secrets()));
            // put on an existing key: no structural change of the map the association threads read
            meter.onWrongKeys(isWrong -> device.addRestriction(mode.clientId(), suite(mode, isWrong
                    ? Secrets.deriveWrong(meter.fleet().spec().seed(), meter.serialNumber()) : meter.secrets())));
        }
        device.registerCosemObject(objects(meter, mode == SecurityMode.NONE ? null : guard));
        return device;
    }

    private static SecuritySuite suite(SecurityMode mode, Secrets secrets) {
        if (mode == SecurityMode.LLS) {
            return SecuritySuite.builder().setAuthenticationMechanism(AuthenticationMechanism.LOW)
                    .setPassword(secrets.password()).build();
        }
        return SecuritySuite.builder().setAuthenticationMechanism(AuthenticationMechanism.HLS5_GMAC)
                .setEncryptionMechanism(EncryptionMechanism.AES_GCM_128)
                .setSecurityPolicy(SecurityPolicy.AUTHENTICATED_AND_ENCRYPTED)
                .setAuthenticationKey(secrets.authenticationKey())
                .setGlobalUnicastEncryptionKey(secrets.encryptionKey()).build();
    }

    private static List<CosemInterfaceObject> objects(MeterState m, AccessGuard g) {
        List<CosemInterfaceObject> o = new ArrayList<>(32);
        o.add(new DataObj("0.0.96.1.0.255", g, () -> Values.ascii(m.serialNumber()), null));
        o.add(new DataObj("1.0.0.2.0.255", g, () -> Values.ascii(m.activeFirmware()), null));
        o.add(new DataObj(AccessGuard.INVOCATION_COUNTER, g,
                () -> DataObject.newUInteger32Data(Math.max(0, m.highestInvocationCounter())), null));
        o.add(new DataObj("1.0.0.4.2.255", g, () -> DataObject.newUInteger16Data((int) m.ctRatio()),
                v -> ratio(v, m::ctRatio)));
        o.add(new DataObj("1.0.0.4.3.255", g, () -> DataObject.newUInteger16Data((int) m.ptRatio()),
                v -> ratio(v, m::ptRatio)));
        for (EventLogKind log : EventLogKind.values()) {
            o.add(new DataObj(log.eventCode(), g, () -> DataObject.newUInteger8Data((short) m.lastEventCode(log)),
                    null));
        }
        o.add(new ClockObj(g, m));
        o.add(new RegisterObj("1.0.1.8.0.255", g, 0, Values.UNIT_WH,
                () -> Values.u32(m.registerNow(SimulatedMeter.ACTIVE_IMPORT))));
        o.add(new RegisterObj("1.0.2.8.0.255", g, 0, Values.UNIT_WH,
                () -> Values.u32(m.registerNow(SimulatedMeter.ACTIVE_EXPORT))));
        o.add(new RegisterObj("1.0.3.8.0.255", g, 0, Values.UNIT_VARH,
                () -> Values.u32(m.registerNow(SimulatedMeter.REACTIVE_IMPORT))));
        o.add(new RegisterObj("1.0.4.8.0.255", g, 0, Values.UNIT_VARH,
                () -> Values.u32(m.registerNow(SimulatedMeter.REACTIVE_EXPORT))));
        o.add(new RegisterObj("1.0.1.8.1.255", g, 0, Values.UNIT_WH, () -> Values.u32(m.tariffNow(1))));
        o.add(new RegisterObj("1.0.1.8.2.255", g, 0, Values.UNIT_WH, () -> Values.u32(m.tariffNow(2))));
        o.add(new RegisterObj("1.0.32.7.0.255", g, -1, Values.UNIT_V, () -> Values.u16(m.voltageNow())));
        o.add(new RegisterObj("1.0.31.7.0.255", g, -2, Values.UNIT_A, () -> Values.u16(m.currentNow())));
        o.add(new RegisterObj("1.0.1.7.0.255", g, 0, Values.UNIT_W, () -> Values.u32(m.powerNow())));
        o.add(new ExtendedRegisterObj("1.0.1.6.0.255", g, m));
        o.add(ProfileObj.loadProfile(g, m));
        for (EventLogKind log : EventLogKind.values()) {
            o.add(ProfileObj.eventLog(g, m, log));
        }
        o.add(new DisconnectControlObj(g, m));
        o.add(new ImageTransferObj(g, m));
        o.add(new GsmDiagnosticObj(g, m));
        return o;
    }

    private static boolean ratio(DataObject value, java.util.function.LongConsumer target) {
        if (value == null || value.getType() != DataObject.Type.LONG_UNSIGNED) {
            return false;
        }
        long v = Values.number(value);
        if (v < 1) {
            return false;
        }
        target.accept(v);
        return true;
    }
}
