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
import org.meterline.tariff.api.ServiceRate;
import org.meterline.tariff.api.ServiceRateInput;
import org.meterline.tariff.api.TariffService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Project → Service Rate (manual §1.2). */
@Component(service = RestResource.class)
@Path("/service-rates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Service rates")
public class ServiceRateResource implements RestResource {

    private static final ServiceRateInput EMPTY = new ServiceRateInput(null, null, null, null, null, null, null, null);

    private final TariffService tariff;

    @Activate
    public ServiceRateResource(@Reference TariffService tariff) {
        this.tariff = tariff;
    }

    @GET
    @Operation(summary = "List service rates",
            description = "sort: code, name, value, serviceType, validFrom, validTo, currency, unit (prefix - for descending)")
    public Page<ServiceRate> list(@Context SecurityContext sc, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("sort") String sort, @QueryParam("q") String q) {
        return tariff.listServiceRates(RestCaller.of(sc), Paging.of(offset, limit, sort, q));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a service rate")
    public ServiceRate get(@Context SecurityContext sc, @PathParam("id") long id) {
        return tariff.getServiceRate(RestCaller.of(sc), id);
    }

    @POST
    @Operation(summary = "Create a service rate", description = "400 names the bad field; 409 when the code exists")
    public Response create(@Context SecurityContext sc, ServiceRateInput in) {
        ServiceRate created = tariff.createServiceRate(RestCaller.of(sc), in == null ? EMPTY : in);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a service rate")
    public ServiceRate update(@Context SecurityContext sc, @PathParam("id") long id, ServiceRateInput in) {
        return tariff.updateServiceRate(RestCaller.of(sc), id, in == null ? EMPTY : in);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a service rate", description = "409 while projects or POCs use it")
    public Response delete(@Context SecurityContext sc, @PathParam("id") long id) {
        tariff.deleteServiceRate(RestCaller.of(sc), id);
        return Response.noContent().build();
    }
}
