package org.meterline.collection.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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
import org.meterline.collection.api.CollectionService;
import org.meterline.collection.api.CollectionTask;
import org.meterline.collection.api.MeterOutcome;
import org.meterline.collection.api.TaskInput;
import org.meterline.collection.api.TaskRun;
import org.meterline.core.api.Page;
import org.meterline.rest.api.CrudResource;
import org.meterline.rest.api.Paging;
import org.meterline.rest.api.RestCaller;
import org.meterline.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Operation &amp; Maintenance → Collocation task → Task Config (manual §5). In a task, the template is its
 * name (DAILY_REGISTERS, LOAD_PROFILE, EVENT_LOGS, MODULE_SIGNAL, CLOCK_CHECK; see {@code /templates}) and
 * the start time an ISO-8601 instant.
 */
@Component(service = RestResource.class)
@Path("/collection-tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Collection tasks", description = "manual §5; start time not earlier than now; run now, runs, per-meter outcomes")
public class CollectionTaskResource extends CrudResource<CollectionTask, TaskInput> {

    /** A template as the API shows it. */
    public record Template(String id, String name, String caption, String protocol, String reads) {
    }

    private final CollectionService collection;

    @Activate
    public CollectionTaskResource(@Reference CollectionService collection) {
        super(operations(collection::listTasks, collection::getTask, collection::createTask, collection::updateTask,
                collection::deleteTask), new TaskInput(null, null, null, null, null, null, null, null));
        this.collection = collection;
    }

    @GET
    @Path("templates")
    @Operation(summary = "The task templates and what each reads")
    public List<Template> templates() {
        return collection.templates().stream()
                .map(t -> new Template(t.id(), t.name(), t.caption(), t.protocol(), t.reads())).toList();
    }

    @POST
    @Path("{id}/run")
    @Operation(summary = "Run the task now (enabled or not); 202 with the run, 409 while it runs")
    public Response runNow(@Context SecurityContext sc, @PathParam("id") long id) {
        TaskRun run = collection.runNow(RestCaller.of(sc), id);
        return Response.status(Response.Status.ACCEPTED).entity(run).build();
    }

    @POST
    @Path("{id}/enable")
    @Operation(summary = "Let the scheduler run the task")
    public CollectionTask enable(@Context SecurityContext sc, @PathParam("id") long id) {
        return collection.setEnabled(RestCaller.of(sc), id, true);
    }

    @POST
    @Path("{id}/disable")
    @Operation(summary = "Stop the scheduler from running the task (run now still works)")
    public CollectionTask disable(@Context SecurityContext sc, @PathParam("id") long id) {
        return collection.setEnabled(RestCaller.of(sc), id, false);
    }

    @GET
    @Path("{id}/runs")
    @Operation(summary = "The task's runs, newest first")
    public Page<TaskRun> runs(@Context SecurityContext sc, @PathParam("id") long id, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        return collection.listRuns(RestCaller.of(sc), id, Paging.of(offset, limit, null, null));
    }

    @GET
    @Path("runs/{runId}")
    @Operation(summary = "One run")
    public TaskRun getRun(@Context SecurityContext sc, @PathParam("runId") long runId) {
        return collection.getRun(RestCaller.of(sc), runId);
    }

    @GET
    @Path("runs/{runId}/outcomes")
    @Operation(summary = "The run's per-meter outcomes", description = "q matches the serial; sort: meterSerial, status, "
            + "attempts, errorKind")
    public Page<MeterOutcome> outcomes(@Context SecurityContext sc, @PathParam("runId") long runId,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @QueryParam("sort") String sort,
            @QueryParam("q") String q) {
        return collection.listOutcomes(RestCaller.of(sc), runId, Paging.of(offset, limit, sort, q));
    }

}
