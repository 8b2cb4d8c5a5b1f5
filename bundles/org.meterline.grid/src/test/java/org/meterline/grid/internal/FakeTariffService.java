package org.meterline.grid.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.meterline.core.api.Caller;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Permission;
import org.meterline.tariff.api.ServiceRate;
import org.meterline.tariff.api.ServiceRateInput;
import org.meterline.tariff.api.ServiceType;
import org.meterline.tariff.api.ServiceTypeInput;
import org.meterline.tariff.api.TariffService;

/**
 * The service rates of each customer, by id; only what the grid bundle asks for (read one, list
 * all) is real.
 */
public final class FakeTariffService implements TariffService {

    private final Map<Long, Set<Long>> ratesByTenant = new HashMap<>();

    public FakeTariffService rate(Caller owner, long... ids) {
        Set<Long> rates = ratesByTenant.computeIfAbsent(owner.tenantId(), t -> new HashSet<>());
        for (long id : ids) {
            rates.add(id);
        }
        return this;
    }

    @Override
    public ServiceRate getServiceRate(Caller caller, long id) {
        caller.require(Permission.read("tariff"));
        if (!ratesByTenant.getOrDefault(caller.tenantId(), Set.of()).contains(id)) {
            throw NotFoundException.of("Service rate", id);
        }
        return rate(id);
    }

    private static ServiceRate rate(long id) {
        return new ServiceRate(id, 1, "ELEC", "Electricity", "R" + id, "Rate " + id, BigDecimal.ONE, "EUR", "kWh",
                null, null);
    }

    @Override
    public Page<ServiceType> listServiceTypes(Caller caller, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ServiceType getServiceType(Caller caller, long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<ServiceType> findServiceType(Caller caller, String code) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ServiceType createServiceType(Caller caller, ServiceTypeInput input) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ServiceType updateServiceType(Caller caller, long id, ServiceTypeInput input) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteServiceType(Caller caller, long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<ServiceRate> listServiceRates(Caller caller, PageRequest page) {
        caller.require(Permission.read("tariff"));
        List<ServiceRate> rates = ratesByTenant.getOrDefault(caller.tenantId(), Set.of()).stream().sorted()
                .map(FakeTariffService::rate).collect(Collectors.toList());
        return new Page<>(rates, rates.size());
    }

    @Override
    public Optional<ServiceRate> findServiceRate(Caller caller, String code) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ServiceRate createServiceRate(Caller caller, ServiceRateInput input) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ServiceRate updateServiceRate(Caller caller, long id, ServiceRateInput input) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteServiceRate(Caller caller, long id) {
        throw new UnsupportedOperationException();
    }
}
