package org.meterline.rest.api;

import io.swagger.v3.oas.annotations.Operation;
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
import org.meterline.core.api.Caller;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;

/**
 * The list / read / create / change / delete endpoints of one kind of object, delegating to a
 * service: extend it, annotate the subclass with {@code @Path} and register it as a
 * {@link RestResource} component. An empty request body counts as an input with every field
 * missing, so the service names them all.
 *
 * @param <T> what the service returns
 * @param <I> what the service takes to create or change one
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public abstract class CrudResource<T, I> implements RestResource {

    /** The service calls behind the endpoints; usually method references. */
    public interface Operations<T, I> {
        Page<T> list(Caller caller, PageRequest page);

        T get(Caller caller, long id);

        T create(Caller caller, I input);

        T update(Caller caller, long id, I input);

        void delete(Caller caller, long id);
    }

    @FunctionalInterface
    public interface Lister<T> {
        Page<T> list(Caller caller, PageRequest page);
    }

    @FunctionalInterface
    public interface Getter<T> {
        T get(Caller caller, long id);
    }

    @FunctionalInterface
    public interface Creator<T, I> {
        T create(Caller caller, I input);
    }

    @FunctionalInterface
    public interface Updater<T, I> {
        T update(Caller caller, long id, I input);
    }

    @FunctionalInterface
    public interface Deleter {
        void delete(Caller caller, long id);
    }

    /** Operations from five method references. */
    public static <T, I> Operations<T, I> operations(Lister<T> list, Getter<T> get, Creator<T, I> create,
            Updater<T, I> update, Deleter delete) {
        return new Operations<>() {
            @Override
            public Page<T> list(Caller caller, PageRequest page) {
                return list.list(caller, page);
            }

            @Override
            public T get(Caller caller, long id) {
                return get.get(caller, id);
            }

            @Override
            public T create(Caller caller, I input) {
                return create.create(caller, input);
            }

            @Override
            public T update(Caller caller, long id, I input) {
                return update.update(caller, id, input);
            }

            @Override
            public void delete(Caller caller, long id) {
                delete.delete(caller, id);
            }
        };
    }

    private final Operations<T, I> operations;
    private final I empty;

    /**
     * @param operations the service calls
     * @param empty the input to use when the request has no body
     */
    protected CrudResource(Operations<T, I> operations, I empty) {
        this.operations = operations;
        this.empty = empty;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List, filtered by q, sorted by sort (prefix - for descending), one page at a time")
    public Page<T> list(@Context SecurityContext sc, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("sort") String sort, @QueryParam("q") String q) {
        return operations.list(RestCaller.of(sc), Paging.of(offset, limit, sort, q));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read one")
    public T get(@Context SecurityContext sc, @PathParam("id") long id) {
        return operations.get(RestCaller.of(sc), id);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create one; 400 names each bad field, 409 for a duplicate code")
    public Response create(@Context SecurityContext sc, I input) {
        T created = operations.create(RestCaller.of(sc), input == null ? empty : input);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change one")
    public T update(@Context SecurityContext sc, @PathParam("id") long id, I input) {
        return operations.update(RestCaller.of(sc), id, input == null ? empty : input);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete one; 409 while something uses it")
    public Response delete(@Context SecurityContext sc, @PathParam("id") long id) {
        operations.delete(RestCaller.of(sc), id);
        return Response.noContent().build();
    }
}
