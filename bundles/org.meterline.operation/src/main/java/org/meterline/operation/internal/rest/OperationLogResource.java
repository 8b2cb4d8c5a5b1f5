package org.meterline.operation.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.stream.Collectors;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.meterline.core.api.Page;
import org.meterline.operation.api.MeterOperations;
import org.meterline.operation.api.OperationRecord;
import org.meterline.rest.api.Paging;
import org.meterline.rest.api.RestCaller;
import org.meterline.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The operation log: every on-demand read and relay command as a tracked job. */
@Component(service = RestResource.class)
@Path("/operations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Meter operation")
public class OperationLogResource implements RestResource {

    private final MeterOperations operations;

    @Activate
    public OperationLogResource(@Reference MeterOperations operations) {
        this.operations = operations;
    }

    @GET
    @Operation(summary = "The operation log, newest first", description = "meterId narrows to one meter; q matches "
            + "the serial number; sort: startedAt, serialNumber, operation, outcome, username. outcome: running, "
            + "success, partial, failed")
    public Page<Dtos.Operation> list(@Context SecurityContext sc, @QueryParam("meterId") Long meterId,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @QueryParam("sort") String sort,
            @QueryParam("q") String q) {
        Page<OperationRecord> page = operations.operations(RestCaller.of(sc), meterId, Paging.of(offset, limit, sort, q));
        return new Page<>(page.items().stream().map(Dtos::operation).collect(Collectors.toList()), page.total(),
                page.totalExact());
    }
}
