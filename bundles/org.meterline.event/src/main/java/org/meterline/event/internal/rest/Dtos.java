package org.meterline.event.internal.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.ValidationException;
import org.meterline.event.api.EventDetail;
import org.meterline.event.api.EventRecord;
import org.meterline.event.api.EventType;

/** What the event resources answer: OBIS codes as dotted text, enums by their external names. */
final class Dtos {

    private Dtos() {
    }

    public record Type(String id, String log, int code, String name, String category, String severity) {
    }

    /**
     * One event; {@code href} is its detail, {@code /events/{meterId}/{log}/{at}/{code}}.
     */
    public record Event(long meterId, String meterSerial, String log, Instant at, int code, String type,
            String name, String category, String severity, String href) {
    }

    public record Detail(Event event, String model, String module, String poc, String consumerCode,
            String consumerName, String site, String timeZone, String siteTime) {
    }

    static String dotted(ObisCode o) {
        return o.a() + "." + o.b() + "." + o.c() + "." + o.d() + "." + o.e() + "." + o.f();
    }

    static Type type(EventType t) {
        return new Type(t.id(), dotted(t.log()), t.code(), t.name(), t.category().id(), t.severity().id());
    }

    static Event event(EventRecord e) {
        EventType t = e.type();
        return new Event(e.meterId(), e.meterSerial(), dotted(e.log()), e.at(), e.code(), t.id(), t.name(),
                t.category().id(), t.severity().id(), "/events/" + e.meterId() + "/" + dotted(e.log()) + "/" + e.at()
                        + "/" + e.code());
    }

    static Detail detail(EventDetail d) {
        return new Detail(event(d.event()), d.modelName(), d.moduleSerial(), d.pocName(), d.consumerCode(),
                d.consumerName(), d.siteName(), d.timeZone(), d.siteTime() == null ? null : d.siteTime().toString());
    }

    /** An ISO-8601 instant ({@code 2026-11-01T00:00:00Z}) or a date (UTC midnight); a bad one is a 400 on the field. */
    static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(field, "is required (an instant such as 2026-11-01T00:00:00Z or a date)");
        }
        String t = text.trim();
        try {
            return t.length() == 10 ? LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "'" + t + "' is not an instant such as 2026-11-01T00:00:00Z or a date "
                    + "such as 2026-11-01");
        }
    }
}
