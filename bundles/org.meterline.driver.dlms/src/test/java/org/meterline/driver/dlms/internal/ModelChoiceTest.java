package org.meterline.driver.dlms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meterline.driver.dlms.internal.SimulatorSupport.ok;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.core.api.ObisCode;
import org.meterline.driver.api.CatalogueItem;
import org.meterline.driver.api.MeterSession;
import org.meterline.driver.api.ModelRef;
import org.meterline.driver.api.Result;
import org.meterline.driver.api.SessionSettings;
import org.meterline.simulator.Fleet;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SecurityMode;
import org.meterline.simulator.SimulatedMeter;

/** The model the platform names picks the object map; the catalogue lists what a model can read. */
class ModelChoiceTest {

    private static final ObisCode A_PLUS = ObisCode.parse("1.0.1.8.0.255");
    private static final ObisCode TARIFF_2 = ObisCode.parse("1.0.1.8.2.255");

    @TempDir
    static Path work;

    static Fleet fleet;

    @BeforeAll
    static void start() throws Exception {
        fleet = Fleet.start(FleetSpec.of(1, 0).withName("models").withSecurity(SecurityMode.NONE));
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    @Test
    void theModelInTheSettingsDecidesTheObjectMap() throws Exception {
        Path dir = Files.createDirectories(work.resolve("profiles"));
        // an AM550 quirk: its total import lives in the tariff 2 register
        Files.writeString(dir.resolve("am550-quirk.json"), """
                { "id": "iskra-am550", "objects": [ { "item": "1.0.1.8.0.255", "obis": "1.0.1.8.2.255" } ] }
                """);
        DlmsDriver driver = SimulatorSupport.driver(dir, work.resolve("counters"), 64, Duration.ofMillis(1));
        SimulatedMeter m = fleet.meters().get(0);
        SessionSettings plain = SimulatorSupport.settings(m);
        SessionSettings asAm550 = new SessionSettings(plain.serialNumber(), plain.host(), plain.port(),
                plain.logicalDevice(), plain.clientId(), plain.security(), plain.connectTimeout(),
                plain.responseTimeout(), new ModelRef("ISKRA", "am550"));

        // without a model the meter's name picks the simulator's own profile: A+ is the total register
        Result<MeterSession> bySelf = driver.open(plain);
        List<java.math.BigDecimal> own;
        try (MeterSession s = ok(bySelf)) {
            own = s.read(List.of(A_PLUS, TARIFF_2)).stream().map(r -> ok(r.result()).value())
                    .collect(Collectors.toList());
        }
        assertTrue(own.get(0).compareTo(own.get(1)) > 0, own.toString());

        // named as an Iskra AM550, the AM550 profile (with its quirk) is used for the same meter
        try (MeterSession s = ok(driver.open(asAm550))) {
            List<java.math.BigDecimal> am550 = s.read(List.of(A_PLUS, TARIFF_2)).stream()
                    .map(r -> ok(r.result()).value()).collect(Collectors.toList());
            assertEquals(0, am550.get(0).compareTo(am550.get(1)), am550.toString());
        }
    }

    @Test
    void theCatalogueListsTheModelsMeasurementsFirst() {
        DlmsDriver driver = SimulatorSupport.driver(null, work.resolve("c2"), 64, Duration.ZERO);
        List<CatalogueItem> items = driver.catalogue(new ModelRef("Landis+Gyr", "E450"));
        assertEquals(A_PLUS, items.get(0).item());
        assertEquals("Active energy import (A+) total", items.get(0).name());
        List<ObisCode> codes = items.stream().map(CatalogueItem::item).collect(Collectors.toList());
        assertTrue(codes.contains(ObisCode.parse("1.0.32.7.0.255")));
        assertTrue(codes.contains(ObisCode.parse("1.0.0.4.2.255")), "CT ratio");
        assertTrue(!codes.contains(ObisCode.parse("0.0.43.1.0.255")), "no invocation counter");
        assertTrue(codes.indexOf(ObisCode.parse("1.0.0.4.2.255")) > codes.indexOf(ObisCode.parse("1.0.1.6.0.255")),
                "registers before data");
        assertEquals(List.of(), driver.catalogue(new ModelRef("Nobody", "X1")));
    }
}
