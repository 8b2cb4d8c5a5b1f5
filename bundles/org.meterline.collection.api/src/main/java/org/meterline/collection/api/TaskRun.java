package org.meterline.collection.api;

import java.time.Instant;

/**
 * One execution of a collection task.
 *
 * @param trigger "schedule" or "manual:&lt;username&gt;"
 * @param periodStart the start of the period the run reads (templates that read a period)
 * @param periodEnd the end of that period (exclusive), the run's nominal time
 * @param finished null while running
 * @param message why it was aborted; empty otherwise
 */
public record TaskRun(long id, long taskId, String taskName, TaskTemplate template, String trigger,
        Instant periodStart, Instant periodEnd, Instant started, Instant finished, RunState state,
        int metersTotal, int metersSucceeded, int metersFailed, String message) {
}
