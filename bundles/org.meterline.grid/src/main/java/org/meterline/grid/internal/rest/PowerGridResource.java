package org.meterline.grid.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.meterline.grid.api.GridService;
import org.meterline.grid.api.PowerGrid;
import org.meterline.grid.api.PowerGridInput;
import org.meterline.rest.api.CrudResource;
import org.meterline.rest.api.RestCaller;
import org.meterline.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Project → Power Grid (manual §2.3). Sort: name, shortName, path; q matches name and short name.
 * {@code tree} lists the whole hierarchy, parents first (a literal path wins over {@code {id}}).
 */
@Component(service = RestResource.class)
@Path("/power-grids")
@Tag(name = "Power grids", description = "manual §2.3; a grid with subordinates or in use cannot be deleted")
public class PowerGridResource extends CrudResource<PowerGrid, PowerGridInput> {

    private final GridService grid;

    @Activate
    public PowerGridResource(@Reference GridService grid) {
        super(operations(grid::listPowerGrids, grid::getPowerGrid, grid::createPowerGrid, grid::updatePowerGrid,
                grid::deletePowerGrid), new PowerGridInput(null, null, null, null, null));
        this.grid = grid;
    }

    @GET
    @Path("tree")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every power grid of the customer, each parent before its subordinates")
    public List<PowerGrid> tree(@Context SecurityContext sc) {
        return grid.powerGridTree(RestCaller.of(sc));
    }
}
