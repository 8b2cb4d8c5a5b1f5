package org.meterline.grid.internal.rest;

import io.swagger.v3.oas.annotations.tags.Tag;
import javax.ws.rs.Path;
import org.meterline.grid.api.GridService;
import org.meterline.grid.api.Site;
import org.meterline.grid.api.SiteInput;
import org.meterline.rest.api.CrudResource;
import org.meterline.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Project → Sites (manual §2.1). Sort: name, shortName, timeZone; q matches name and short name. */
@Component(service = RestResource.class)
@Path("/sites")
@Tag(name = "Sites", description = "manual §2.1; a site with projects or in use cannot be deleted")
public class SiteResource extends CrudResource<Site, SiteInput> {

    @Activate
    public SiteResource(@Reference GridService grid) {
        super(operations(grid::listSites, grid::getSite, grid::createSite, grid::updateSite, grid::deleteSite),
                new SiteInput(null, null, null, null, null));
    }
}
