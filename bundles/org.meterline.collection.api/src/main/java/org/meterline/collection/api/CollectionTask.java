package org.meterline.collection.api;

import java.time.Instant;

/**
 * A collection task: what to read (template), from which meters (grid, optionally a model), and when
 * (executions at {@code startTime + offset + k × interval}).
 *
 * @param nextRunAt the next scheduled execution; null while disabled
 */
public record CollectionTask(long id, String name, TaskTemplate template, long gridId, Long modelId,
        Instant startTime, int intervalMinutes, int offsetMinutes, boolean enabled, Instant nextRunAt) {
}
