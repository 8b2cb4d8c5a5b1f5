package org.meterline.simulator;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.meterline.simulator.internal.FleetRuntime;

/**
 * A running fleet of simulated DLMS/COSEM meters (TCP + wrapper, logical name referencing), see
 * {@link FleetSpec} for the addressing. Works in plain JUnit without OSGi:
 *
 * <pre>{@code
 * try (Fleet fleet = Fleet.start(FleetSpec.of(100, 4059).withSecurity(SecurityMode.NONE))) {
 *     SimulatedMeter m = fleet.meter("SIM000001").orElseThrow();
 *     // connect a DLMS client to m.host():m.port(), logical device m.logicalDevice(), client m.clientId()
 * }
 * }</pre>
 */
public final class Fleet implements AutoCloseable {

    private final FleetSpec spec;
    private final FleetRuntime runtime;
    private final List<SimulatedMeter> meters;
    private final Map<String, SimulatedMeter> bySerial;

    private Fleet(FleetSpec spec, FleetRuntime runtime) {
        this.spec = spec;
        this.runtime = runtime;
        this.meters = List.copyOf(runtime.meters());
        this.bySerial = meters.stream().collect(Collectors.toUnmodifiableMap(SimulatedMeter::serialNumber,
                Function.identity()));
    }

    /**
     * Starts the fleet: binds all its ports or throws, leaving nothing open.
     *
     * @throws IOException if a port cannot be bound
     */
    public static Fleet start(FleetSpec spec) throws IOException {
        Objects.requireNonNull(spec, "spec");
        return new Fleet(spec, FleetRuntime.start(spec));
    }

    public FleetSpec spec() {
        return spec;
    }

    /** The meters in index order (meter i is {@code meters().get(i)}). */
    public List<SimulatedMeter> meters() {
        return meters;
    }

    public Optional<SimulatedMeter> meter(String serialNumber) {
        return Optional.ofNullable(bySerial.get(serialNumber));
    }

    /** The ports the fleet listens on (useful with {@code basePort} 0). */
    public List<Integer> ports() {
        return runtime.ports();
    }

    /** False once {@link #close()} was called. */
    public boolean isRunning() {
        return runtime.isRunning();
    }

    /** Closes every connection, port and thread of the fleet. Idempotent. */
    @Override
    public void close() {
        runtime.close();
    }

    @Override
    public String toString() {
        return "Fleet[" + spec.name() + ", " + spec.count() + " meters, " + spec.security() + ", ports "
                + spec.basePort() + ".." + (spec.basePort() + spec.serverCount() - 1) + "]";
    }
}
