package org.meterline.collection.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Meter Reading Statistics (Data Analysis): the success rate per day per task and per grid over
 * [{@code from}, {@code to}] (whole days in {@code zone}), and the meters that failed with their reasons.
 */
public record ReadingStatistics(LocalDate from, LocalDate to, String zone, List<DailySuccess> byTask,
        List<DailySuccess> byGrid, List<FailedMeter> failedMeters) {

    public ReadingStatistics {
        byTask = List.copyOf(byTask);
        byGrid = List.copyOf(byGrid);
        failedMeters = List.copyOf(failedMeters);
    }
}
