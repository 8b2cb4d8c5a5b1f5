package org.meterline.event.api;

import java.time.Instant;

/**
 * Which events to list: the period [{@code from}, {@code to}) (required, at most
 * {@value EventRecords#MAX_DAYS} days), and optionally one event type, one category and one meter.
 *
 * @param from the first instant of the period
 * @param to the first instant after the period
 * @param type an event type id of the catalogue ({@link EventType#id()}), or null for any
 * @param category a category, or null for any; with a type as well, both must match
 * @param meterSerial a meter's serial number (exact, ignoring surrounding blanks), or null/blank for every meter
 */
public record EventFilter(Instant from, Instant to, String type, EventCategory category, String meterSerial) {

    public EventFilter {
        type = type == null || type.isBlank() ? null : type.trim();
        meterSerial = meterSerial == null || meterSerial.isBlank() ? null : meterSerial.trim();
    }

    /** Every event of the period. */
    public static EventFilter period(Instant from, Instant to) {
        return new EventFilter(from, to, null, null, null);
    }
}
