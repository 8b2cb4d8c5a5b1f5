package org.meterline.archive.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.meterline.archive.api.Meter;
import org.meterline.archive.api.MeterInput;
import org.meterline.archive.api.MeterCommunication;
import org.meterline.archive.api.MeterCommunicationInput;
import org.meterline.archive.api.MeterCommunicationService;
import org.meterline.archive.api.MeterService;
import org.meterline.archive.api.MeterStatus;
import org.meterline.archive.api.MeterStatusChange;
import org.meterline.core.api.Page;
import org.meterline.core.api.ValidationException;
import org.meterline.rest.api.Paging;
import org.meterline.rest.api.RestCaller;
import org.meterline.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Archive → Meter (manual §3.2), with the lifecycle. */
@Component(service = RestResource.class)
@Path("/meters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Meters", description = "manual §3.2; lifecycle warehouse → assigned → installed → faulty / dismantled")
public class MeterResource implements RestResource {

    /** A lifecycle move. */
    public record StatusChange(String status, String reason) {
    }

    private static final MeterInput EMPTY = new MeterInput(null, null, null, null, null, null, null, null, null, null);

    private final MeterService meters;
    private final MeterCommunicationService communication;

    @Activate
    public MeterResource(@Reference MeterService meters, @Reference MeterCommunicationService communication) {
        this.meters = meters;
        this.communication = communication;
    }

    @GET
    @Operation(summary = "List meters", description = "status: warehouse, assigned, installed, faulty, dismantled; "
            + "q matches the serial number; sort: serialNumber, model, status, installedOn, validUntil")
    public Page<Meter> list(@Context SecurityContext sc, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("sort") String sort, @QueryParam("q") String q,
            @QueryParam("status") String status) {
        return meters.listMeters(RestCaller.of(sc), Paging.of(offset, limit, sort, q), status(status, true));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a meter")
    public Meter get(@Context SecurityContext sc, @PathParam("id") long id) {
        return meters.getMeter(RestCaller.of(sc), id);
    }

    @POST
    @Operation(summary = "Add a meter (in the warehouse)")
    public Response create(@Context SecurityContext sc, MeterInput in) {
        Meter created = meters.createMeter(RestCaller.of(sc), in == null ? EMPTY : in);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a meter's base and certification information")
    public Meter update(@Context SecurityContext sc, @PathParam("id") long id, MeterInput in) {
        return meters.updateMeter(RestCaller.of(sc), id, in == null ? EMPTY : in);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a meter that was never bound to a POC")
    public Response delete(@Context SecurityContext sc, @PathParam("id") long id) {
        meters.deleteMeter(RestCaller.of(sc), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/status")
    @Operation(summary = "Move a meter along its lifecycle", description = "400 names the moves that are allowed")
    public Meter changeStatus(@Context SecurityContext sc, @PathParam("id") long id, StatusChange change) {
        StatusChange body = change == null ? new StatusChange(null, null) : change;
        return meters.changeStatus(RestCaller.of(sc), id, status(body.status(), false), body.reason());
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "The meter's recorded lifecycle moves, oldest first")
    public List<MeterStatusChange> history(@Context SecurityContext sc, @PathParam("id") long id) {
        return meters.statusHistory(RestCaller.of(sc), id);
    }

    @GET
    @Path("{id}/communication")
    @Operation(summary = "How the platform reaches the meter", description = "Secrets are never returned; "
            + "passwordSet and keysSet tell whether they are stored")
    public MeterCommunication communication(@Context SecurityContext sc, @PathParam("id") long id) {
        return communication.getCommunication(RestCaller.of(sc), id);
    }

    @PUT
    @Path("{id}/communication")
    @Operation(summary = "Set how the platform reaches the meter", description = "security: none, lls (password), "
            + "hls5-gmac (authenticationKey and encryptionKey, 32 hex digits each; masterKey optional). "
            + "Secrets left out keep the stored ones; they are stored encrypted and never returned.")
    public MeterCommunication setCommunication(@Context SecurityContext sc, @PathParam("id") long id,
            MeterCommunicationInput in) {
        return communication.setCommunication(RestCaller.of(sc), id,
                in == null ? new MeterCommunicationInput(null, null, null, null, null, null, null) : in);
    }

    private static MeterStatus status(String text, boolean optional) {
        if (text == null || text.isBlank()) {
            if (optional) {
                return null;
            }
            throw new ValidationException("status", "is required");
        }
        return MeterStatus.fromId(text).orElseThrow(() -> new ValidationException("status",
                "must be one of warehouse, assigned, installed, faulty, dismantled"));
    }
}
