package org.meterline.event.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.stream.Collectors;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.meterline.core.api.Permission;
import org.meterline.event.api.EventRecords;
import org.meterline.rest.api.RestCaller;
import org.meterline.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The catalogue of meter event types. */
@Component(service = RestResource.class)
@Path("/event-types")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Event recording")
public class EventTypeResource implements RestResource {

    private final EventRecords events;

    @Activate
    public EventTypeResource(@Reference EventRecords events) {
        this.events = events;
    }

    @GET
    @Operation(summary = "The meter event types by log and code", description = "a code not listed is shown as "
            + "\"unknown (code)\", category other")
    public List<Dtos.Type> list(@Context SecurityContext sc) {
        RestCaller.of(sc).require(Permission.read(EventRecords.AREA));
        return events.types().stream().map(Dtos::type).collect(Collectors.toList());
    }
}
