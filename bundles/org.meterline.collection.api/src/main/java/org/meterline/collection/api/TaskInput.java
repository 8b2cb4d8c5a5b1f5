package org.meterline.collection.api;

import java.time.Instant;

/**
 * The fields of a collection task to create or change (manual §5.2).
 *
 * @param name the task's name, unique per customer
 * @param template what it reads
 * @param gridId the power grid whose meters it reads (the grids below it included)
 * @param modelId only meters of this model; null for every model
 * @param startTime the first execution; on create and whenever it changes it must not be earlier than now
 * @param intervalMinutes minutes between executions, 1..44640 (31 days)
 * @param offsetMinutes minutes each execution is shifted after {@code startTime + k × interval}, 0..interval
 * @param enabled whether the scheduler runs it (run now works either way)
 */
public record TaskInput(String name, TaskTemplate template, Long gridId, Long modelId, Instant startTime,
        Integer intervalMinutes, Integer offsetMinutes, Boolean enabled) {
}
