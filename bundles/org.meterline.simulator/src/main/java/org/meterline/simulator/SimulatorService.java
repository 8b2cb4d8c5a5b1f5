package org.meterline.simulator;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Starts, stops and lists fleets of simulated meters in a running platform (an OSGi service). */
public interface SimulatorService {

    /**
     * Starts a fleet.
     *
     * @throws IllegalStateException if a fleet with the same name runs
     * @throws IOException if a port cannot be bound (then nothing of the fleet stays open)
     */
    Fleet start(FleetSpec spec) throws IOException;

    /** Stops and removes the fleet with this name; false if there was none. */
    boolean stop(String name);

    /** The running fleets. */
    List<Fleet> fleets();

    Optional<Fleet> fleet(String name);

    /** The meter with this serial number in any running fleet. */
    Optional<SimulatedMeter> meter(String serialNumber);
}
