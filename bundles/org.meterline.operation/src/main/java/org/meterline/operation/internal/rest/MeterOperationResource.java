package org.meterline.operation.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.container.AsyncResponse;
import javax.ws.rs.container.Suspended;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.meterline.core.api.Caller;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.ValidationException;
import org.meterline.operation.api.MeterOperations;
import org.meterline.operation.api.ReadingItem;
import org.meterline.operation.api.RelayAction;
import org.meterline.rest.api.RestCaller;
import org.meterline.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Operation &amp; Maintenance → Meter operation (manual §8.1, §8.2) on one meter: read now, relay.
 * Shares the {@code /meters} root with the archive's resource; these are its sub-resources.
 */
@Component(service = RestResource.class)
@Path("/meters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Meter operation", description = "manual §8.1 relay, §8.2 on-demand read; every call is logged in /operations")
public class MeterOperationResource implements RestResource {

    private final MeterOperations operations;

    @Activate
    public MeterOperationResource(@Reference MeterOperations operations) {
        this.operations = operations;
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Read a meter now (on-demand read)", description = "items: OBIS codes such as 1.0.1.8.0.255 "
            + "(0.0.96.3.10.255 is the relay's connection status); empty or missing reads the items saved for the "
            + "meter's model (or the defaults). Answers 200 with outcome success, partial or failed and a value or "
            + "an error per item; the meter's problems (connection_failed, timeout, authentication_failed, ...) are "
            + "outcomes, not HTTP errors.", responses = @ApiResponse(responseCode = "200", description = "the outcome",
                    content = @Content(schema = @Schema(implementation = Dtos.Reading.class))))
    public void read(@Context SecurityContext sc, @PathParam("id") long id, Dtos.ItemsRequest request,
            @Suspended AsyncResponse response) {
        // the meter is read on the operation lane; no HTTP thread waits for it
        resume(response, operations.readAsync(RestCaller.of(sc), id, Dtos.codes(request)), Dtos::reading);
    }

    @GET
    @Path("{id}/reading-items")
    @Operation(summary = "What can be read from the meter", description = "The catalogue of the driver serving the "
            + "meter's model and the connection status; selected marks the items read by default")
    public List<Dtos.Item> readingItems(@Context SecurityContext sc, @PathParam("id") long id) {
        Caller caller = RestCaller.of(sc);
        List<ObisCode> selected = operations.defaultItems(caller, id).stream().map(ReadingItem::item)
                .collect(Collectors.toList());
        return operations.readingItems(caller, id).stream().map(i -> Dtos.item(i, selected.contains(i.item())))
                .collect(Collectors.toList());
    }

    @POST
    @Path("{id}/relay")
    @Operation(summary = "Connect or disconnect the main relay, or read its state (manual §8.1)",
            description = "action: status (needs read), connect or disconnect (need operation write); answers the "
                    + "state read back afterwards: connected, disconnected or ready_for_reconnection",
            responses = @ApiResponse(responseCode = "200", description = "the outcome",
                    content = @Content(schema = @Schema(implementation = Dtos.Relay.class))))
    public void relay(@Context SecurityContext sc, @PathParam("id") long id, Dtos.RelayRequest request,
            @Suspended AsyncResponse response) {
        String text = request == null ? null : request.action();
        RelayAction action = RelayAction.fromId(text).orElseThrow(() -> new ValidationException("action",
                text == null || text.isBlank() ? "is required: status, connect or disconnect"
                        : "must be one of status, connect, disconnect"));
        resume(response, operations.relayAsync(RestCaller.of(sc), id, action), Dtos::relay);
    }

    private static <T> void resume(AsyncResponse response, CompletionStage<T> outcome, Function<T, Object> dto) {
        outcome.whenComplete((value, failure) -> {
            if (failure != null) {
                response.resume(failure);
            } else {
                response.resume(dto.apply(value));
            }
        });
    }
}
