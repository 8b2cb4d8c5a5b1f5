package org.meterline.driver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.meterline.driver.api.DriverError;
import org.meterline.driver.api.MeterDriver;
import org.meterline.driver.api.MeterSession;
import org.meterline.driver.api.ModelRef;
import org.meterline.driver.api.Result;
import org.meterline.driver.api.SessionSettings;

class DriverRegistryImplTest {

    private static MeterDriver driver(String id, String spi, ModelRef... models) {
        return new MeterDriver() {
            @Override public String id() { return id; }
            @Override public String protocol() { return "dlms-cosem"; }
            @Override public Set<ModelRef> models() { return Set.of(models); }
            @Override public String spiVersion() { return spi; }
            @Override public Result<MeterSession> open(SessionSettings settings) {
                return Result.failed(DriverError.Kind.UNSUPPORTED, "test driver");
            }
        };
    }

    @Test
    void servesADriverAsSoonAsItComesAndStopsWhenItGoes() {
        DriverRegistryImpl registry = new DriverRegistryImpl();
        assertTrue(registry.driverFor("Landis+Gyr", "E450").isEmpty());
        MeterDriver vendor = driver("vendor", "1.3", new ModelRef("Landis+Gyr", "E450"));
        registry.addDriver(vendor);
        assertEquals(vendor, registry.driverFor("landis+gyr", "e450").orElseThrow());
        registry.removeDriver(vendor);
        assertTrue(registry.driverFor("Landis+Gyr", "E450").isEmpty());
    }

    @Test
    void refusesAnIncompatibleSpiMajor() {
        DriverRegistryImpl registry = new DriverRegistryImpl();
        registry.addDriver(driver("old", "0.9", new ModelRef("Iskra", "AM550")));
        registry.addDriver(driver("future", "2.0", new ModelRef("Iskra", "AM550")));
        assertTrue(registry.driverFor("Iskra", "AM550").isEmpty());
        assertEquals(List.of(), registry.drivers());
        assertTrue(DriverRegistryImpl.compatible("1"));
        assertFalse(DriverRegistryImpl.compatible(null));
    }
}
