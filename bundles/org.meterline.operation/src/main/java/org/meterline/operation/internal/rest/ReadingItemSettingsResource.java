package org.meterline.operation.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.meterline.operation.api.MeterOperations;
import org.meterline.rest.api.RestCaller;
import org.meterline.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** "Meter Reading Item Settings" (manual §8.2 ④): the items read by default for a meter model. */
@Component(service = RestResource.class)
@Path("/meter-models")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Meter operation")
public class ReadingItemSettingsResource implements RestResource {

    private final MeterOperations operations;

    @Activate
    public ReadingItemSettingsResource(@Reference MeterOperations operations) {
        this.operations = operations;
    }

    @GET
    @Path("{id}/reading-items")
    @Operation(summary = "The model's reading item settings", description = "items: read by default (saved false: "
            + "the defaults, the first energy register and the connection status); available: what the model's "
            + "driver can read")
    public Dtos.Settings get(@Context SecurityContext sc, @PathParam("id") long id) {
        return Dtos.settings(operations.itemSettings(RestCaller.of(sc), id));
    }

    @PUT
    @Path("{id}/reading-items")
    @Operation(summary = "Save the model's reading item settings", description = "items: OBIS codes from available; "
            + "an empty list goes back to the defaults. Needs operation write.")
    public Dtos.Settings put(@Context SecurityContext sc, @PathParam("id") long id, Dtos.ItemsRequest request) {
        return Dtos.settings(operations.saveItemSettings(RestCaller.of(sc), id, Dtos.codes(request)));
    }
}
