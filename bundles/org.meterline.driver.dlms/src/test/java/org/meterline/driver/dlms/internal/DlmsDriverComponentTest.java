package org.meterline.driver.dlms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.driver.api.ModelRef;

/** The DS component as activated from its configuration. */
class DlmsDriverComponentTest {

    @TempDir
    Path karaf;

    @AfterEach
    void clear() {
        System.clearProperty("karaf.etc");
        System.clearProperty("karaf.data");
    }

    @Test
    void activatesFromConfigurationWithKarafPathsAndReloadsOnModification() throws Exception {
        System.setProperty("karaf.etc", karaf.resolve("etc").toString());
        System.setProperty("karaf.data", karaf.resolve("data").toString());
        Path profiles = Files.createDirectories(karaf.resolve("etc/dlms-profiles"));
        Files.writeString(profiles.resolve("acme.json"),
                "{ \"id\": \"acme-x1\", \"extends\": \"dlms-base\", \"manufacturer\": \"ACME\", \"model\": \"X1\" }");
        MyConfig config = new MyConfig();
        config.counterWindow = 5; // out of range: clamped, not a failed activation
        DlmsDriver driver = new DlmsDriver(config);
        assertTrue(driver.models().contains(new ModelRef("ACME", "X1")), driver.models().toString());
        assertTrue(driver.models().contains(new ModelRef("Landis+Gyr", "E450")));
        assertEquals(karaf.resolve("data/meterline/dlms-counters"), driver.counterStore().directory());

        config.profileDirectory = "";
        driver.modified(config);
        assertTrue(driver.models().stream().noneMatch(m -> m.manufacturer().equals("ACME")));
        assertEquals(3, driver.models().size());
    }
}
