package org.meterline.collection.internal;

import java.time.Instant;
import org.meterline.collection.api.TaskRun;

/** Starts runs of collection tasks; the Camel route set implements it. */
public interface RunLauncher {

    /**
     * Opens a run of the task and hands it to the routes; returns at once with the run (RUNNING).
     *
     * @param trigger "schedule" or "manual:&lt;username&gt;"
     * @param periodEnd the end of the period the run reads (the fire time, or now)
     */
    TaskRun launch(long tenantId, long taskId, String trigger, Instant periodEnd);
}
