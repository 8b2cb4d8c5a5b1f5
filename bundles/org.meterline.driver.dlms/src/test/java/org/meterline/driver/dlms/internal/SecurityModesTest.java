package org.meterline.driver.dlms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meterline.driver.dlms.internal.SimulatorSupport.CONNECT_TIMEOUT;
import static org.meterline.driver.dlms.internal.SimulatorSupport.RESPONSE_TIMEOUT;
import static org.meterline.driver.dlms.internal.SimulatorSupport.ok;
import static org.meterline.driver.dlms.internal.SimulatorSupport.open;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.core.api.ObisCode;
import org.meterline.driver.api.DriverError.Kind;
import org.meterline.driver.api.ItemResult;
import org.meterline.driver.api.MeterSession;
import org.meterline.driver.api.RelayState;
import org.meterline.driver.api.Security;
import org.meterline.driver.api.SessionSettings;
import org.meterline.simulator.Fleet;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SecurityMode;
import org.meterline.simulator.SimulatedMeter;

/** Security.None, Password and Keys against fleets in each mode, and what the public client may do. */
class SecurityModesTest {

    private static final ObisCode A_PLUS = ObisCode.parse("1.0.1.8.0.255");

    @TempDir
    Path work;

    @Test
    void noSecurity() throws Exception {
        try (Fleet fleet = Fleet.start(FleetSpec.of(1, 0).withName("sec-none").withSecurity(SecurityMode.NONE))) {
            SimulatedMeter m = fleet.meters().get(0);
            assertEquals(16, m.clientId());
            DlmsDriver driver = SimulatorSupport.driver(null, work, 64, Duration.ZERO);
            try (DlmsSession s = open(driver, m)) {
                assertTrue(s.guard().isEmpty(), "no invocation counter without ciphering");
                assertEquals("Wh", ok(s.read(List.of(A_PLUS)).get(0).result()).unit());
                assertEquals(RelayState.DISCONNECTED, ok(s.disconnectRelay()));
                assertEquals(RelayState.CONNECTED, ok(s.connectRelay()));
            }
        }
    }

    @Test
    void lowLevelSecurityWithThePassword() throws Exception {
        try (Fleet fleet = Fleet.start(FleetSpec.of(1, 0).withName("sec-lls").withSecurity(SecurityMode.LLS))) {
            SimulatedMeter m = fleet.meters().get(0);
            assertEquals(17, m.clientId());
            DlmsDriver driver = SimulatorSupport.driver(null, work, 64, Duration.ZERO);
            try (DlmsSession s = open(driver, m)) {
                assertTrue(s.guard().isEmpty());
                assertTrue(ok(s.read(List.of(A_PLUS)).get(0).result()).value().signum() > 0);
                assertTrue(s.readClock().isOk());
            }
        }
    }

    @Test
    void highLevelSecurityAndThePublicClient() throws Exception {
        try (Fleet fleet = Fleet.start(FleetSpec.of(1, 0).withName("sec-hls"))) {
            SimulatedMeter m = fleet.meters().get(0);
            assertEquals(1, m.clientId());
            DlmsDriver driver = SimulatorSupport.driver(null, work, 64, Duration.ZERO);
            try (DlmsSession s = open(driver, m)) {
                assertTrue(s.guard().isPresent());
                assertTrue(ok(s.read(List.of(A_PLUS)).get(0).result()).value().signum() > 0);
            }
            // the public client of an HLS meter reads only the device name and the counter
            SessionSettings pub = new SessionSettings(m.serialNumber(), m.host(), m.port(), m.logicalDevice(), 16,
                    new Security.None(), CONNECT_TIMEOUT, RESPONSE_TIMEOUT);
            try (MeterSession s = ok(driver.open(pub))) {
                List<ItemResult> r = s.read(List.of(A_PLUS, ObisCode.parse("0.0.43.1.0.255")));
                assertEquals(Kind.ACCESS_DENIED, r.get(0).result().error().kind(), r.get(0).toString());
                assertTrue(ok(r.get(1).result()).value().longValue() >= 0);
                assertFalse(s.disconnectRelay().isOk());
                assertEquals(1, m.relayControlState());
            }
        }
    }
}
