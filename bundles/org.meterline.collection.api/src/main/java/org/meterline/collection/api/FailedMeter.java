package org.meterline.collection.api;

import java.time.LocalDate;

/**
 * A meter a task could not read on a day, with the reason of its last failed attempt.
 *
 * @param errorKind the driver's error kind (e.g. TIMEOUT) or STORE_FAILED / INTERNAL
 * @param failures failed outcomes of the meter in the task's runs of that day
 */
public record FailedMeter(LocalDate day, long taskId, String taskName, long gridId, long meterId, String meterSerial,
        String errorKind, String message, int failures) {
}
