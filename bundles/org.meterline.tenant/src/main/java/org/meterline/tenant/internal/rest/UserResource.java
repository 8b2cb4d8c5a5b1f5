package org.meterline.tenant.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.stream.Collectors;
import javax.ws.rs.Consumes;
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
import org.meterline.core.api.Caller;
import org.meterline.core.api.Page;
import org.meterline.core.api.Role;
import org.meterline.rest.api.Paging;
import org.meterline.rest.api.RestCaller;
import org.meterline.rest.api.RestResource;
import org.meterline.tenant.api.Account;
import org.meterline.tenant.api.AccountService;
import org.meterline.tenant.api.AccountUpdate;
import org.meterline.tenant.api.Customer;
import org.meterline.tenant.api.CustomerService;
import org.meterline.tenant.api.NewAccount;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** User accounts of the caller's current customer, and who the caller is. */
@Component(service = RestResource.class)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "System")
public class UserResource implements RestResource {

    /** The caller: account, roles, and the customer it acts for. */
    public record Me(String username, long accountId, long customerId, String customerName, long homeCustomerId,
            List<String> roles) {
    }

    private final AccountService accounts;
    private final CustomerService customers;

    @Activate
    public UserResource(@Reference AccountService accounts, @Reference CustomerService customers) {
        this.accounts = accounts;
        this.customers = customers;
    }

    @GET
    @Path("me")
    @Operation(summary = "Who am I")
    public Me me(@Context SecurityContext sc) {
        Caller c = RestCaller.of(sc);
        Customer customer = customers.getCustomer(c, c.tenantId());
        return new Me(c.username(), c.accountId(), c.tenantId(), customer.name(), c.homeTenantId(),
                c.roles().stream().map(Role::id).sorted().collect(Collectors.toList()));
    }

    @GET
    @Path("users")
    @Operation(summary = "List the accounts of the current customer",
            description = "sort: username, fullName, email, role, createdAt (prefix - for descending)")
    public Page<Account> list(@Context SecurityContext sc, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("sort") String sort, @QueryParam("q") String q) {
        return accounts.listAccounts(RestCaller.of(sc), Paging.of(offset, limit, sort, q));
    }

    @GET
    @Path("users/{id}")
    @Operation(summary = "Read an account")
    public Account get(@Context SecurityContext sc, @PathParam("id") long id) {
        return accounts.getAccount(RestCaller.of(sc), id);
    }

    @POST
    @Path("users")
    @Operation(summary = "Create an account in the current customer")
    public Response create(@Context SecurityContext sc, NewAccount in) {
        NewAccount body = in == null ? new NewAccount(null, null, null, null, null) : in;
        return Response.status(Response.Status.CREATED).entity(accounts.createAccount(RestCaller.of(sc), body)).build();
    }

    @PUT
    @Path("users/{id}")
    @Operation(summary = "Change an account's role, names, password, or (system admin) customer")
    public Account update(@Context SecurityContext sc, @PathParam("id") long id, AccountUpdate in) {
        AccountUpdate body = in == null ? new AccountUpdate(null, null, null, null, null, null) : in;
        return accounts.updateAccount(RestCaller.of(sc), id, body);
    }
}
