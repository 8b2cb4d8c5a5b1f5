package org.meterline.archive.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.meterline.archive.api.Meter;
import org.meterline.archive.api.MeterInput;
import org.meterline.archive.api.MeterService;
import org.meterline.archive.api.MeterStatus;
import org.meterline.archive.api.MeterStatusChange;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Checks;
import org.meterline.core.api.ConflictException;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Permission;
import org.meterline.core.api.ValidationException;
import org.meterline.persistence.Jpa;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Meters and their lifecycle. Every status move is checked against {@link MeterStatus#next()}
 * and recorded with who made it and why.
 */
@Component(service = MeterService.class)
public class MeterServiceImpl implements MeterService {

    /** The meter list counts matching meters up to this many; beyond, it reports "more". */
    static final int COUNT_CAP = 10_000;

    static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Map<String, String> SORT = Map.of("serialNumber", "serialNumber", "status", "status",
            "model", "model.model", "installedOn", "installedOn", "validUntil", "validUntil");

    private final Jpa jpa;
    private final int countCap;

    @Activate
    public MeterServiceImpl(@Reference ArchiveSchema schema) {
        this(schema, COUNT_CAP);
    }

    MeterServiceImpl(ArchiveSchema schema, int countCap) {
        this.jpa = schema.jpa();
        this.countCap = countCap;
    }

    @Override
    public Page<Meter> listMeters(Caller caller, PageRequest page, MeterStatus status) {
        caller.require(Permission.read(ArchiveSchema.AREA));
        // Built for a million meters a customer: the filter is a serial-number prefix and the
        // default order the serial number, both served by the (TENANT_ID, SERIAL_NUMBER) index;
        // serial numbers are unique, so they need no id to break ties.
        // No filter means no LIKE at all: Derby cannot use an index for LIKE '%'.
        boolean filtered = !page.filter().isEmpty();
        String where = (filtered ? " WHERE m.serialNumber LIKE :p ESCAPE '\\'" : " WHERE 1 = 1")
                + (status == null ? "" : " AND m.status = :s");
        String field = page.sortField() == null ? "serialNumber" : page.sortField();
        String order = "serialNumber".equals(field) ? " ORDER BY m.serialNumber" + (page.ascending() ? " ASC" : " DESC")
                : Jpa.orderBy("m", page, SORT, "serialNumber");
        String prefix = prefixPattern(page.filter());
        return jpa.inTenant(caller.tenantId(), em -> {
            // Two steps: the page's ids from ML_METER alone (the index gives the order and stops
            // after the page), then those rows with their model and module. One query joining
            // first makes Derby sort every joined row.
            TypedQuery<Long> ids = em.createQuery("SELECT m.id FROM MeterEntity m" + where + order, Long.class);
            // Counting a million rows on every page costs seconds: count at most countCap + 1 ids,
            // which reads that many index entries at most.
            TypedQuery<Long> count = em.createQuery("SELECT m.id FROM MeterEntity m" + where, Long.class)
                    .setMaxResults(countCap + 1);
            for (TypedQuery<?> each : List.of(ids, count)) {
                if (filtered) {
                    each.setParameter("p", prefix);
                }
                if (status != null) {
                    each.setParameter("s", status);
                }
            }
            List<Long> pageIds = ids.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
            Map<Long, MeterEntity> rows = pageIds.isEmpty() ? Map.of() : em.createQuery(
                    "SELECT m FROM MeterEntity m WHERE m.id IN :ids", MeterEntity.class).setParameter("ids", pageIds)
                    .getResultList().stream().collect(Collectors.toMap(m -> m.id, m -> m));
            List<Meter> items = pageIds.stream().map(rows::get).filter(java.util.Objects::nonNull)
                    .map(MeterEntity::toDto).collect(Collectors.toList());
            int counted = count.getResultList().size();
            return new Page<>(items, Math.max(counted, page.offset() + items.size()), counted <= countCap);
        });
    }

    /** A LIKE pattern matching serial numbers that start with the filter (serials are kept upper-case). */
    static String prefixPattern(String filter) {
        String escaped = filter.trim().toUpperCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return escaped + "%";
    }

    @Override
    public Meter getMeter(Caller caller, long id) {
        caller.require(Permission.read(ArchiveSchema.AREA));
        return jpa.inTenant(caller.tenantId(), em -> find(em, id).toDto());
    }

    @Override
    public Optional<Meter> findMeter(Caller caller, String serialNumber) {
        caller.require(Permission.read(ArchiveSchema.AREA));
        return jpa.inTenant(caller.tenantId(), em -> bySerial(em, serialNumber).map(MeterEntity::toDto));
    }

    @Override
    public Meter createMeter(Caller caller, MeterInput in) {
        caller.require(Permission.write(ArchiveSchema.AREA));
        validate(in);
        return jpa.inTenant(caller.tenantId(), em -> {
            MeterEntity m = new MeterEntity();
            apply(em, m, in);
            m.status = MeterStatus.WAREHOUSE;
            em.persist(m);
            em.flush();
            em.persist(MeterStatusChangeEntity.of(m, null, caller.username(), "created"));
            return m.toDto();
        });
    }

    @Override
    public Meter updateMeter(Caller caller, long id, MeterInput in) {
        caller.require(Permission.write(ArchiveSchema.AREA));
        validate(in);
        return jpa.inTenant(caller.tenantId(), em -> {
            MeterEntity m = find(em, id);
            apply(em, m, in);
            return m.toDto();
        });
    }

    @Override
    public void deleteMeter(Caller caller, long id) {
        caller.require(Permission.write(ArchiveSchema.AREA));
        jpa.inTenant(caller.tenantId(), em -> {
            MeterEntity m = find(em, id);
            long pocs = em.createQuery("SELECT COUNT(p) FROM PocEntity p WHERE p.meter = :m", Long.class)
                    .setParameter("m", m).getSingleResult();
            if (pocs > 0) {
                throw new ConflictException(null, "Meter " + m.serialNumber + " has been bound to a POC; "
                        + "it stays on record: dismantle it instead of deleting it.");
            }
            em.createQuery("DELETE FROM MeterStatusChangeEntity c WHERE c.meterId = :id").setParameter("id", m.id)
                    .executeUpdate();
            MeterCommunicationServiceImpl.delete(em, m.id);
            em.remove(m);
            return null;
        });
    }

    @Override
    public Meter changeStatus(Caller caller, long id, MeterStatus to, String reason) {
        caller.require(Permission.write(ArchiveSchema.AREA));
        if (to == null) {
            throw new ValidationException("status", "is required");
        }
        new Checks().optionalText("reason", reason, 255).throwIfAny();
        return jpa.inTenant(caller.tenantId(), em -> {
            MeterEntity m = find(em, id);
            if (m.status == MeterStatus.INSTALLED && activePoc(em, m).isPresent()) {
                throw new ConflictException("status", "Meter " + m.serialNumber + " is bound to POC "
                        + activePoc(em, m).get().name + "; end the POC first.");
            }
            move(em, m, to, caller.username(), reason);
            return m.toDto();
        });
    }

    @Override
    public List<MeterStatusChange> statusHistory(Caller caller, long id) {
        caller.require(Permission.read(ArchiveSchema.AREA));
        return jpa.inTenant(caller.tenantId(), em -> {
            MeterEntity m = find(em, id);
            return em.createQuery("SELECT c FROM MeterStatusChangeEntity c WHERE c.meterId = :id ORDER BY c.id",
                    MeterStatusChangeEntity.class).setParameter("id", m.id).getResultList().stream()
                    .map(MeterStatusChangeEntity::toDto).collect(Collectors.toList());
        });
    }

    // ---------------------------------------------------------------- shared with POCs

    /** Moves a meter along its lifecycle and records the move; refuses a move the lifecycle forbids. */
    static void move(EntityManager em, MeterEntity m, MeterStatus to, String by, String reason) {
        if (!m.status.canMoveTo(to)) {
            throw new ValidationException("status", "a " + m.status + " meter cannot become " + to + "; it can become "
                    + m.next());
        }
        MeterStatus from = m.status;
        m.status = to;
        em.persist(MeterStatusChangeEntity.of(m, from, by, reason));
    }

    static Optional<PocEntity> activePoc(EntityManager em, MeterEntity m) {
        return em.createQuery("SELECT p FROM PocEntity p WHERE p.meter = :m AND p.active = :yes", PocEntity.class)
                .setParameter("m", m).setParameter("yes", Boolean.TRUE).getResultList().stream().findFirst();
    }

    static Optional<MeterEntity> bySerial(EntityManager em, String serialNumber) {
        if (serialNumber == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT m FROM MeterEntity m WHERE m.serialNumber = :s", MeterEntity.class)
                .setParameter("s", normalize(serialNumber)).getResultList().stream().findFirst();
    }

    // ---------------------------------------------------------------- helpers

    /** Serial numbers are device addresses: kept trimmed and upper-case, so "sn-1" finds "SN-1". */
    static String normalize(String serialNumber) {
        return serialNumber.trim().toUpperCase(Locale.ROOT);
    }

    /** The field checks of one input, shared with the bulk import ({@code ArchiveImportStore}). */
    static void validate(MeterInput in) {
        if (in == null) {
            new Checks().fail("serialNumber", "is required").fail("modelId", "is required").throwIfAny();
        }
        Checks checks = new Checks().required("modelId", in.modelId())
                .optionalText("installationNote", in.installationNote(), 255)
                .optionalText("certificateNumber", in.certificateNumber(), 64);
        if (in.serialNumber() == null || in.serialNumber().isBlank()) {
            checks.fail("serialNumber", "is required");
        } else if (!SERIAL.matcher(in.serialNumber().trim()).matches()) {
            checks.fail("serialNumber", "may contain only letters, digits, '-' and '_' (at most 64)");
        }
        ratio(checks, "ctRatio", in.ctRatio());
        ratio(checks, "ptRatio", in.ptRatio());
        if (in.verifiedOn() != null && in.validUntil() != null && in.validUntil().isBefore(in.verifiedOn())) {
            checks.fail("validUntil", "must not be before the verification date");
        }
        checks.throwIfAny();
    }

    private static void ratio(Checks checks, String field, BigDecimal value) {
        if (value != null && (value.signum() <= 0 || value.compareTo(new BigDecimal("100000")) > 0)) {
            checks.fail(field, "must be more than 0 and at most 100000");
        } else if (value != null && value.scale() > 4) {
            checks.fail(field, "must have at most 4 decimals");
        }
    }

    private static void apply(EntityManager em, MeterEntity m, MeterInput in) {
        String serial = normalize(in.serialNumber());
        bySerial(em, serial).filter(other -> !other.id.equals(m.id)).ifPresent(other -> {
            throw new ConflictException("serialNumber", "A meter with serial number " + serial + " already exists.");
        });
        MeterModelEntity model = em.find(MeterModelEntity.class, in.modelId());
        if (model == null) {
            throw new ValidationException("modelId", "is not a meter model of this customer");
        }
        AcquisitionModuleEntity module = null;
        if (in.moduleId() != null) {
            module = em.find(AcquisitionModuleEntity.class, in.moduleId());
            if (module == null) {
                throw new ValidationException("moduleId", "is not an acquisition module of this customer");
            }
        }
        m.serialNumber = serial;
        m.model = model;
        m.module = module;
        m.ctRatio = in.ctRatio() == null ? BigDecimal.ONE : in.ctRatio();
        m.ptRatio = in.ptRatio() == null ? BigDecimal.ONE : in.ptRatio();
        m.installedOn = in.installedOn();
        m.installationNote = Checks.trim(in.installationNote());
        m.certificateNumber = Checks.trim(in.certificateNumber());
        m.verifiedOn = in.verifiedOn();
        m.validUntil = in.validUntil();
    }

    private static MeterEntity find(EntityManager em, long id) {
        MeterEntity m = em.find(MeterEntity.class, id);
        if (m == null) {
            throw NotFoundException.of("Meter", id);
        }
        return m;
    }
}
