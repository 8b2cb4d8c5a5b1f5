package org.meterline.tariff.internal.rest;

import io.swagger.v3.oas.annotations.tags.Tag;
import javax.ws.rs.Path;
import org.meterline.rest.api.CrudResource;
import org.meterline.rest.api.RestResource;
import org.meterline.tariff.api.ServiceType;
import org.meterline.tariff.api.ServiceTypeInput;
import org.meterline.tariff.api.TariffService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Project → Service Type (manual §1.1). Sort: code, name; q matches code and name. */
@Component(service = RestResource.class)
@Path("/service-types")
@Tag(name = "Service types", description = "manual §1.1; a type with rates cannot be deleted")
public class ServiceTypeResource extends CrudResource<ServiceType, ServiceTypeInput> {

    @Activate
    public ServiceTypeResource(@Reference TariffService tariff) {
        super(operations(tariff::listServiceTypes, tariff::getServiceType, tariff::createServiceType,
                tariff::updateServiceType, tariff::deleteServiceType), new ServiceTypeInput(null, null));
    }
}
