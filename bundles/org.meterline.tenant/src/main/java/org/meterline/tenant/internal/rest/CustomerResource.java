package org.meterline.tenant.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import org.meterline.tenant.api.Customer;
import org.meterline.tenant.api.CustomerService;
import org.meterline.tenant.api.NewCustomer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Customers (manual §11): system admins see and create all; others see their own. */
@Component(service = RestResource.class)
@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "System")
public class CustomerResource implements RestResource {

    private final CustomerService customers;

    @Activate
    public CustomerResource(@Reference CustomerService customers) {
        this.customers = customers;
    }

    @GET
    @Operation(summary = "List customers", description = "sort: code, name, contact, createdAt (prefix - for descending)")
    public Page<Customer> list(@Context SecurityContext sc, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("sort") String sort, @QueryParam("q") String q) {
        return customers.listCustomers(RestCaller.of(sc), Paging.of(offset, limit, sort, q));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a customer")
    public Customer get(@Context SecurityContext sc, @PathParam("id") long id) {
        return customers.getCustomer(RestCaller.of(sc), id);
    }

    @POST
    @Operation(summary = "Create a customer and its first account (customer-admin)")
    public Response create(@Context SecurityContext sc, NewCustomer in) {
        Customer created = customers.createCustomer(RestCaller.of(sc), in == null ? empty() : in);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    private static NewCustomer empty() {
        return new NewCustomer(null, null, null, null, null, null, null, null);
    }
}
