package org.meterline.tariff.api;

import java.util.Optional;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;

/**
 * Service types and rates of the caller's customer. Codes are unique per customer and kept
 * upper-case. Errors: {@code ValidationException} naming the field, {@code ConflictException}
 * for a duplicate code or an object in use, {@code NotFoundException}.
 */
public interface TariffService {

    /** Sort fields: code, name. The filter matches code or name. */
    Page<ServiceType> listServiceTypes(Caller caller, PageRequest page);

    ServiceType getServiceType(Caller caller, long id);

    Optional<ServiceType> findServiceType(Caller caller, String code);

    ServiceType createServiceType(Caller caller, ServiceTypeInput input);

    ServiceType updateServiceType(Caller caller, long id, ServiceTypeInput input);

    /** Refused while rates of the type exist. */
    void deleteServiceType(Caller caller, long id);

    /** Sort fields: code, name, value, serviceType, validFrom, validTo. The filter matches code, name or type code. */
    Page<ServiceRate> listServiceRates(Caller caller, PageRequest page);

    ServiceRate getServiceRate(Caller caller, long id);

    Optional<ServiceRate> findServiceRate(Caller caller, String code);

    ServiceRate createServiceRate(Caller caller, ServiceRateInput input);

    ServiceRate updateServiceRate(Caller caller, long id, ServiceRateInput input);

    /** Refused while any {@link ServiceRateReferences} reports a reference. */
    void deleteServiceRate(Caller caller, long id);
}
