package org.meterline.driver.dlms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meterline.driver.dlms.internal.SimulatorSupport.ok;
import static org.meterline.driver.dlms.internal.SimulatorSupport.open;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.core.api.ObisCode;
import org.meterline.driver.api.DriverError.Kind;
import org.meterline.driver.api.FirmwareImage;
import org.meterline.driver.api.ItemResult;
import org.meterline.driver.api.LoadProfile;
import org.meterline.driver.api.MeterEvent;
import org.meterline.driver.api.ModelRef;
import org.meterline.driver.api.Parameter;
import org.meterline.driver.api.ProfileEntry;
import org.meterline.driver.api.Quality;
import org.meterline.driver.api.Reading;
import org.meterline.driver.api.RelayState;
import org.meterline.driver.api.Result;
import org.meterline.driver.api.Signal;
import org.meterline.simulator.Fleet;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SimulatedMeter;

/** Every session operation against the simulator over TCP (HLS5-GMAC, the fleet default). */
class SessionOperationsTest {

    private static final ObisCode A_PLUS = ObisCode.parse("1.0.1.8.0.255");
    private static final ObisCode A_MINUS = ObisCode.parse("1.0.2.8.0.255");
    private static final ObisCode R_PLUS = ObisCode.parse("1.0.3.8.0.255");
    private static final ObisCode R_MINUS = ObisCode.parse("1.0.4.8.0.255");
    private static final ObisCode VOLTAGE = ObisCode.parse("1.0.32.7.0.255");
    private static final ObisCode CURRENT = ObisCode.parse("1.0.31.7.0.255");
    private static final ObisCode POWER = ObisCode.parse("1.0.1.7.0.255");
    private static final ObisCode MAX_DEMAND = ObisCode.parse("1.0.1.6.0.255");
    private static final ObisCode LOAD_PROFILE = ObisCode.parse("1.0.99.1.0.255");

    @TempDir
    static Path work;

    static Fleet fleet;
    static DlmsDriver driver;

    @BeforeAll
    static void start() throws Exception {
        fleet = Fleet.start(FleetSpec.of(8, 0).withName("ops"));
        driver = SimulatorSupport.driver(null, work.resolve("counters"), 64, Duration.ZERO);
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    private static SimulatedMeter meter(int i) {
        return fleet.meters().get(i);
    }

    @Test
    void driverIdentity() {
        assertEquals("dlms", driver.id());
        assertEquals("dlms-cosem", driver.protocol());
        assertEquals("1.0", driver.spiVersion());
        assertTrue(driver.models().containsAll(Set.of(new ModelRef("Landis+Gyr", "E450"),
                new ModelRef("Iskra", "AM550"), new ModelRef("Meterline", "SIM-1"))));
    }

    @Test
    void readsRegistersWithScalerAndUnitInOneSession() {
        SimulatedMeter m = meter(0);
        try (DlmsSession s = open(driver, m)) {
            assertEquals("meterline-sim-1", s.profile().id(), "chosen by the logical device name MLS…");
            Instant lastEnd = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            lastEnd = lastEnd.minusSeconds(lastEnd.getEpochSecond() % 900);
            ObisCode unknown = ObisCode.parse("1.0.99.99.9.255");
            List<ItemResult> r = s.read(List.of(A_PLUS, A_MINUS, R_PLUS, R_MINUS, VOLTAGE, CURRENT, POWER, MAX_DEMAND,
                    ObisCode.parse("1.0.1.8.1.255"), ObisCode.parse("1.0.1.8.2.255"), ObisCode.parse("1.0.0.4.2.255"),
                    ObisCode.parse("0.0.96.1.0.255"), unknown));
            assertEquals(13, r.size());
            Reading aPlus = ok(r.get(0).result());
            assertEquals(A_PLUS, r.get(0).item());
            assertEquals("Wh", aPlus.unit());
            assertEquals(Quality.GOOD, aPlus.quality());
            assertTrue(aPlus.value().compareTo(BigDecimal.valueOf(m.energyAt(1, lastEnd))) >= 0,
                    aPlus + " vs profile " + m.energyAt(1, lastEnd));
            assertTrue(aPlus.value().compareTo(BigDecimal.valueOf(m.energyAt(1, lastEnd.plusSeconds(900)))) <= 0);
            assertEquals("Wh", ok(r.get(1).result()).unit());
            assertEquals("varh", ok(r.get(2).result()).unit());
            assertEquals("varh", ok(r.get(3).result()).unit());
            Reading volts = ok(r.get(4).result());
            assertEquals("V", volts.unit());
            assertTrue(volts.value().compareTo(BigDecimal.valueOf(150)) > 0
                    && volts.value().compareTo(BigDecimal.valueOf(300)) < 0, volts.toString());
            assertTrue(volts.value().scale() >= 1, "scaler -1 applied: " + volts.value());
            assertEquals("A", ok(r.get(5).result()).unit());
            assertEquals("W", ok(r.get(6).result()).unit());
            Reading maxDemand = ok(r.get(7).result());
            assertEquals("W", maxDemand.unit());
            assertFalse(maxDemand.readAt().isAfter(Instant.now()), "capture time of the maximum");
            BigDecimal tariffs = ok(r.get(8).result()).value().add(ok(r.get(9).result()).value());
            assertEquals(0, tariffs.compareTo(aPlus.value()), "T1 + T2 = total: " + tariffs + " vs " + aPlus);
            assertEquals(BigDecimal.valueOf(m.ctRatio()), ok(r.get(10).result()).value());
            assertEquals(Kind.UNSUPPORTED, r.get(11).result().error().kind(), "the serial number is text");
            assertTrue(r.get(11).result().error().message().contains(m.serialNumber()));
            assertEquals(Kind.OBJECT_UNDEFINED, r.get(12).result().error().kind());
            assertEquals(List.of(), s.read(List.of()));
        }
    }

    @Test
    void readsOneDayOfTheLoadProfile() {
        SimulatedMeter m = meter(1);
        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant from = to.minus(Duration.ofDays(1));
        try (DlmsSession s = open(driver, m)) {
            LoadProfile p = ok(s.readLoadProfile(LOAD_PROFILE, from, to));
            assertEquals(LOAD_PROFILE, p.profile());
            assertEquals(List.of(A_PLUS, A_MINUS, R_PLUS, R_MINUS), p.channels());
            assertEquals(96, p.entries().size());
            assertEquals(from, p.entries().get(0).at(), "[from, to): the row at 'from' is included");
            assertEquals(to, p.entries().get(95).at().plusSeconds(900), "[from, to): the row at 'to' is not included");
            for (ProfileEntry e : p.entries()) {
                assertEquals(4, e.values().size());
                for (int c = 0; c < 4; c++) {
                    Reading v = e.values().get(c);
                    assertEquals(0, v.value().compareTo(BigDecimal.valueOf(m.energyAt(c + 1, e.at()))),
                            "channel " + (c + 1) + " at " + e.at());
                    assertEquals(c < 2 ? "Wh" : "varh", v.unit());
                    assertEquals(e.at(), v.readAt());
                    assertEquals(Quality.GOOD, v.quality());
                }
            }
            // a period without rows is an empty profile, not an error
            LoadProfile none = ok(s.readLoadProfile(LOAD_PROFILE, to.plus(Duration.ofDays(2)), to.plus(Duration.ofDays(3))));
            assertEquals(List.of(), none.entries());
        }
    }

    @Test
    void readsEventLogsWithNamesFromTheProfile() {
        SimulatedMeter m = meter(2);
        Instant to = Instant.now().plusSeconds(60);
        Instant from = to.minus(Duration.ofDays(30));
        try (DlmsSession s = open(driver, m)) {
            List<MeterEvent> standard = ok(s.readEvents(ObisCode.parse("0.0.99.98.0.255"), from, to));
            assertFalse(standard.isEmpty(), "generated power off/on events");
            Set<String> names = standard.stream().map(MeterEvent::name).collect(Collectors.toSet());
            assertTrue(names.contains("power off") && names.contains("power on"), names.toString());
            for (MeterEvent e : standard) {
                assertFalse(e.at().isBefore(from));
                assertTrue(e.at().isBefore(to));
            }
            m.openTerminalCover();
            List<MeterEvent> fraud = ok(s.readEvents(ObisCode.parse("0.0.99.98.1.255"), from, to));
            assertTrue(fraud.stream().anyMatch(e -> e.code() == 40 && e.name().equals("terminal cover opened")),
                    fraud.toString());
        }
    }

    @Test
    void readsAndSetsTheClock() {
        SimulatedMeter m = meter(3);
        try (DlmsSession s = open(driver, m)) {
            Instant clock = ok(s.readClock());
            assertTrue(Duration.between(clock, Instant.now()).abs().toSeconds() < 60, clock.toString());
            Instant past = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
            ok(s.setClock(past));
            Instant read = ok(s.readClock());
            assertTrue(Duration.between(past, read).abs().toSeconds() < 10, read + " after setting " + past);
            ok(s.setClock(Instant.now()));
            assertTrue(Duration.between(ok(s.readClock()), Instant.now()).abs().toSeconds() < 10);
            List<MeterEvent> events = ok(s.readEvents(ObisCode.parse("0.0.99.98.0.255"),
                    Instant.now().minus(Duration.ofDays(1)), Instant.now().plusSeconds(60)));
            assertTrue(events.stream().anyMatch(e -> e.name().equals("clock set")), events.toString());
        }
    }

    @Test
    void operatesTheRelayAndReadsItsStateBack() {
        SimulatedMeter m = meter(4);
        try (DlmsSession s = open(driver, m)) {
            assertEquals(RelayState.CONNECTED, ok(s.readRelay()));
            assertEquals(RelayState.DISCONNECTED, ok(s.disconnectRelay()));
            assertEquals(0, m.relayControlState());
            assertEquals(RelayState.DISCONNECTED, ok(s.readRelay()));
            assertEquals(RelayState.CONNECTED, ok(s.connectRelay()));
            assertEquals(1, m.relayControlState());
            List<MeterEvent> log = ok(s.readEvents(ObisCode.parse("0.0.99.98.2.255"),
                    Instant.now().minus(Duration.ofHours(1)), Instant.now().plusSeconds(60)));
            assertEquals(List.of("relay disconnected", "relay connected"),
                    log.stream().map(MeterEvent::name).toList().subList(Math.max(0, log.size() - 2), log.size()));
        }
    }

    @Test
    void writesRatiosAndTypedValues() {
        SimulatedMeter m = meter(5);
        try (DlmsSession s = open(driver, m)) {
            ok(s.write(new Parameter.CtRatio(new BigDecimal("40"))));
            assertEquals(40, m.ctRatio());
            ok(s.write(new Parameter.CtRatio(new BigDecimal("60.000"))));
            assertEquals(60, m.ctRatio());
            Result<?> fraction = s.write(new Parameter.CtRatio(new BigDecimal("2.5")));
            assertEquals(Kind.UNSUPPORTED, fraction.error().kind());
            assertTrue(fraction.error().message().contains("2.5 is not integral"), fraction.error().message());
            assertEquals(60, m.ctRatio());
            ok(s.write(new Parameter.PtRatio(BigDecimal.valueOf(100))));
            assertEquals(100, m.ptRatio());
            ok(s.write(new Parameter.Value(ObisCode.parse("1.0.0.4.3.255"), 1, 2, "7")));
            assertEquals(7, m.ptRatio());
            Result<?> bad = s.write(new Parameter.Value(ObisCode.parse("1.0.0.4.3.255"), 1, 2, "seven"));
            assertEquals(Kind.UNSUPPORTED, bad.error().kind());
            Result<?> range = s.write(new Parameter.Value(ObisCode.parse("1.0.0.4.3.255"), 1, 2, "70000"));
            assertEquals(Kind.UNSUPPORTED, range.error().kind());
            assertEquals(7, m.ptRatio());
            Result<?> missing = s.write(new Parameter.Value(ObisCode.parse("1.0.0.4.9.255"), 1, 2, "1"));
            assertEquals(Kind.OBJECT_UNDEFINED, missing.error().kind());
            // the session is still usable after refused writes
            assertTrue(s.readClock().isOk());
        }
    }

    @Test
    void transfersAnImageInBlocksResumesAndActivates() {
        SimulatedMeter m = meter(6);
        byte[] image = new byte[192 * 20 + 17];
        new Random(3).nextBytes(image);
        FirmwareImage fw = new FirmwareImage("FW-2.1.0", image);
        List<Integer> seen = new ArrayList<>();
        try (DlmsSession s = open(driver, m)) {
            Result<?> stopped = s.transferImage(fw, (done, total) -> {
                seen.add(done);
                assertEquals(21, total);
                return done < 8;
            });
            assertEquals(Kind.CANCELLED, stopped.error().kind());
            assertEquals(8, m.receivedImageBlocks());
        }
        seen.clear();
        try (DlmsSession s = open(driver, m)) {
            ok(s.transferImage(fw, (done, total) -> seen.add(done)));
            assertEquals(9, seen.get(0), "resumed after the 8 blocks the meter had");
            assertEquals(21, seen.get(seen.size() - 1));
            assertEquals(21, m.receivedImageBlocks());
            Result<?> wrong = s.activateImage("FW-9.9.9");
            assertFalse(wrong.isOk());
            assertEquals(Kind.OBJECT_UNDEFINED, wrong.error().kind());
            ok(s.activateImage("FW-2.1.0"));
            assertEquals("FW-2.1.0", m.activeFirmware());
        }
    }

    @Test
    void readsTheSignal() {
        try (DlmsSession s = open(driver, meter(7))) {
            Signal sig = ok(s.readSignal());
            assertTrue(sig.quality() >= 0 && sig.quality() <= 31, sig.toString());
            assertEquals(-113 + 2 * sig.quality(), sig.rssiDbm());
        }
    }

    @Test
    void closedSessionsAnswerConnectionFailed() {
        DlmsSession s = open(driver, meter(7));
        s.close();
        s.close();
        assertEquals(Kind.CONNECTION_FAILED, s.readClock().error().kind());
        assertEquals(Kind.CONNECTION_FAILED, s.read(List.of(A_PLUS)).get(0).result().error().kind());
    }
}
