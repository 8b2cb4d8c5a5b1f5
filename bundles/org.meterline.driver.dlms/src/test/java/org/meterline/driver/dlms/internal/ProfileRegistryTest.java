package org.meterline.driver.dlms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.core.api.ObisCode;
import org.meterline.driver.api.ModelRef;
import org.meterline.driver.dlms.internal.ModelProfile.CosemObject;

class ProfileRegistryTest {

    private static final ObisCode A_PLUS = ObisCode.parse("1.0.1.8.0.255");

    @TempDir
    Path dir;

    @Test
    void shippedProfilesLoadCleanlyAndInherit() {
        ProfileRegistry.Loaded loaded = ProfileRegistry.load(Optional.empty());
        assertEquals(List.of(), loaded.problems());
        assertEquals(Set.of("dlms-base", "landis-gyr-e450", "iskra-am550", "meterline-sim-1"),
                loaded.profiles().keySet());
        assertEquals(Set.of(new ModelRef("Landis+Gyr", "E450"), new ModelRef("Iskra", "AM550"),
                new ModelRef("Meterline", "SIM-1")), loaded.models());
        ModelProfile e450 = loaded.profile("landis-gyr-e450").orElseThrow();
        assertEquals(loaded.base().objects(), e450.objects());
        assertEquals("power off", e450.events().get(1));
        assertEquals("relay connected", e450.events().get(60));
        assertEquals(3, e450.eventLogs().size());
        assertEquals(Optional.of(ObisCode.parse("1.0.99.1.0.255")), e450.loadProfile());
        CosemObject a = e450.object(A_PLUS).orElseThrow();
        assertEquals(3, a.classId());
        assertEquals(2, a.attribute());
        assertTrue(a.scaler().isEmpty(), "the base profile takes scaler and unit from the meter");
        assertEquals(4, e450.object(ObisCode.parse("1.0.1.6.0.255")).orElseThrow().classId());
    }

    @Test
    void profileIsChosenByLogicalDeviceNamePrefix() {
        ProfileRegistry.Loaded loaded = ProfileRegistry.load(Optional.empty());
        assertEquals("landis-gyr-e450", loaded.forDeviceName("LGZ1030012345678").id());
        assertEquals("iskra-am550", loaded.forDeviceName("ISK1234").id());
        assertEquals("meterline-sim-1", loaded.forDeviceName("MLSSIM000001").id());
        assertEquals("dlms-base", loaded.forDeviceName("XYZ1").id());
        assertEquals("dlms-base", loaded.forDeviceName(null).id());
    }

    @Test
    void directoryFileAddsAModelAndOverridesPerItem() throws IOException {
        Files.writeString(dir.resolve("acme.json"), """
                {
                  "id": "acme-x1", "extends": "landis-gyr-e450", "manufacturer": "ACME", "model": "X1",
                  "deviceNamePrefixes": ["ACM"],
                  "objects": [
                    { "item": "1-0:1.8.0", "obis": "1.0.1.8.128.255", "scaler": -3, "unit": "Wh" },
                    { "item": "1.0.32.7.0.255", "remove": true },
                    { "item": "0.0.96.14.0.255", "classId": 1, "name": "current tariff" }
                  ],
                  "events": { "1": "Netzausfall", "200": "vendor event" }
                }
                """);
        ProfileRegistry.Loaded loaded = ProfileRegistry.load(Optional.of(dir));
        assertEquals(List.of(), loaded.problems());
        ModelProfile acme = loaded.profile("acme-x1").orElseThrow();
        assertEquals(Optional.of(new ModelRef("ACME", "X1")), acme.model());
        CosemObject a = acme.object(A_PLUS).orElseThrow();
        assertEquals(ObisCode.parse("1.0.1.8.128.255"), a.obis());
        assertEquals(3, a.classId(), "classId inherited from the base entry of the same item");
        assertEquals(Optional.of(-3), a.scaler());
        assertFalse(acme.object(ObisCode.parse("1.0.32.7.0.255")).isPresent());
        assertEquals(2, acme.object(ObisCode.parse("0.0.96.14.0.255")).orElseThrow().attribute());
        assertEquals("Netzausfall", acme.events().get(1));
        assertEquals("power on", acme.events().get(2));
        assertEquals("acme-x1", loaded.forDeviceName("ACM00042").id());
        // the parent is untouched
        assertEquals(A_PLUS, loaded.profile("landis-gyr-e450").orElseThrow().object(A_PLUS).orElseThrow().obis());
    }

    @Test
    void directoryFileWithAShippedIdIsAnOverlay() throws IOException {
        Files.writeString(dir.resolve("sim-quirk.json"), """
                { "id": "meterline-sim-1",
                  "objects": [ { "item": "1.0.1.8.0.255", "scaler": 1, "unit": "kWh" } ] }
                """);
        ProfileRegistry.Loaded loaded = ProfileRegistry.load(Optional.of(dir));
        // kWh is no DLMS unit name: the overlay is refused, the shipped profile stays
        assertEquals(1, loaded.problems().size(), loaded.problems().toString());
        assertTrue(loaded.problems().get(0).message().contains("unit 'kWh'"), loaded.problems().toString());
        assertTrue(loaded.problems().get(0).source().endsWith("sim-quirk.json"));
        assertTrue(loaded.profile("meterline-sim-1").orElseThrow().object(A_PLUS).orElseThrow().scaler().isEmpty());

        Files.writeString(dir.resolve("sim-quirk.json"), """
                { "id": "meterline-sim-1",
                  "objects": [ { "item": "1.0.1.8.0.255", "scaler": 1 } ] }
                """);
        loaded = ProfileRegistry.load(Optional.of(dir));
        assertEquals(List.of(), loaded.problems());
        ModelProfile sim = loaded.profile("meterline-sim-1").orElseThrow();
        assertEquals(Optional.of(1), sim.object(A_PLUS).orElseThrow().scaler());
        assertEquals(Optional.of(new ModelRef("Meterline", "SIM-1")), sim.model(), "overlay keeps the rest");
        assertEquals(loaded.base().objects().size(), sim.objects().size());
    }

    @Test
    void badFilesAreReportedByFileAndNeverTakeDownTheShippedProfiles() throws IOException {
        Files.writeString(dir.resolve("a-syntax.json"), "{ \"id\": \"broken\", \"objects\": [ { \"item\": ");
        Files.writeString(dir.resolve("b-unknown-field.json"), """
                { "id": "typo", "extends": "dlms-base",
                  "objects": [ { "item": "1.0.1.8.0.255", "scalar": 1 } ] }
                """);
        Files.writeString(dir.resolve("c-bad-obis.json"), """
                { "id": "bad-obis", "extends": "dlms-base", "objects": [ { "item": "1.0.1.8.0", "classId": 3 } ] }
                """);
        Files.writeString(dir.resolve("d-no-parent.json"), "{ \"id\": \"orphan\", \"extends\": \"nope\" }");
        Files.writeString(dir.resolve("e-cycle1.json"), "{ \"id\": \"c1\", \"extends\": \"c2\" }");
        Files.writeString(dir.resolve("f-cycle2.json"), "{ \"id\": \"c2\", \"extends\": \"c1\" }");
        Files.writeString(dir.resolve("g-no-id.json"), "{ \"extends\": \"dlms-base\" }");
        Files.writeString(dir.resolve("h-bad-base.json"), """
                { "id": "dlms-base", "objects": [ { "item": "1.0.1.8.0.255", "classId": 0 } ] }
                """);
        Files.writeString(dir.resolve("i-good.json"), """
                { "id": "good", "extends": "dlms-base", "manufacturer": "Good", "model": "G1" }
                """);
        Files.writeString(dir.resolve("j-duplicate.json"), "{ \"id\": \"good\", \"extends\": \"dlms-base\" }");

        ProfileRegistry.Loaded loaded = ProfileRegistry.load(Optional.of(dir));
        String all = loaded.problems().stream().map(Object::toString).collect(Collectors.joining("\n"));
        assertTrue(all.contains("a-syntax.json: line "), all);
        assertTrue(all.matches("(?s).*b-unknown-field.json: line \\d+, column \\d+: unknown field 'scalar'.*"), all);
        assertTrue(all.contains("c-bad-obis.json: objects[item 1.0.1.8.0].item: '1.0.1.8.0' is not an OBIS code"),
                all);
        assertTrue(all.contains("d-no-parent.json: extends 'nope', which is no known profile"), all);
        assertTrue(all.contains("e-cycle1.json: 'extends' makes a cycle"), all);
        assertTrue(all.contains("g-no-id.json: field 'id' is missing"), all);
        assertTrue(all.contains("h-bad-base.json: objects[item 1.0.1.8.0.255]: classId 0 is not 1..65535"), all);
        assertTrue(all.contains("j-duplicate.json: profile id 'good' is also defined in"), all);
        assertTrue(loaded.problems().stream().noneMatch(p -> p.source().endsWith("i-good.json")), all);
        assertTrue(all.contains("h-bad-base.json: it would also break bundle:profiles/landis-gyr-e450.json"), all);

        assertEquals(Set.of("dlms-base", "landis-gyr-e450", "iskra-am550", "meterline-sim-1", "good"),
                loaded.profiles().keySet());
        ProfileRegistry.Loaded shipped = ProfileRegistry.load(Optional.empty());
        for (String id : List.of("dlms-base", "landis-gyr-e450", "iskra-am550", "meterline-sim-1")) {
            assertEquals(shipped.profile(id).orElseThrow().objects(), loaded.profile(id).orElseThrow().objects(), id);
        }
    }

    @Test
    void aFileMayExtendOneThatSortsAfterIt() throws IOException {
        Files.writeString(dir.resolve("a-child.json"), """
                { "id": "child", "extends": "parent", "manufacturer": "P", "model": "C" }
                """);
        Files.writeString(dir.resolve("z-parent.json"), """
                { "id": "parent", "extends": "dlms-base",
                  "objects": [ { "item": "1.0.1.8.0.255", "unit": "Wh", "scaler": 0 } ] }
                """);
        ProfileRegistry.Loaded loaded = ProfileRegistry.load(Optional.of(dir));
        assertEquals(List.of(), loaded.problems());
        assertEquals(Optional.of("Wh"), loaded.profile("child").orElseThrow().object(A_PLUS).orElseThrow().unit());
    }
}
