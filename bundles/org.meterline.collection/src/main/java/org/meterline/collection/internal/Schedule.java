package org.meterline.collection.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * When a task fires: at {@code start + offset + k × interval} for k = 0, 1, 2, … A pure function of
 * the task's fields, so the scheduler keeps no state but the next fire time in the database.
 */
final class Schedule {

    private Schedule() {
    }

    static Instant first(Instant start, int offsetMinutes) {
        return start.plus(Duration.ofMinutes(offsetMinutes));
    }

    /** The first fire time strictly after {@code t}. */
    static Instant nextFireAfter(Instant start, int intervalMinutes, int offsetMinutes, Instant t) {
        Instant first = first(start, offsetMinutes);
        if (t.isBefore(first)) {
            return first;
        }
        long step = Duration.ofMinutes(intervalMinutes).toMillis();
        long k = Duration.between(first, t).toMillis() / step + 1;
        return first.plusMillis(k * step);
    }

    /** The first fire time at or after {@code t}. */
    static Instant nextFireAtOrAfter(Instant start, int intervalMinutes, int offsetMinutes, Instant t) {
        return nextFireAfter(start, intervalMinutes, offsetMinutes, t.minusMillis(1));
    }

    /** The last fire time at or before {@code t}; the first fire time when {@code t} is before it. */
    static Instant lastFireAtOrBefore(Instant start, int intervalMinutes, int offsetMinutes, Instant t) {
        Instant first = first(start, offsetMinutes);
        if (!t.isAfter(first)) {
            return first;
        }
        long step = Duration.ofMinutes(intervalMinutes).toMillis();
        long k = Duration.between(first, t).toMillis() / step;
        return first.plusMillis(k * step);
    }
}
