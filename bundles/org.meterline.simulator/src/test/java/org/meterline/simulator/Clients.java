package org.meterline.simulator;

import java.io.IOException;
import java.net.InetAddress;
import org.openmuc.jdlms.AttributeAddress;
import org.openmuc.jdlms.AuthenticationMechanism;
import org.openmuc.jdlms.DlmsConnection;
import org.openmuc.jdlms.GetResult;
import org.openmuc.jdlms.SecuritySuite;
import org.openmuc.jdlms.SecuritySuite.EncryptionMechanism;
import org.openmuc.jdlms.SecuritySuite.SecurityPolicy;
import org.openmuc.jdlms.TcpConnectionBuilder;
import org.openmuc.jdlms.AccessResultCode;
import org.openmuc.jdlms.datatypes.DataObject;

/** A raw jDLMS client for a simulated meter, as a driver would build it. */
final class Clients {

    private Clients() {
    }

    static TcpConnectionBuilder builder(SimulatedMeter m) throws IOException {
        return new TcpConnectionBuilder(InetAddress.getByName(m.host())).setPort(m.port()).useWrapper()
                .setLogicalDeviceId(m.logicalDevice()).setResponseTimeout(5_000);
    }

    /** The management client with the secrets the fleet reports. */
    static DlmsConnection connect(SimulatedMeter m) throws IOException {
        return connect(m, m.password(), m.authenticationKey(), m.encryptionKey());
    }

    static DlmsConnection connect(SimulatedMeter m, byte[] password, byte[] ak, byte[] ek) throws IOException {
        TcpConnectionBuilder b = builder(m).setClientId(m.clientId());
        switch (m.security()) {
            case LLS -> b.setSecuritySuite(SecuritySuite.builder().setAuthenticationMechanism(AuthenticationMechanism.LOW)
                    .setPassword(password).build());
            case HLS5_GMAC -> b.setSecuritySuite(SecuritySuite.builder()
                    .setAuthenticationMechanism(AuthenticationMechanism.HLS5_GMAC)
                    .setEncryptionMechanism(EncryptionMechanism.AES_GCM_128)
                    .setSecurityPolicy(SecurityPolicy.AUTHENTICATED_AND_ENCRYPTED).setAuthenticationKey(ak)
                    .setGlobalUnicastEncryptionKey(ek).build())
                    .setSystemTitle("MLC", 1)
                    // the meter refuses counters it has seen: continue above the highest one
                    .setFrameCounter(Math.max(1, m.highestInvocationCounter() + 1));
            default -> {
            }
        }
        return b.build();
    }

    /** The public client (16, no security). */
    static DlmsConnection connectPublic(SimulatedMeter m) throws IOException {
        return builder(m).setClientId(16).build();
    }

    static DataObject get(DlmsConnection c, int classId, String obis, int attribute) throws IOException {
        GetResult r = c.get(new AttributeAddress(classId, obis, attribute));
        if (r.getResultCode() != AccessResultCode.SUCCESS) {
            throw new AssertionError(obis + "/" + attribute + ": " + r.getResultCode());
        }
        return r.getResultData();
    }
}
