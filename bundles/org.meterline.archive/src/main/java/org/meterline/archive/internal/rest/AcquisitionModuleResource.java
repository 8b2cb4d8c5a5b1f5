package org.meterline.archive.internal.rest;

import io.swagger.v3.oas.annotations.tags.Tag;
import javax.ws.rs.Path;
import org.meterline.archive.api.AcquisitionModule;
import org.meterline.archive.api.AcquisitionModuleInput;
import org.meterline.archive.api.AcquisitionModuleService;
import org.meterline.rest.api.CrudResource;
import org.meterline.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Archive → Acquisition Module (manual §3.1). Sort: serialNumber, type, status, address; q matches
 * serial number, IMEI, ICCID and address.
 */
@Component(service = RestResource.class)
@Path("/acquisition-modules")
@Tag(name = "Acquisition modules",
        description = "manual §3.1; a module that meters are read through cannot be deleted")
public class AcquisitionModuleResource extends CrudResource<AcquisitionModule, AcquisitionModuleInput> {

    @Activate
    public AcquisitionModuleResource(@Reference AcquisitionModuleService modules) {
        super(operations(modules::listModules, modules::getModule, modules::createModule, modules::updateModule,
                modules::deleteModule), new AcquisitionModuleInput(null, null, null, null, null, null));
    }
}
