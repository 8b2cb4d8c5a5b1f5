package org.meterline.tariff.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.meterline.core.api.Page;
import org.meterline.rest.api.Paging;
import org.meterline.rest.api.RestCaller;
import org.meterline.rest.api.RestResource;
import org.meterline.tariff.api.ServiceType;
import org.meterline.tariff.api.ServiceTypeInput;
import org.meterline.tariff.api.TariffService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Project → Service Type (manual §1.1). */
@Component(service = RestResource.class)
@Path("/service-types")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Service rates")
public class ServiceTypeResource implements RestResource {

    private static final ServiceTypeInput EMPTY = new ServiceTypeInput(null, null);

    private final TariffService tariff;

    @Activate
    public ServiceTypeResource(@Reference TariffService tariff) {
        this.tariff = tariff;
    }

    @GET
    @Operation(summary = "List service types", description = "sort: code, name (prefix - for descending); q filters code and name")
    public Page<ServiceType> list(@Context SecurityContext sc, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("sort") String sort, @QueryParam("q") String q) {
        return tariff.listServiceTypes(RestCaller.of(sc), Paging.of(offset, limit, sort, q));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a service type")
    public ServiceType get(@Context SecurityContext sc, @PathParam("id") long id) {
        return tariff.getServiceType(RestCaller.of(sc), id);
    }

    @POST
    @Operation(summary = "Create a service type", description = "409 when the code exists")
    public Response create(@Context SecurityContext sc, ServiceTypeInput in) {
        ServiceType created = tariff.createServiceType(RestCaller.of(sc), in == null ? EMPTY : in);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a service type")
    public ServiceType update(@Context SecurityContext sc, @PathParam("id") long id, ServiceTypeInput in) {
        return tariff.updateServiceType(RestCaller.of(sc), id, in == null ? EMPTY : in);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a service type", description = "409 while service rates of the type exist")
    public Response delete(@Context SecurityContext sc, @PathParam("id") long id) {
        tariff.deleteServiceType(RestCaller.of(sc), id);
        return Response.noContent().build();
    }
}
