package org.meterline.readings.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.meterline.core.api.ObisCode;

/**
 * An entry of a meter's event log. Unique on (meter, log, instant, code): writing it again
 * changes nothing.
 *
 * @param meterId the archive's meter id
 * @param log the event log it was read from, e.g. {@code 0-0:99.98.0.255} (standard event log)
 * @param at when it happened (millisecond precision, finer parts are cut off)
 * @param code the event code as the meter reports it
 * @param name a readable name for the code, at most 100 characters; may be null
 */
public record MeterEvent(long meterId, ObisCode log, Instant at, int code, String name) {

    public MeterEvent {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(at, "at");
        if (at.getNano() % 1_000_000 != 0) {
            at = at.truncatedTo(ChronoUnit.MILLIS);
        }
    }
}
