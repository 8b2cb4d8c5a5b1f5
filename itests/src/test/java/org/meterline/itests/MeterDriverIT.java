package org.meterline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.meterline.core.api.Caller;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.Role;
import org.meterline.driver.api.DriverError;
import org.meterline.driver.api.FirmwareImage;
import org.meterline.driver.api.ItemResult;
import org.meterline.driver.api.LoadProfile;
import org.meterline.driver.api.MeterAccess;
import org.meterline.driver.api.MeterAccess.Purpose;
import org.meterline.driver.api.MeterSession;
import org.meterline.driver.api.Parameter;
import org.meterline.driver.api.RelayState;
import org.meterline.driver.api.Result;
import org.meterline.driver.api.Signal;
import org.meterline.simulator.Fleet;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SimulatedMeter;
import org.meterline.simulator.SimulatorService;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The platform reads, controls and upgrades simulated DLMS meters through the driver SPI: archive
 * meters configured over REST (module address, logical device, HLS5-GMAC keys), sessions opened by
 * {@link MeterAccess}, which picks the DLMS driver by the meter's model.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MeterDriverIT extends MeterlineExam {

    private static final int SIM_PORT = 19059;

    @Inject
    BundleContext context;

    @Inject
    FeaturesService features;

    @Inject
    MeterAccess access;

    /** The simulator is installed at boot, so the test probe can see its API when the test class loads. */
    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(), features(
                "mvn:org.meterline/meterline-features/" + System.getProperty("meterline.version", "0.1.0-SNAPSHOT")
                        + "/xml/features", "meterline-simulator"));
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(30_000);
        assertTrue(type + " is registered", service != null);
        return service;
    }

    private static long id(RestClient.Response r) {
        assertTrue(r.toString(), r.status() == 200 || r.status() == 201);
        return r.json().get("id").asLong();
    }

    private static <T> T ok(Result<T> r) {
        assertTrue(String.valueOf(r), r.isOk());
        return r.value();
    }

    @Test
    public void readsControlsAndUpgradesSimulatedMetersThroughTheSpi() throws Exception {
        RestClient admin = ready();
        assertTrue(features.isInstalled(features.getFeature("meterline-simulator")));
        SimulatorService simulator = service(SimulatorService.class);
        try (Fleet fleet = simulator.start(FleetSpec.of(3, SIM_PORT).withName("it-fleet").withSerialPrefix("ITM"))) {
            long customer = id(admin.post("/customers", "{\"code\":\"EPSILON\",\"name\":\"Epsilon Power\","
                    + "\"username\":\"eps-admin\",\"password\":\"eps-password\"}"));
            RestClient eps = admin.as("eps-admin", "eps-password");
            long model = id(eps.post("/meter-models", "{\"manufacturer\":\"Iskra\",\"model\":\"AM550\",\"phases\":3}"));
            long module = id(eps.post("/acquisition-modules", "{\"serialNumber\":\"MOD-IT\",\"type\":\"ethernet\","
                    + "\"address\":\"127.0.0.1:" + SIM_PORT + "\"}"));
            HexFormat hex = HexFormat.of();
            long[] meters = new long[3];
            for (int i = 0; i < 3; i++) {
                SimulatedMeter sim = fleet.meters().get(i);
                meters[i] = id(eps.post("/meters", "{\"serialNumber\":\"" + sim.serialNumber() + "\",\"modelId\":"
                        + model + ",\"moduleId\":" + module + "}"));
                RestClient.Response comm = eps.put("/meters/" + meters[i] + "/communication", "{\"logicalDevice\":"
                        + sim.logicalDevice() + ",\"security\":\"hls5-gmac\",\"authenticationKey\":\""
                        + hex.formatHex(sim.authenticationKey()) + "\",\"encryptionKey\":\""
                        + hex.formatHex(sim.encryptionKey()) + "\",\"masterKey\":\"" + hex.formatHex(sim.masterKey())
                        + "\"}");
                assertEquals(comm.toString(), 200, comm.status());
                assertFalse("keys never come back", comm.body().contains(hex.formatHex(sim.authenticationKey())));
                assertTrue(comm.body().contains("\"keysSet\":true"));
            }
            Caller operator = new Caller("eps-operator", 0, customer, customer, EnumSet.of(Role.OPERATOR));
            SimulatedMeter first = fleet.meters().get(0);

            // read registers with scaler and unit applied
            ObisCode energy = ObisCode.parse("1.0.1.8.0.255");
            ObisCode voltage = ObisCode.parse("1.0.32.7.0.255");
            List<ItemResult> read = ok(access.withSession(operator, meters[0], Purpose.READ,
                    s -> Result.ok(s.read(List.of(energy, voltage)))));
            assertEquals("Wh", ok(read.get(0).result()).unit());
            assertEquals("V", ok(read.get(1).result()).unit());
            Instant lastEnd = Instant.now().truncatedTo(ChronoUnit.HOURS);
            assertTrue(ok(read.get(0).result()).value().compareTo(BigDecimal.valueOf(first.energyAt(1, lastEnd))) >= 0);

            // one day of the 15-minute profile, 4 channels, values as the meter holds them
            Instant to = lastEnd;
            Instant from = to.minus(Duration.ofDays(1));
            LoadProfile day = ok(access.withSession(operator, meters[0], Purpose.READ,
                    s -> s.readLoadProfile(ObisCode.parse("1.0.99.1.0.255"), from, to)));
            assertEquals(4, day.channels().size());
            assertTrue("96 rows, got " + day.entries().size(), day.entries().size() >= 96);
            Instant at = day.entries().get(10).at();
            assertEquals(BigDecimal.valueOf(first.energyAt(1, at)),
                    day.entries().get(10).values().get(0).value().stripTrailingZeros().setScale(0));

            // relay, clock, CT ratio, signal — controlling needs the write permission, which the operator has
            SimulatedMeter second = fleet.meters().get(1);
            assertEquals(RelayState.DISCONNECTED, ok(access.withSession(operator, meters[1], Purpose.CONTROL,
                    MeterSession::disconnectRelay)));
            assertEquals(0, second.relayControlState());
            assertEquals(RelayState.CONNECTED, ok(access.withSession(operator, meters[1], Purpose.CONTROL,
                    MeterSession::connectRelay)));
            assertEquals(1, second.relayControlState());
            ok(access.withSession(operator, meters[1], Purpose.CONTROL,
                    s -> s.write(new Parameter.CtRatio(new BigDecimal("40")))));
            assertEquals(40, second.ctRatio());
            Instant clock = ok(access.withSession(operator, meters[1], Purpose.READ, MeterSession::readClock));
            assertTrue(Duration.between(clock, Instant.now()).abs().toSeconds() < 60);
            Signal signal = ok(access.withSession(operator, meters[1], Purpose.READ, MeterSession::readSignal));
            assertTrue(signal.rssiDbm() <= -51 && signal.rssiDbm() >= -113);

            // firmware: blocks with progress, then activation
            SimulatedMeter third = fleet.meters().get(2);
            byte[] image = new byte[5_000];
            new java.util.Random(7).nextBytes(image);
            AtomicInteger reported = new AtomicInteger();
            ok(access.withSession(operator, meters[2], Purpose.CONTROL, s -> s.transferImage(
                    new FirmwareImage("FW-2.0.0", image), (done, total) -> {
                        reported.set(done);
                        return true;
                    })));
            assertEquals(third.receivedImageBlocks(), reported.get());
            ok(access.withSession(operator, meters[2], Purpose.CONTROL, s -> s.activateImage("FW-2.0.0")));
            assertEquals("FW-2.0.0", third.activeFirmware());

            // a viewer may read but not control; another customer does not see the meter at all
            Caller viewer = new Caller("eps-viewer", 0, customer, customer, EnumSet.of(Role.VIEWER));
            assertTrue(access.withSession(viewer, meters[0], Purpose.READ, MeterSession::readClock).isOk());
            try {
                access.open(viewer, meters[0], Purpose.CONTROL);
                throw new AssertionError("a viewer must not control a meter");
            } catch (org.meterline.core.api.ForbiddenException expected) {
                // expected
            }
            Caller stranger = new Caller("other", 0, customer + 1000, customer + 1000, EnumSet.of(Role.OPERATOR));
            try {
                access.open(stranger, meters[0], Purpose.READ);
                throw new AssertionError("another customer must not reach the meter");
            } catch (org.meterline.core.api.NotFoundException expected) {
                // expected
            }

            // a meter whose simulated twin stops answering is a typed, retryable outcome
            fleet.meters().get(0).inject(new org.meterline.simulator.Fault.NoAnswer());
            Result<Instant> silent = access.withSession(operator, meters[0], Purpose.READ, MeterSession::readClock);
            assertFalse(silent.isOk());
            assertTrue(silent.error().toString(), silent.error().retryable());
            fleet.meters().get(0).clearFaults();

            // the model without a driver: a clear "not configured"
            long unknownModel = id(eps.post("/meter-models", "{\"manufacturer\":\"Nobody\",\"model\":\"X1\",\"phases\":1}"));
            long orphan = id(eps.post("/meters", "{\"serialNumber\":\"ORPHAN-1\",\"modelId\":" + unknownModel
                    + ",\"moduleId\":" + module + "}"));
            Result<MeterSession> none = access.open(operator, orphan, Purpose.READ);
            assertEquals(DriverError.Kind.NOT_CONFIGURED, none.error().kind());
            assertTrue(none.error().message(), none.error().message().contains("Nobody X1"));
        }
    }
}
