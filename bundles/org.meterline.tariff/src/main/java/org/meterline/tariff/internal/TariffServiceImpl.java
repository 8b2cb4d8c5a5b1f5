package org.meterline.tariff.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;
import javax.sql.DataSource;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Checks;
import org.meterline.core.api.ConflictException;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Permission;
import org.meterline.persistence.Jpa;
import org.meterline.persistence.SchemaMigrations;
import org.meterline.tariff.api.ServiceRate;
import org.meterline.tariff.api.ServiceRateInput;
import org.meterline.tariff.api.ServiceRateReferences;
import org.meterline.tariff.api.ServiceType;
import org.meterline.tariff.api.ServiceTypeInput;
import org.meterline.tariff.api.TariffService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Service types and rates, stored per customer through EclipseLink multitenancy. */
@Component(service = TariffService.class)
public class TariffServiceImpl implements TariffService {

    static final String AREA = "tariff";
    private static final Map<String, String> TYPE_SORT = Map.of("code", "code", "name", "name");
    private static final Map<String, String> RATE_SORT = Map.of("code", "code", "name", "name", "value", "value",
            "serviceType", "serviceType.code", "validFrom", "validFrom", "validTo", "validTo",
            "currency", "currency", "unit", "unit");

    private final Jpa jpa;
    private final List<ServiceRateReferences> references = new CopyOnWriteArrayList<>();

    @Activate
    public TariffServiceImpl(@Reference(target = "(osgi.jndi.service.name=meterline)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=meterline.tariff)") EntityManagerFactory emf) {
        SchemaMigrations.migrate(dataSource, "tariff", TariffServiceImpl.class.getClassLoader());
        this.jpa = new Jpa(emf);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addReferences(ServiceRateReferences refs) {
        references.add(refs);
    }

    public void removeReferences(ServiceRateReferences refs) {
        references.remove(refs);
    }

    // ---------------------------------------------------------------- service types

    @Override
    public Page<ServiceType> listServiceTypes(Caller caller, PageRequest page) {
        caller.require(Permission.read(AREA));
        String where = " WHERE LOWER(t.code) LIKE :f ESCAPE '\\' OR LOWER(t.name) LIKE :f ESCAPE '\\'";
        return jpa.inTenant(caller.tenantId(), em -> Jpa.page(em, page, "SELECT t FROM ServiceTypeEntity t" + where
                + Jpa.orderBy("t", page, TYPE_SORT, "code"), "SELECT COUNT(t) FROM ServiceTypeEntity t" + where,
                ServiceTypeEntity.class, ServiceTypeEntity::toDto));
    }

    @Override
    public ServiceType getServiceType(Caller caller, long id) {
        caller.require(Permission.read(AREA));
        return jpa.inTenant(caller.tenantId(), em -> findType(em, id).toDto());
    }

    @Override
    public Optional<ServiceType> findServiceType(Caller caller, String code) {
        caller.require(Permission.read(AREA));
        return jpa.inTenant(caller.tenantId(), em -> typeByCode(em, normalize(code)).map(ServiceTypeEntity::toDto));
    }

    @Override
    public ServiceType createServiceType(Caller caller, ServiceTypeInput in) {
        caller.require(Permission.write(AREA));
        validate(in);
        return jpa.inTenant(caller.tenantId(), em -> {
            ServiceTypeEntity t = new ServiceTypeEntity();
            apply(em, t, in);
            em.persist(t);
            return t.toDto();
        });
    }

    @Override
    public ServiceType updateServiceType(Caller caller, long id, ServiceTypeInput in) {
        caller.require(Permission.write(AREA));
        validate(in);
        return jpa.inTenant(caller.tenantId(), em -> {
            ServiceTypeEntity t = findType(em, id);
            apply(em, t, in);
            return t.toDto();
        });
    }

    @Override
    public void deleteServiceType(Caller caller, long id) {
        caller.require(Permission.write(AREA));
        jpa.inTenant(caller.tenantId(), em -> {
            ServiceTypeEntity t = findType(em, id);
            long rates = em.createQuery("SELECT COUNT(r) FROM ServiceRateEntity r WHERE r.serviceType = :t", Long.class)
                    .setParameter("t", t).getSingleResult();
            if (rates > 0) {
                throw new ConflictException(null, "Service type " + t.code + " is used by " + rates
                        + " service rate(s); delete those first.");
            }
            em.remove(t);
            return null;
        });
    }

    private static void validate(ServiceTypeInput in) {
        if (in == null) {
            new Checks().fail("code", "is required").fail("name", "is required").throwIfAny();
        }
        new Checks().code("code", in.code()).text("name", in.name(), 100).throwIfAny();
    }

    private static void apply(EntityManager em, ServiceTypeEntity t, ServiceTypeInput in) {
        String code = normalize(in.code());
        typeByCode(em, code).filter(other -> !other.id.equals(t.id)).ifPresent(other -> {
            throw new ConflictException("code", "A service type with code " + code + " already exists.");
        });
        t.code = code;
        t.name = in.name().trim();
    }

    // ---------------------------------------------------------------- service rates

    @Override
    public Page<ServiceRate> listServiceRates(Caller caller, PageRequest page) {
        caller.require(Permission.read(AREA));
        String where = " WHERE LOWER(r.code) LIKE :f ESCAPE '\\' OR LOWER(r.name) LIKE :f ESCAPE '\\'"
                + " OR LOWER(r.serviceType.code) LIKE :f ESCAPE '\\'";
        return jpa.inTenant(caller.tenantId(), em -> Jpa.page(em, page, "SELECT r FROM ServiceRateEntity r" + where
                + Jpa.orderBy("r", page, RATE_SORT, "code"), "SELECT COUNT(r) FROM ServiceRateEntity r" + where,
                ServiceRateEntity.class, ServiceRateEntity::toDto));
    }

    @Override
    public ServiceRate getServiceRate(Caller caller, long id) {
        caller.require(Permission.read(AREA));
        return jpa.inTenant(caller.tenantId(), em -> findRate(em, id).toDto());
    }

    @Override
    public Optional<ServiceRate> findServiceRate(Caller caller, String code) {
        caller.require(Permission.read(AREA));
        return jpa.inTenant(caller.tenantId(), em -> rateByCode(em, normalize(code)).map(ServiceRateEntity::toDto));
    }

    @Override
    public ServiceRate createServiceRate(Caller caller, ServiceRateInput in) {
        caller.require(Permission.write(AREA));
        validate(in);
        return jpa.inTenant(caller.tenantId(), em -> {
            ServiceRateEntity r = new ServiceRateEntity();
            apply(em, r, in);
            em.persist(r);
            return r.toDto();
        });
    }

    @Override
    public ServiceRate updateServiceRate(Caller caller, long id, ServiceRateInput in) {
        caller.require(Permission.write(AREA));
        validate(in);
        return jpa.inTenant(caller.tenantId(), em -> {
            ServiceRateEntity r = findRate(em, id);
            apply(em, r, in);
            return r.toDto();
        });
    }

    @Override
    public void deleteServiceRate(Caller caller, long id) {
        caller.require(Permission.write(AREA));
        ServiceRate rate = getServiceRate(caller, id);
        List<String> users = new ArrayList<>();
        for (ServiceRateReferences refs : references) {
            long n = refs.countReferences(caller, id);
            if (n > 0) {
                users.add(n + " " + refs.referrers());
            }
        }
        if (!users.isEmpty()) {
            throw new ConflictException(null, "Service rate " + rate.code() + " is used by "
                    + String.join(" and ", users) + "; change those first.");
        }
        jpa.inTenant(caller.tenantId(), em -> {
            em.remove(findRate(em, id));
            return null;
        });
    }

    private static void validate(ServiceRateInput in) {
        if (in == null) {
            new Checks().fail("serviceTypeId", "is required").fail("code", "is required").throwIfAny();
        }
        Checks checks = new Checks().required("serviceTypeId", in.serviceTypeId()).code("code", in.code())
                .text("name", in.name(), 100).notNegative("value", in.value());
        if (in.value() != null && (in.value().scale() > 6 || in.value().precision() - in.value().scale() > 13)) {
            checks.fail("value", "must have at most 13 digits before and 6 after the decimal point");
        }
        if (in.currency() != null && !in.currency().isBlank() && !in.currency().trim().matches("[A-Za-z]{3}")) {
            checks.fail("currency", "must be a three-letter ISO 4217 code such as EUR");
        }
        checks.optionalText("unit", in.unit(), 16);
        if (in.validFrom() != null && in.validTo() != null && in.validTo().isBefore(in.validFrom())) {
            checks.fail("validTo", "must not be before valid from");
        }
        checks.throwIfAny();
    }

    private static void apply(EntityManager em, ServiceRateEntity r, ServiceRateInput in) {
        String code = normalize(in.code());
        rateByCode(em, code).filter(other -> !other.id.equals(r.id)).ifPresent(other -> {
            throw new ConflictException("code", "A service rate with code " + code + " already exists.");
        });
        ServiceTypeEntity type = em.find(ServiceTypeEntity.class, in.serviceTypeId());
        if (type == null) {
            throw new org.meterline.core.api.ValidationException("serviceTypeId", "is not a service type of this customer");
        }
        r.serviceType = type;
        r.code = code;
        r.name = in.name().trim();
        r.value = in.value();
        r.currency = in.currency() == null || in.currency().isBlank() ? "EUR" : in.currency().trim().toUpperCase(Locale.ROOT);
        r.unit = in.unit() == null || in.unit().isBlank() ? "kWh" : in.unit().trim();
        r.validFrom = in.validFrom();
        r.validTo = in.validTo();
    }

    // ---------------------------------------------------------------- helpers

    private static String normalize(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    private static Optional<ServiceTypeEntity> typeByCode(EntityManager em, String code) {
        return em.createQuery("SELECT t FROM ServiceTypeEntity t WHERE t.code = :c", ServiceTypeEntity.class)
                .setParameter("c", code).getResultList().stream().findFirst();
    }

    private static Optional<ServiceRateEntity> rateByCode(EntityManager em, String code) {
        return em.createQuery("SELECT r FROM ServiceRateEntity r WHERE r.code = :c", ServiceRateEntity.class)
                .setParameter("c", code).getResultList().stream().findFirst();
    }

    private static ServiceTypeEntity findType(EntityManager em, long id) {
        ServiceTypeEntity t = em.find(ServiceTypeEntity.class, id);
        if (t == null) {
            throw NotFoundException.of("Service type", id);
        }
        return t;
    }

    private static ServiceRateEntity findRate(EntityManager em, long id) {
        ServiceRateEntity r = em.find(ServiceRateEntity.class, id);
        if (r == null) {
            throw NotFoundException.of("Service rate", id);
        }
        return r;
    }

}
