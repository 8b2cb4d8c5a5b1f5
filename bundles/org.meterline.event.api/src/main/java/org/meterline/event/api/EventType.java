package org.meterline.event.api;

import java.util.Objects;
import org.meterline.core.api.ObisCode;

/**
 * A kind of meter event: the code a meter writes into one of its event logs, with a name, a
 * category and a severity. The catalogue ({@link EventRecords#types()}) is data shipped with the
 * event bundle; a code it does not know is {@link #unknown(ObisCode, int)}.
 *
 * @param id a stable name, e.g. {@code power-off}; {@value #UNKNOWN} for codes the catalogue does not know
 * @param log the event log the code is written to, e.g. {@code 0.0.99.98.0.255}
 * @param code the event code
 * @param name what people read, e.g. "Power off"
 * @param category what it is about
 * @param severity how much it matters
 */
public record EventType(String id, ObisCode log, int code, String name, EventCategory category, Severity severity) {

    /** The id of every type the catalogue does not know. */
    public static final String UNKNOWN = "unknown";

    public EventType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
    }

    /** A code the catalogue does not know: "unknown (code)", category other. */
    public static EventType unknown(ObisCode log, int code) {
        return new EventType(UNKNOWN, log, code, "unknown (" + code + ")", EventCategory.OTHER, Severity.INFO);
    }

    public boolean known() {
        return !UNKNOWN.equals(id);
    }
}
