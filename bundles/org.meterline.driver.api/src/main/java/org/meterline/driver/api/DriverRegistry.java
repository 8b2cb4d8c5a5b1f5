package org.meterline.driver.api;

import java.util.List;
import java.util.Optional;

/** The platform's view of the installed drivers. */
public interface DriverRegistry {

    /** The driver serving a meter model now, if any (drivers with an incompatible SPI major are ignored). */
    Optional<MeterDriver> driverFor(String manufacturer, String model);

    /** Every installed driver with a compatible SPI. */
    List<MeterDriver> drivers();
}
