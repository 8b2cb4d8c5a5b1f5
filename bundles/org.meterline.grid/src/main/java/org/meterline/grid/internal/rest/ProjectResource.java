package org.meterline.grid.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.meterline.grid.api.GridService;
import org.meterline.grid.api.Project;
import org.meterline.grid.api.ProjectInput;
import org.meterline.grid.api.ProjectStatus;
import org.meterline.rest.api.CrudResource;
import org.meterline.rest.api.RestCaller;
import org.meterline.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Project → Projects (manual §2.2). Sort: name, shortName, site, status, startDate, endDate,
 * billingStartDate; q matches name, short name and site name. {@code status-counts} feeds the
 * dashboard's Project Status chart (a literal path wins over {@code {id}} in JAX-RS matching).
 */
@Component(service = RestResource.class)
@Path("/projects")
@Tag(name = "Projects", description = "manual §2.2; the associated service rates must exist for the customer")
public class ProjectResource extends CrudResource<Project, ProjectInput> {

    private final GridService grid;

    @Activate
    public ProjectResource(@Reference GridService grid) {
        super(operations(grid::listProjects, grid::getProject, grid::createProject, grid::updateProject,
                grid::deleteProject), new ProjectInput(null, null, null, null, null, null, null, null, null, null));
        this.grid = grid;
    }

    @GET
    @Path("status-counts")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "How many projects are in each status, every status present")
    public Map<ProjectStatus, Long> statusCounts(@Context SecurityContext sc) {
        return grid.countProjectsByStatus(RestCaller.of(sc));
    }
}
