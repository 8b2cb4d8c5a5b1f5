package org.meterline.simulator.internal;

import java.io.IOException;
import java.util.List;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SimulatedMeter;

/** The servers and meters behind a {@link org.meterline.simulator.Fleet}. */
public final class FleetRuntime implements AutoCloseable {

    private FleetRuntime() {
    }

    public static FleetRuntime start(FleetSpec spec) throws IOException {
        throw new IOException("not implemented yet");
    }

    public List<? extends SimulatedMeter> meters() {
        return List.of();
    }

    public List<Integer> ports() {
        return List.of();
    }

    public boolean isRunning() {
        return false;
    }

    @Override
    public void close() {
    }
}
