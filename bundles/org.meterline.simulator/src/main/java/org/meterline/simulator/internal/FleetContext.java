package org.meterline.simulator.internal;

import java.time.Instant;
import org.meterline.simulator.FleetSpec;

/** What the meters of one fleet share: the spec, the load model and the start of their history. */
public final class FleetContext {

    private final FleetSpec spec;
    private final LoadModel model;
    private final long historyStartInterval;

    public FleetContext(FleetSpec spec, Instant started) {
        this.spec = spec;
        this.model = new LoadModel(spec.seed());
        this.historyStartInterval = Math.floorDiv(started.getEpochSecond() - spec.historyDays() * 86_400L,
                LoadModel.INTERVAL);
    }

    public FleetSpec spec() {
        return spec;
    }

    public LoadModel model() {
        return model;
    }

    /** First interval end of the profile and event history. */
    public long historyStartInterval() {
        return historyStartInterval;
    }

    public long historyStartSecond() {
        return historyStartInterval * LoadModel.INTERVAL;
    }
}
