package org.meterline.collection.api;

import java.time.LocalDate;

/**
 * How many meters were read on one day, for one task or one power grid (the meters of every task on
 * that grid). A meter counts as succeeded when at least one of that day's runs read it.
 *
 * @param day the day in the zone the statistics were asked for (runs are counted by their start)
 * @param id the task's or the grid's id
 * @param name its name
 * @param meters distinct meters the day's runs tried
 * @param succeeded of those, meters read at least once
 * @param failed meters no run of the day could read
 * @param successRate succeeded / meters, 0..1 (0 when no meter was tried)
 */
public record DailySuccess(LocalDate day, long id, String name, int meters, int succeeded, int failed,
        double successRate) {
}
