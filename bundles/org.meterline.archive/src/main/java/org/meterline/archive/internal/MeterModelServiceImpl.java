package org.meterline.archive.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.meterline.archive.api.MeterModel;
import org.meterline.archive.api.MeterModelInput;
import org.meterline.archive.api.MeterModelService;
import org.meterline.archive.api.Protocol;
import org.meterline.archive.api.Wiring;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Checks;
import org.meterline.core.api.ConflictException;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Permission;
import org.meterline.persistence.Jpa;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Archive → Meter Models, stored per customer through EclipseLink multitenancy. */
@Component(service = MeterModelService.class)
public class MeterModelServiceImpl implements MeterModelService {

    private static final Map<String, String> SORT = Map.of("manufacturer", "manufacturer", "model", "model",
            "protocol", "protocol", "phases", "phases", "wiring", "wiring");

    private final Jpa jpa;

    @Activate
    public MeterModelServiceImpl(@Reference ArchiveSchema schema) {
        this.jpa = schema.jpa();
    }

    @Override
    public Page<MeterModel> listMeterModels(Caller caller, PageRequest page) {
        caller.require(Permission.read(ArchiveSchema.AREA));
        String where = " WHERE LOWER(m.manufacturer) LIKE :f ESCAPE '\\' OR LOWER(m.model) LIKE :f ESCAPE '\\'";
        return jpa.inTenant(caller.tenantId(), em -> Jpa.page(em, page, "SELECT m FROM MeterModelEntity m" + where
                + Jpa.orderBy("m", page, SORT, "manufacturer"), "SELECT COUNT(m) FROM MeterModelEntity m" + where, MeterModelEntity.class, MeterModelEntity::toDto));
    }

    @Override
    public MeterModel getMeterModel(Caller caller, long id) {
        caller.require(Permission.read(ArchiveSchema.AREA));
        return jpa.inTenant(caller.tenantId(), em -> find(em, id).toDto());
    }

    @Override
    public MeterModel createMeterModel(Caller caller, MeterModelInput in) {
        caller.require(Permission.write(ArchiveSchema.AREA));
        validate(in);
        return jpa.inTenant(caller.tenantId(), em -> {
            MeterModelEntity m = new MeterModelEntity();
            apply(em, m, in);
            em.persist(m);
            return m.toDto();
        });
    }

    @Override
    public MeterModel updateMeterModel(Caller caller, long id, MeterModelInput in) {
        caller.require(Permission.write(ArchiveSchema.AREA));
        validate(in);
        return jpa.inTenant(caller.tenantId(), em -> {
            MeterModelEntity m = find(em, id);
            apply(em, m, in);
            return m.toDto();
        });
    }

    @Override
    public void deleteMeterModel(Caller caller, long id) {
        caller.require(Permission.write(ArchiveSchema.AREA));
        jpa.inTenant(caller.tenantId(), em -> {
            MeterModelEntity m = find(em, id);
            long meters = em.createQuery("SELECT COUNT(x) FROM MeterEntity x WHERE x.model = :m", Long.class)
                    .setParameter("m", m).getSingleResult();
            if (meters > 0) {
                throw new ConflictException(null, "Meter model " + m.manufacturer + " " + m.model + " is used by "
                        + meters + " meter(s); change or delete those first.");
            }
            em.remove(m);
            return null;
        });
    }

    private static void validate(MeterModelInput in) {
        if (in == null) {
            new Checks().fail("manufacturer", "is required").fail("model", "is required").throwIfAny();
        }
        new Checks().text("manufacturer", in.manufacturer(), 100).text("model", in.model(), 100)
                .check(in.phases() == null || in.phases() == 1 || in.phases() == 3, "phases", "must be 1 or 3")
                .throwIfAny();
    }

    private static void apply(EntityManager em, MeterModelEntity m, MeterModelInput in) {
        String manufacturer = in.manufacturer().trim();
        String model = in.model().trim();
        byName(em, manufacturer, model).filter(other -> !other.id.equals(m.id)).ifPresent(other -> {
            throw new ConflictException("model", "Meter model " + manufacturer + " " + model + " already exists.");
        });
        m.manufacturer = manufacturer;
        m.model = model;
        m.protocol = in.protocol() == null ? Protocol.DLMS_COSEM : in.protocol();
        m.phases = in.phases() == null ? 1 : in.phases();
        m.wiring = in.wiring() == null ? Wiring.DIRECT : in.wiring();
    }

    /** Manufacturer and model are compared ignoring case: "ACME E1" and "Acme e1" are one model. */
    private static Optional<MeterModelEntity> byName(EntityManager em, String manufacturer, String model) {
        return em.createQuery("SELECT m FROM MeterModelEntity m WHERE LOWER(m.manufacturer) = :a"
                + " AND LOWER(m.model) = :b", MeterModelEntity.class)
                .setParameter("a", manufacturer.toLowerCase(Locale.ROOT))
                .setParameter("b", model.toLowerCase(Locale.ROOT))
                .getResultList().stream().findFirst();
    }

    private static MeterModelEntity find(EntityManager em, long id) {
        MeterModelEntity m = em.find(MeterModelEntity.class, id);
        if (m == null) {
            throw NotFoundException.of("Meter model", id);
        }
        return m;
    }
}
