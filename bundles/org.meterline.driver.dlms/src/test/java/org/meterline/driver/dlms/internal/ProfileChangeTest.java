package org.meterline.driver.dlms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meterline.driver.dlms.internal.SimulatorSupport.ok;
import static org.meterline.driver.dlms.internal.SimulatorSupport.open;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.core.api.ObisCode;
import org.meterline.driver.api.ItemResult;
import org.meterline.driver.api.LoadProfile;
import org.meterline.driver.api.Reading;
import org.meterline.simulator.Fleet;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SecurityMode;
import org.meterline.simulator.SimulatedMeter;

/** A file in the profile directory changes what the driver reads, without code changes or a restart. */
class ProfileChangeTest {

    private static final ObisCode A_PLUS = ObisCode.parse("1.0.1.8.0.255");
    private static final ObisCode TARIFF_1 = ObisCode.parse("1.0.1.8.1.255");
    private static final ObisCode VOLTAGE = ObisCode.parse("1.0.32.7.0.255");

    @TempDir
    static Path work;

    static Fleet fleet;

    @BeforeAll
    static void start() throws Exception {
        fleet = Fleet.start(FleetSpec.of(3, 0).withName("profiles").withSecurity(SecurityMode.NONE));
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    private static List<ItemResult> read(DlmsDriver driver, SimulatedMeter m, ObisCode... items) {
        try (DlmsSession s = open(driver, m)) {
            return s.read(List.of(items));
        }
    }

    @Test
    void anOverlayRemapsAnItemAndOverridesAScaler() throws Exception {
        Path dir = Files.createDirectories(work.resolve("overlay"));
        // refresh on every open: the change is seen by the next session
        DlmsDriver driver = SimulatorSupport.driver(dir, work.resolve("c1"), 64, Duration.ofMillis(1));
        SimulatedMeter m = fleet.meters().get(0);

        List<ItemResult> before = read(driver, m, A_PLUS, TARIFF_1, VOLTAGE);
        Reading volts = ok(before.get(2).result());
        assertTrue(ok(before.get(0).result()).value().compareTo(ok(before.get(1).result()).value()) > 0);

        // vendor quirk: this model keeps its total import in the tariff 1 register, and reports voltage
        // with a scaler of 0 in attribute 3 although the value is in 0.1 V
        Files.writeString(dir.resolve("sim-quirk.json"), """
                { "id": "meterline-sim-1",
                  "objects": [
                    { "item": "1.0.1.8.0.255", "obis": "1.0.1.8.1.255" },
                    { "item": "1.0.32.7.0.255", "scaler": -2, "unit": "V" }
                  ] }
                """);
        Thread.sleep(5);
        List<ItemResult> after = read(driver, m, A_PLUS, TARIFF_1, VOLTAGE);
        Reading total = ok(after.get(0).result());
        assertEquals(A_PLUS, total.item(), "still reported as the item asked for");
        assertEquals(0, total.value().compareTo(ok(after.get(1).result()).value()), "read from the tariff 1 register");
        Reading quirkVolts = ok(after.get(2).result());
        BigDecimal ratio = volts.value().divide(quirkVolts.value(), 3, java.math.RoundingMode.HALF_UP);
        assertTrue(ratio.compareTo(new BigDecimal("8")) > 0 && ratio.compareTo(new BigDecimal("12")) < 0,
                "scaler -2 instead of -1: " + volts + " vs " + quirkVolts);

        // the load profile channel of the remapped register is reported under the item, with the override
        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS);
        try (DlmsSession s = open(driver, m)) {
            LoadProfile p = ok(s.readLoadProfile(ObisCode.parse("1.0.99.1.0.255"), to.minus(Duration.ofHours(1)), to));
            assertTrue(p.channels().contains(A_PLUS), p.channels().toString());
        }

        // remove the file: the shipped profile is back
        Files.delete(dir.resolve("sim-quirk.json"));
        Thread.sleep(5);
        List<ItemResult> back = read(driver, m, A_PLUS, TARIFF_1);
        assertTrue(ok(back.get(0).result()).value().compareTo(ok(back.get(1).result()).value()) > 0);
    }

    @Test
    void aNewProfileForOneMeterByDeviceName() throws Exception {
        Path dir = Files.createDirectories(work.resolve("new"));
        SimulatedMeter special = fleet.meters().get(2);
        SimulatedMeter other = fleet.meters().get(1);
        Files.writeString(dir.resolve("one-meter.json"), """
                { "id": "sim-1-de", "extends": "meterline-sim-1",
                  "description": "one meter whose event names the operator wants in German",
                  "deviceNamePrefixes": ["MLS%s"],
                  "events": { "1": "Spannungsausfall", "2": "Spannungswiederkehr" } }
                """.formatted(special.serialNumber()));
        DlmsDriver driver = SimulatorSupport.driver(dir, work.resolve("c2"), 64, Duration.ZERO);
        Instant to = Instant.now().plusSeconds(60);
        Instant from = to.minus(Duration.ofDays(30));
        ObisCode standard = ObisCode.parse("0.0.99.98.0.255");
        try (DlmsSession s = open(driver, special)) {
            assertEquals("sim-1-de", s.profile().id(), "the longest matching device name prefix wins");
            assertTrue(ok(s.readEvents(standard, from, to)).stream().anyMatch(e -> e.name().equals("Spannungsausfall")));
        }
        try (DlmsSession s = open(driver, other)) {
            assertEquals("meterline-sim-1", s.profile().id());
            assertTrue(ok(s.readEvents(standard, from, to)).stream().anyMatch(e -> e.name().equals("power off")));
        }
    }
}
