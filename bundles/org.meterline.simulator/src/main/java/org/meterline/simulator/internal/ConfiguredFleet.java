package org.meterline.simulator.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SimulatorService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the fleet named "config" from configuration PID {@code org.meterline.simulator} on its own
 * executor (binding ports and building thousands of logical devices takes seconds), and stops it when the
 * configuration changes or the component goes away.
 */
@org.osgi.service.component.annotations.Component(configurationPid = ConfiguredFleet.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = Config.class)
public class ConfiguredFleet {

    static final String PID = "org.meterline.simulator";
    static final String FLEET_NAME = "config";
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredFleet.class);

    private final SimulatorService simulator;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "meterline-sim-config");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public ConfiguredFleet(@Reference SimulatorService simulator, Config config) {
        this.simulator = simulator;
        apply(config);
    }

    @Modified
    void modified(Config config) {
        apply(config);
    }

    @Deactivate
    void deactivate() {
        executor.submit(() -> simulator.stop(FLEET_NAME));
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Simulator fleet {} did not stop in time", FLEET_NAME);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void apply(Config config) {
        FleetSpec spec;
        try {
            spec = config.count() <= 0 ? null : spec(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Simulator configuration {} is not valid: {}", PID, e.getMessage());
            spec = null;
        }
        FleetSpec wanted = spec;
        executor.submit(() -> {
            simulator.stop(FLEET_NAME);
            if (wanted == null) {
                return;
            }
            try {
                simulator.start(wanted);
            } catch (Exception e) {
                LOG.error("Simulator fleet {} could not start on {}:{}", FLEET_NAME, wanted.bindHost(),
                        wanted.basePort(), e);
            }
        });
    }

    static FleetSpec spec(Config config) {
        return FleetSpec.of(config.count(), config.basePort()).withName(FLEET_NAME)
                .withMetersPerServer(config.metersPerServer()).withSecurity(SecurityModes.parse(config.security()))
                .withSeed(config.seed()).withSerialPrefix(config.serialPrefix()).withBindHost(config.bindHost());
    }
}
