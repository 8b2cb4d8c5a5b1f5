package org.meterline.event.api;

import java.time.Instant;
import java.util.List;
import org.meterline.core.api.Caller;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;

/**
 * Event recording (manual §9.2): the meter events of the caller's customer, as collection stored
 * them in the readings store, with their types from the catalogue. Permission area {@value #AREA}:
 * read to list. Another customer's events and meters are invisible.
 *
 * <p>Errors: {@code ForbiddenException} without the permission, {@code ValidationException} naming the
 * field for a bad filter ({@code from}, {@code to}, {@code type}, {@code meter}), {@code NotFoundException}
 * for an event that is not stored for the customer.
 */
@org.osgi.annotation.versioning.ProviderType
public interface EventRecords {

    String AREA = "event";

    /** The longest period one list may span. */
    int MAX_DAYS = 366;

    /** The catalogue of event types, by log and code. */
    List<EventType> types();

    /** The catalogue's type for (log, code), or {@link EventType#unknown}. */
    EventType type(ObisCode log, int code);

    /**
     * Events matching the filter, newest first (then by meter, log and code), a page at a time (the
     * page's sort field must be null or {@code at}; its free-text filter is not used).
     */
    Page<EventRecord> events(Caller caller, EventFilter filter, PageRequest page);

    /** One event in detail. */
    EventDetail event(Caller caller, long meterId, ObisCode log, Instant at, int code);
}
