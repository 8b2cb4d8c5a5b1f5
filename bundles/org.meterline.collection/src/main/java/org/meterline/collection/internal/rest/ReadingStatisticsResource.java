package org.meterline.collection.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.meterline.collection.api.CollectionService;
import org.meterline.collection.api.ReadingStatistics;
import org.meterline.core.api.ValidationException;
import org.meterline.rest.api.RestCaller;
import org.meterline.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Data Analysis → Meter Reading Statistics: success rate per day, per task and per grid, failed meters. */
@Component(service = RestResource.class)
@Path("/collection-statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Meter reading statistics", description = "success rate per day per task and per grid, failed meters and reasons")
public class ReadingStatisticsResource implements RestResource {

    private final CollectionService collection;

    @Activate
    public ReadingStatisticsResource(@Reference CollectionService collection) {
        this.collection = collection;
    }

    @GET
    @Operation(summary = "Statistics over whole days", description = "from, to: yyyy-MM-dd (inclusive, at most 31 days); "
            + "zone: a time zone id (default UTC); taskId or gridId narrow it")
    public ReadingStatistics statistics(@Context SecurityContext sc, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("zone") String zone, @QueryParam("taskId") Long taskId,
            @QueryParam("gridId") Long gridId) {
        return collection.statistics(RestCaller.of(sc), date("from", from), date("to", to), zone(zone), taskId, gridId);
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(field, "is required (yyyy-MM-dd)");
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be a date like 2026-11-26");
        }
    }

    private static ZoneId zone(String text) {
        if (text == null || text.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new ValidationException("zone", "is not a time zone id such as Europe/Berlin");
        }
    }
}
