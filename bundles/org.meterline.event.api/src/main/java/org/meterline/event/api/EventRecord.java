package org.meterline.event.api;

import java.time.Instant;
import java.util.Objects;
import org.meterline.core.api.ObisCode;

/**
 * One event of a meter's event log as stored, with its type from the catalogue. It is identified
 * by (meter, log, instant, code).
 *
 * @param meterId the archive's meter id
 * @param meterSerial the meter's serial number; {@code #<id>} when the meter is no longer in the archive
 * @param log the event log
 * @param at when it happened (UTC instant, milliseconds)
 * @param code the event code as the meter reports it
 * @param type the catalogue's type for (log, code), or {@link EventType#unknown}
 */
public record EventRecord(long meterId, String meterSerial, ObisCode log, Instant at, int code, EventType type) {

    public EventRecord {
        Objects.requireNonNull(meterSerial, "meterSerial");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
    }
}
