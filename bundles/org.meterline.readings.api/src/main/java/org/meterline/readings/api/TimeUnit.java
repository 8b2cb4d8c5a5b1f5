package org.meterline.readings.api;

/**
 * The length of an aggregation bucket, in local time of the zone the aggregate is asked for: a
 * day is midnight to midnight there (23, 24 or 25 hours), a month the first of the month to the
 * first of the next.
 */
public enum TimeUnit {
    QUARTER_HOUR, HOUR, DAY, MONTH
}
