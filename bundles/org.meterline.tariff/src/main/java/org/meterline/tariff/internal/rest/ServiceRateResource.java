package org.meterline.tariff.internal.rest;

import io.swagger.v3.oas.annotations.tags.Tag;
import javax.ws.rs.Path;
import org.meterline.rest.api.CrudResource;
import org.meterline.rest.api.RestResource;
import org.meterline.tariff.api.ServiceRate;
import org.meterline.tariff.api.ServiceRateInput;
import org.meterline.tariff.api.TariffService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Project → Service Rate (manual §1.2). Sort: code, name, value, serviceType, validFrom, validTo,
 * currency, unit; q matches code, name and type code.
 */
@Component(service = RestResource.class)
@Path("/service-rates")
@Tag(name = "Service rates", description = "manual §1.2; a rate that projects or POCs use cannot be deleted")
public class ServiceRateResource extends CrudResource<ServiceRate, ServiceRateInput> {

    @Activate
    public ServiceRateResource(@Reference TariffService tariff) {
        super(operations(tariff::listServiceRates, tariff::getServiceRate, tariff::createServiceRate,
                tariff::updateServiceRate, tariff::deleteServiceRate),
                new ServiceRateInput(null, null, null, null, null, null, null, null));
    }
}
