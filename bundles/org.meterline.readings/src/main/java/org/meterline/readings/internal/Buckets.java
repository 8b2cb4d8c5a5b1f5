package org.meterline.readings.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.meterline.core.api.ValidationException;
import org.meterline.readings.api.TimeUnit;

/**
 * The boundaries of aggregation buckets in a time zone. Quarter-hours and hours follow the
 * instant time line from a start aligned on the local clock, so a spring-forward day in Berlin
 * has 92 quarter-hours and 23 hours, a fall-back day 100 and 25 (its 02:00-03:00 hour twice).
 * Days and months go from local midnight to local midnight (or the first instant of the day
 * where midnight does not exist).
 */
final class Buckets {

    private Buckets() {
    }

    /**
     * {@code n + 1} boundaries of the {@code n} buckets covering [from, to): the first is
     * {@code from} rounded down to its unit, the last the end of the bucket that holds
     * {@code to - 1 ms}.
     */
    static List<Instant> boundaries(Instant from, Instant to, TimeUnit unit, ZoneId zone, int maxBuckets) {
        ZonedDateTime z = from.atZone(zone);
        ZonedDateTime first;
        switch (unit) {
            case QUARTER_HOUR:
                first = z.truncatedTo(ChronoUnit.MINUTES).withMinute(z.getMinute() / 15 * 15);
                break;
            case HOUR:
                first = z.truncatedTo(ChronoUnit.HOURS);
                break;
            case DAY:
                first = z.toLocalDate().atStartOfDay(zone);
                break;
            case MONTH:
                first = z.toLocalDate().withDayOfMonth(1).atStartOfDay(zone);
                break;
            default:
                throw new IllegalArgumentException(unit.name());
        }
        List<Instant> out = new ArrayList<>();
        Instant current = first.toInstant();
        out.add(current);
        while (current.isBefore(to)) {
            if (out.size() > maxBuckets) {
                throw new ValidationException("to", "the period has more than " + maxBuckets + " buckets of "
                        + unit.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "; ask for a larger unit");
            }
            current = next(current, unit, zone);
            out.add(current);
        }
        return out;
    }

    private static Instant next(Instant start, TimeUnit unit, ZoneId zone) {
        switch (unit) {
            case QUARTER_HOUR:
                return start.plus(Duration.ofMinutes(15));
            case HOUR:
                return start.plus(Duration.ofHours(1));
            case DAY:
                return start.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            case MONTH:
                return start.atZone(zone).toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(zone).toInstant();
            default:
                throw new IllegalArgumentException(unit.name());
        }
    }
}
