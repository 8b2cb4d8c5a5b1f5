package org.meterline.archive.internal.rest;

import io.swagger.v3.oas.annotations.tags.Tag;
import javax.ws.rs.Path;
import org.meterline.archive.api.MeterModel;
import org.meterline.archive.api.MeterModelInput;
import org.meterline.archive.api.MeterModelService;
import org.meterline.rest.api.CrudResource;
import org.meterline.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Archive → Meter Models. Sort: manufacturer, model, protocol, phases, wiring; q matches manufacturer
 * and model.
 */
@Component(service = RestResource.class)
@Path("/meter-models")
@Tag(name = "Meter models",
        description = "manufacturer + model unique per customer; a model with meters cannot be deleted")
public class MeterModelResource extends CrudResource<MeterModel, MeterModelInput> {

    @Activate
    public MeterModelResource(@Reference MeterModelService models) {
        super(operations(models::listMeterModels, models::getMeterModel, models::createMeterModel,
                models::updateMeterModel, models::deleteMeterModel), new MeterModelInput(null, null, null, null, null));
    }
}
