package org.meterline.driver.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.meterline.driver.api.DriverRegistry;
import org.meterline.driver.api.MeterDriver;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks every {@link MeterDriver} service as it comes and goes. A driver built against another
 * major SPI version is refused with a log message and never served.
 */
@Component(service = DriverRegistry.class)
public class DriverRegistryImpl implements DriverRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(DriverRegistryImpl.class);

    private final List<MeterDriver> drivers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addDriver(MeterDriver driver) {
        if (!compatible(driver.spiVersion())) {
            LOG.error("Driver {} was built for driver SPI {}, this platform runs SPI {}: it is not used. "
                    + "Install a version of the driver built for SPI {}.x.", driver.id(), driver.spiVersion(),
                    MeterDriver.SPI_VERSION, major(MeterDriver.SPI_VERSION));
            return;
        }
        drivers.add(driver);
        LOG.info("Driver {} ({}) serves {}", driver.id(), driver.protocol(), driver.models());
    }

    public void removeDriver(MeterDriver driver) {
        drivers.remove(driver);
    }

    @Override
    public Optional<MeterDriver> driverFor(String manufacturer, String model) {
        return drivers.stream().filter(d -> d.models().stream().anyMatch(m -> m.matches(manufacturer, model)))
                .findFirst();
    }

    @Override
    public List<MeterDriver> drivers() {
        return drivers.stream().sorted(Comparator.comparing(MeterDriver::id)).collect(Collectors.toList());
    }

    /** Same major version: a driver for SPI 1.x runs on any SPI 1.y. */
    static boolean compatible(String spiVersion) {
        return spiVersion != null && major(spiVersion).equals(major(MeterDriver.SPI_VERSION));
    }

    static String major(String version) {
        int dot = version.indexOf('.');
        return (dot < 0 ? version : version.substring(0, dot)).trim();
    }
}
