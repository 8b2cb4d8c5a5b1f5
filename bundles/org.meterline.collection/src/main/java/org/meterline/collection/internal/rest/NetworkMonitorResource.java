package org.meterline.collection.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.meterline.collection.api.CollectionService;
import org.meterline.collection.api.ModuleSignal;
import org.meterline.collection.api.SignalPoint;
import org.meterline.core.api.Page;
import org.meterline.core.api.ValidationException;
import org.meterline.rest.api.Paging;
import org.meterline.rest.api.RestCaller;
import org.meterline.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Network Monitor (manual §9.1): modules with their latest signal, last contact and online status; signal history. */
@Component(service = RestResource.class)
@Path("/network-monitor")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Network monitor", description = "manual §9.1; acquisition modules with signal, last contact, online; history")
public class NetworkMonitorResource implements RestResource {

    private final CollectionService collection;

    @Activate
    public NetworkMonitorResource(@Reference CollectionService collection) {
        this.collection = collection;
    }

    @GET
    @Path("modules")
    @Operation(summary = "Modules with their latest signal, last contact and online status",
            description = "q matches serial number, IMEI, ICCID, address; sort: serialNumber, type, status, address")
    public Page<ModuleSignal> modules(@Context SecurityContext sc, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("sort") String sort, @QueryParam("q") String q) {
        return collection.networkModules(RestCaller.of(sc), Paging.of(offset, limit, sort, q));
    }

    @GET
    @Path("modules/{id}/history")
    @Operation(summary = "The module's signal readings, oldest first",
            description = "from, to: ISO instants (default the last 7 days; at most 31 days, at most 10,000 points)")
    public List<SignalPoint> history(@Context SecurityContext sc, @PathParam("id") long id,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        Instant end = to == null || to.isBlank() ? Instant.now() : instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(Duration.ofDays(7)) : instant("from", from);
        return collection.moduleSignalHistory(RestCaller.of(sc), id, start, end);
    }

    private static Instant instant(String field, String text) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be an ISO instant like 2026-11-26T00:00:00Z");
        }
    }
}
