package org.meterline.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmuc.jdlms.AccessResultCode;
import org.openmuc.jdlms.AttributeAddress;
import org.openmuc.jdlms.DlmsConnection;
import org.openmuc.jdlms.TcpConnectionBuilder;
import org.openmuc.jdlms.MethodResultCode;

/** HLS5-GMAC and LLS: right and wrong secrets, the public client, the invocation counter. */
class SecurityTest {

    private static Fleet hls;
    private static Fleet lls;

    @BeforeAll
    static void start() throws Exception {
        hls = Fleet.start(FleetSpec.of(4, 0).withName("hls").withSeed(7));
        lls = Fleet.start(FleetSpec.of(4, 0).withName("lls").withSecurity(SecurityMode.LLS).withSeed(7));
    }

    @AfterAll
    static void stop() {
        if (hls != null) {
            hls.close();
        }
        if (lls != null) {
            lls.close();
        }
    }

    @Test
    void secretsAreDerivedPerMeterAndNeverShown() {
        SimulatedMeter a = hls.meters().get(0);
        SimulatedMeter b = hls.meters().get(1);
        assertEquals(16, a.authenticationKey().length);
        assertEquals(16, a.encryptionKey().length);
        assertEquals(16, a.masterKey().length);
        assertEquals(8, a.password().length);
        assertFalse(Arrays.equals(a.authenticationKey(), b.authenticationKey()));
        assertFalse(Arrays.equals(a.authenticationKey(), a.encryptionKey()));
        // same seed and serial in another fleet: same secrets
        assertTrue(Arrays.equals(a.authenticationKey(), lls.meters().get(0).authenticationKey()));
        a.authenticationKey()[0]++;
        assertTrue(Arrays.equals(a.authenticationKey(), lls.meters().get(0).authenticationKey()), "copies");
        String text = a + " " + hls + " " + hls.spec();
        assertFalse(text.contains(hex(a.authenticationKey())) || text.contains(new String(a.password())));
        assertEquals(1, a.clientId());
        assertEquals(17, lls.meters().get(0).clientId());
    }

    @Test
    void hls5WithTheRightKeysReadsAndTheMeterSeesTheInvocationCounter() throws Exception {
        SimulatedMeter m = hls.meters().get(1);
        assertEquals(-1, m.highestInvocationCounter());
        try (DlmsConnection c = Clients.builder(m).setClientId(1).setSecuritySuite(
                org.openmuc.jdlms.SecuritySuite.builder()
                        .setAuthenticationMechanism(org.openmuc.jdlms.AuthenticationMechanism.HLS5_GMAC)
                        .setEncryptionMechanism(org.openmuc.jdlms.SecuritySuite.EncryptionMechanism.AES_GCM_128)
                        .setSecurityPolicy(org.openmuc.jdlms.SecuritySuite.SecurityPolicy.AUTHENTICATED_AND_ENCRYPTED)
                        .setAuthenticationKey(m.authenticationKey()).setGlobalUnicastEncryptionKey(m.encryptionKey())
                        .build())
                .setFrameCounter(1000).build()) {
            assertEquals(m.serialNumber(), ObjectMapTest.ascii(Clients.get(c, 1, "0.0.96.1.0.255", 2)));
            Clients.get(c, 3, "1.0.1.8.0.255", 2);
            assertEquals(MethodResultCode.SUCCESS, Cosem.act(c, 70, "0.0.96.3.10.255", 1, Cosem.zero()));
        }
        long counter = m.highestInvocationCounter();
        assertTrue(counter >= 1001 && counter < 1100, "invocation counter " + counter);
        try (DlmsConnection pub = Clients.connectPublic(m)) {
            assertEquals(counter, Cosem.number(Clients.get(pub, 1, "0.0.43.1.0.255", 2)));
        }
    }

    @Test
    void hls5WithWrongKeysFails() {
        SimulatedMeter m = hls.meters().get(2);
        byte[] wrong = m.authenticationKey();
        wrong[3] ^= 0x55;
        assertThrows(IOException.class, () -> Clients.connect(m, m.password(), wrong, m.encryptionKey()).close());
        byte[] wrongEk = m.encryptionKey();
        wrongEk[0] ^= 0x01;
        assertThrows(IOException.class, () -> Clients.connect(m, m.password(), m.authenticationKey(), wrongEk).close());
    }

    @Test
    void publicClientReadsOnlyTheLogicalDeviceNameAndTheInvocationCounter() throws Exception {
        for (Fleet fleet : new Fleet[] {hls, lls}) {
            SimulatedMeter m = fleet.meters().get(3);
            try (DlmsConnection c = Clients.connectPublic(m)) {
                assertEquals("MLS" + m.serialNumber(), ObjectMapTest.ascii(Clients.get(c, 1, "0.0.42.0.0.255", 2)));
                Clients.get(c, 1, "0.0.43.1.0.255", 2);
                assertEquals(AccessResultCode.READ_WRITE_DENIED,
                        c.get(new AttributeAddress(3, "1.0.1.8.0.255", 2)).getResultCode());
                assertEquals(AccessResultCode.READ_WRITE_DENIED,
                        c.get(new AttributeAddress(1, "0.0.96.1.0.255", 2)).getResultCode());
                assertNotEquals(MethodResultCode.SUCCESS, Cosem.act(c, 70, "0.0.96.3.10.255", 1, Cosem.zero()));
                assertEquals(1, m.relayControlState());
            }
        }
    }

    @Test
    void llsWithThePasswordWorksAndWithAnotherFails() throws Exception {
        SimulatedMeter m = lls.meters().get(0);
        try (DlmsConnection c = Clients.connect(m)) {
            assertEquals(m.serialNumber(), ObjectMapTest.ascii(Clients.get(c, 1, "0.0.96.1.0.255", 2)));
            assertEquals(-1, m.highestInvocationCounter());
        }
        byte[] wrong = m.password();
        wrong[0] ^= 0x20;
        assertThrows(IOException.class, () -> Clients.connect(m, wrong, null, null).close());
    }

    @Test
    void wrongKeysFaultMakesTheReportedSecretsFailUntilCleared() throws Exception {
        for (Fleet fleet : new Fleet[] {hls, lls}) {
            SimulatedMeter m = fleet.meters().get(0);
            m.inject(new Fault.WrongKeys());
            try {
                assertThrows(IOException.class, () -> Clients.connect(m).close(), fleet.spec().name());
            } finally {
                m.clearFaults();
            }
            try (DlmsConnection c = Clients.connect(m)) {
                Clients.get(c, 1, "0.0.96.1.0.255", 2);
            }
        }
    }

    @Test
    void aReusedInvocationCounterIsRefusedAsAMeterWould() throws Exception {
        SimulatedMeter m = hls.meters().get(2);
        try (DlmsConnection c = Clients.connect(m)) {
            Clients.get(c, 3, "1.0.1.8.0.255", 2);
        }
        long highest = m.highestInvocationCounter();
        assertTrue(highest > 0);
        // a client that starts again from a counter the meter has seen (a lost counter store) is cut off
        TcpConnectionBuilder replay = Clients.builder(m).setClientId(m.clientId()).setSecuritySuite(
                org.openmuc.jdlms.SecuritySuite.builder()
                        .setAuthenticationMechanism(org.openmuc.jdlms.AuthenticationMechanism.HLS5_GMAC)
                        .setEncryptionMechanism(org.openmuc.jdlms.SecuritySuite.EncryptionMechanism.AES_GCM_128)
                        .setSecurityPolicy(org.openmuc.jdlms.SecuritySuite.SecurityPolicy.AUTHENTICATED_AND_ENCRYPTED)
                        .setAuthenticationKey(m.authenticationKey()).setGlobalUnicastEncryptionKey(m.encryptionKey())
                        .build())
                .setSystemTitle("MLC", 1).setFrameCounter(highest);
        assertThrows(IOException.class, () -> replay.build().close());
        assertEquals(1, m.rejectedInvocationCounters());
        assertEquals(highest, m.highestInvocationCounter());
        // above the highest one it is accepted again
        try (DlmsConnection c = Clients.connect(m)) {
            Clients.get(c, 3, "1.0.1.8.0.255", 2);
        }
        assertEquals(1, m.rejectedInvocationCounters());
        // counters are checked per sender (its system title): another client starts from its own
        try (DlmsConnection c = Clients.builder(m).setClientId(m.clientId()).setSecuritySuite(
                org.openmuc.jdlms.SecuritySuite.builder()
                        .setAuthenticationMechanism(org.openmuc.jdlms.AuthenticationMechanism.HLS5_GMAC)
                        .setEncryptionMechanism(org.openmuc.jdlms.SecuritySuite.EncryptionMechanism.AES_GCM_128)
                        .setSecurityPolicy(org.openmuc.jdlms.SecuritySuite.SecurityPolicy.AUTHENTICATED_AND_ENCRYPTED)
                        .setAuthenticationKey(m.authenticationKey()).setGlobalUnicastEncryptionKey(m.encryptionKey())
                        .build())
                .setSystemTitle("OTH", 7).setFrameCounter(1).build()) {
            Clients.get(c, 3, "1.0.1.8.0.255", 2);
        }
        assertEquals(1, m.rejectedInvocationCounters());
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x));
        }
        return s.toString();
    }
}
