package org.meterline.event.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.stream.Collectors;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.Page;
import org.meterline.core.api.ValidationException;
import org.meterline.event.api.EventCategory;
import org.meterline.event.api.EventFilter;
import org.meterline.event.api.EventRecord;
import org.meterline.event.api.EventRecords;
import org.meterline.rest.api.Paging;
import org.meterline.rest.api.RestCaller;
import org.meterline.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Event recording (manual §9.2): the meter events of the caller's customer and one event's detail. */
@Component(service = RestResource.class)
@Path("/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Event recording", description = "manual §9.2: meter events as collection stored them, with their types")
public class EventResource implements RestResource {

    private final EventRecords events;

    @Activate
    public EventResource(@Reference EventRecords events) {
        this.events = events;
    }

    @GET
    @Operation(summary = "Meter events, newest first", description = "from, to: the period [from, to), required, at "
            + "most 366 days, ISO-8601 instants (2026-11-01T00:00:00Z) or dates (UTC midnight); type: an id of "
            + "/event-types; category: power, relay, tamper, clock, other; meter: a serial number; sort: -at (default) "
            + "or at")
    public Page<Dtos.Event> list(@Context SecurityContext sc, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("type") String type, @QueryParam("category") String category,
            @QueryParam("meter") String meter, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @QueryParam("sort") String sort) {
        EventCategory cat = null;
        if (category != null && !category.isBlank()) {
            cat = EventCategory.fromId(category).orElseThrow(() -> new ValidationException("category",
                    "'" + category + "' is none of power, relay, tamper, clock, other"));
        }
        EventFilter filter = new EventFilter(Dtos.instant("from", from), Dtos.instant("to", to), type, cat, meter);
        Page<EventRecord> page = events.events(RestCaller.of(sc), filter, Paging.of(offset, limit, sort, null));
        List<Dtos.Event> items = page.items().stream().map(Dtos::event).collect(Collectors.toList());
        return new Page<>(items, page.total(), page.totalExact());
    }

    @GET
    @Path("/{meterId}/{log}/{at}/{code}")
    @Operation(summary = "One event in detail", description = "the meter's model and module, its POC and consumer, "
            + "and the time on the site's clock; the path is the href of a listed event")
    public Dtos.Detail detail(@Context SecurityContext sc, @PathParam("meterId") long meterId,
            @PathParam("log") String log, @PathParam("at") String at, @PathParam("code") int code) {
        ObisCode obis;
        try {
            obis = ObisCode.parse(log);
        } catch (ValidationException e) {
            throw new ValidationException("log", "'" + log + "' is not an OBIS code such as 0.0.99.98.0.255");
        }
        return Dtos.detail(events.event(RestCaller.of(sc), meterId, obis, Dtos.instant("at", at), code));
    }
}
