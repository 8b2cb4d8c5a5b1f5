package org.meterline.collection.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.meterline.core.api.Caller;
import org.meterline.driver.api.CatalogueItem;
import org.meterline.driver.api.DriverError;
import org.meterline.driver.api.MeterAccess;
import org.meterline.driver.api.MeterDriver;
import org.meterline.driver.api.MeterSession;
import org.meterline.driver.api.Result;
import org.meterline.driver.api.Security;
import org.meterline.driver.api.SessionSettings;
import org.meterline.simulator.SimulatedMeter;

/**
 * Meter access for the tests: opens real DLMS driver sessions with simulated meters by meter id (the
 * archive's part, finding host, port and keys, is what the real MeterAccess adds). A meter id it does
 * not know is NOT_CONFIGURED, as the real one answers for a meter without a module.
 */
final class FleetAccess implements MeterAccess {

    private final Map<Long, SimulatedMeter> meters;
    private final MeterDriver driver;
    private final Duration connectTimeout;
    private final Duration responseTimeout;

    FleetAccess(Map<Long, SimulatedMeter> meters, MeterDriver driver, Duration connectTimeout, Duration responseTimeout) {
        this.meters = meters;
        this.driver = driver;
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
    }

    @Override
    public Result<MeterSession> open(Caller caller, long meterId, Purpose purpose) {
        SimulatedMeter m = meters.get(meterId);
        if (m == null) {
            return Result.failed(DriverError.Kind.NOT_CONFIGURED, "Meter " + meterId + " has no acquisition module.");
        }
        return driver.open(new SessionSettings(m.serialNumber(), m.host(), m.port(), m.logicalDevice(), m.clientId(),
                new Security.None(), connectTimeout, responseTimeout));
    }

    @Override
    public List<CatalogueItem> catalogue(Caller caller, long meterId) {
        return List.of();
    }
}
