package org.meterline.archive.internal.rest;

import io.swagger.v3.oas.annotations.tags.Tag;
import javax.ws.rs.Path;
import org.meterline.archive.api.Poc;
import org.meterline.archive.api.PocInput;
import org.meterline.archive.api.PocService;
import org.meterline.rest.api.CrudResource;
import org.meterline.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Archive → POC (manual §4.2); DELETE ends a POC and dismantles its meter. */
@Component(service = RestResource.class)
@Path("/pocs")
@Tag(name = "POCs", description = "manual §4.2; a meter belongs to at most one active POC")
public class PocResource extends CrudResource<Poc, PocInput> {

    @Activate
    public PocResource(@Reference PocService pocs) {
        super(operations(pocs::listPocs, pocs::getPoc, pocs::createPoc, pocs::updatePoc, pocs::deletePoc),
                new PocInput(null, null, null, null, null, null, null, null, null, null));
    }
}
