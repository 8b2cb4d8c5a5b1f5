package org.meterline.driver.dlms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meterline.driver.dlms.internal.SimulatorSupport.ok;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.core.api.ObisCode;
import org.meterline.driver.api.DriverError;
import org.meterline.driver.api.MeterSession;
import org.meterline.driver.api.Result;
import org.meterline.simulator.Fault;
import org.meterline.simulator.Fleet;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SecurityMode;
import org.meterline.simulator.SimulatedMeter;
import org.openmuc.jdlms.AttributeAddress;
import org.openmuc.jdlms.AuthenticationMechanism;
import org.openmuc.jdlms.DlmsConnection;
import org.openmuc.jdlms.SecuritySuite;
import org.openmuc.jdlms.SecuritySuite.EncryptionMechanism;
import org.openmuc.jdlms.SecuritySuite.SecurityPolicy;
import org.openmuc.jdlms.TcpConnectionBuilder;

/**
 * A meter whose invocation counter is ahead of the driver's (another head-end used the same identity,
 * or the counter store came back from a backup) refuses the driver's first association; the driver
 * reads the meter's counter through the public client and continues above it, once. Wrong keys
 * still end in AUTHENTICATION_FAILED.
 */
class CounterResyncTest {

    @TempDir
    Path work;

    private static void otherClientTalks(SimulatedMeter m, int frames) throws Exception {
        try (DlmsConnection c = new TcpConnectionBuilder(InetAddress.getLoopbackAddress()).setPort(m.port())
                .useWrapper().setLogicalDeviceId(m.logicalDevice()).setClientId(m.clientId())
                .setSecuritySuite(SecuritySuite.builder().setAuthenticationMechanism(AuthenticationMechanism.HLS5_GMAC)
                        .setEncryptionMechanism(EncryptionMechanism.AES_GCM_128)
                        .setSecurityPolicy(SecurityPolicy.AUTHENTICATED_AND_ENCRYPTED)
                        .setAuthenticationKey(m.authenticationKey()).setGlobalUnicastEncryptionKey(m.encryptionKey())
                        .build())
                .setSystemTitle("MLN", 1).setFrameCounter(m.highestInvocationCounter() + 1).build()) {
            for (int i = 0; i < frames; i++) {
                c.get(new AttributeAddress(3, "1.0.1.8.0.255", 2));
            }
        }
    }

    @Test
    void theDriverContinuesAboveAMeterCounterThatMovedAhead() throws Exception {
        try (Fleet fleet = Fleet.start(FleetSpec.of(1, 0).withName("resync").withSecurity(SecurityMode.HLS5_GMAC))) {
            SimulatedMeter m = fleet.meters().get(0);
            DlmsDriver driver = SimulatorSupport.driver(null, work.resolve("counters"), 1000, Duration.ZERO);
            ObisCode energy = ObisCode.parse("1.0.1.8.0.255");
            try (MeterSession s = ok(driver.open(SimulatorSupport.settings(m)))) {
                ok(s.read(List.of(energy)).get(0).result());
            }
            long driverHighest = m.highestInvocationCounter();

            otherClientTalks(m, 20);
            assertTrue(m.highestInvocationCounter() > driverHighest + 20);

            Result<MeterSession> again = driver.open(SimulatorSupport.settings(m));
            try (MeterSession s = ok(again)) {
                ok(s.read(List.of(energy)).get(0).result());
            }
            assertEquals(1, m.rejectedInvocationCounters(), "one refused association, then above the meter's counter");

            // wrong keys are still told apart from a counter behind the meter's
            m.inject(new Fault.WrongKeys());
            Result<MeterSession> wrong = driver.open(SimulatorSupport.settings(m));
            assertEquals(DriverError.Kind.AUTHENTICATION_FAILED, wrong.error().kind(), wrong.error().message());
            m.clearFaults();
        }
    }
}
