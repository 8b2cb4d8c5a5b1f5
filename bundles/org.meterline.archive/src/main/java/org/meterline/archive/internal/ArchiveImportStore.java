package org.meterline.archive.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.persistence.EntityManager;
import org.meterline.archive.api.AcquisitionModuleInput;
import org.meterline.archive.api.MeterInput;
import org.meterline.archive.api.MeterStatus;
import org.meterline.archive.api.ModuleStatus;
import org.meterline.core.api.Checks;
import org.meterline.core.api.FieldError;
import org.meterline.core.api.ValidationException;
import org.meterline.persistence.Jpa;

/**
 * The bulk import's window on the archive's entities, which stay private to this package
 * ({@code org.meterline.archive.internal.importer} does the reading and checking): the field
 * checks of the single-object services, the look-ups an import needs, and writes in chunks inside
 * one transaction.
 *
 * <p>The uniqueness rules are the services' ones: module serial numbers compare ignoring case,
 * meter serial numbers are kept trimmed and upper-case ({@link #meterKey}), meter models compare
 * by manufacturer and model ignoring case.
 */
public final class ArchiveImportStore {

    /** How many values one {@code IN} list of a look-up carries. */
    private static final int IN_LIST = 500;

    private final Jpa jpa;

    public ArchiveImportStore(ArchiveSchema schema) {
        this.jpa = schema.jpa();
    }

    /** Runs the work in one transaction on the customer's data: everything it writes is kept, or nothing. */
    public <T> T inTenant(long tenantId, Function<Session, T> work) {
        return jpa.inTenant(tenantId, em -> work.apply(new Session(em)));
    }

    /** What {@code AcquisitionModuleService.createModule} would refuse in this input, field by field. */
    public static List<FieldError> check(AcquisitionModuleInput in) {
        try {
            AcquisitionModuleServiceImpl.validate(in);
            return List.of();
        } catch (ValidationException e) {
            return e.errors();
        }
    }

    /** What {@code MeterService.createMeter} would refuse in this input, field by field (before look-ups). */
    public static List<FieldError> check(MeterInput in) {
        try {
            MeterServiceImpl.validate(in);
            return List.of();
        } catch (ValidationException e) {
            return e.errors();
        }
    }

    /** The key {@link Session#modelIds()} uses for a manufacturer and model. */
    public static String modelKey(String manufacturer, String model) {
        return manufacturer.trim().toLowerCase(Locale.ROOT) + '\n' + model.trim().toLowerCase(Locale.ROOT);
    }

    /** A meter serial number as the archive keeps it (trimmed, upper-case), as {@code createMeter} stores it. */
    public static String meterKey(String serialNumber) {
        return MeterServiceImpl.normalize(serialNumber);
    }

    /** The key {@link Session#moduleIds()} uses for a module serial number. */
    public static String moduleKey(String serialNumber) {
        return serialNumber.trim().toLowerCase(Locale.ROOT);
    }

    /** One transaction on one customer's data. */
    public static final class Session {

        private final EntityManager em;

        Session(EntityManager em) {
            this.em = em;
        }

        /** The customer's acquisition modules: id by {@link ArchiveImportStore#moduleKey}. */
        public Map<String, Long> moduleIds() {
            Map<String, Long> ids = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT m.serialNumber, m.id FROM AcquisitionModuleEntity m",
                    Object[].class).getResultList()) {
                ids.put(moduleKey((String) row[0]), (Long) row[1]);
            }
            return ids;
        }

        /** The customer's meter models: id by {@link ArchiveImportStore#modelKey}. */
        public Map<String, Long> modelIds() {
            Map<String, Long> ids = new HashMap<>();
            for (MeterModelEntity m : em.createQuery("SELECT m FROM MeterModelEntity m", MeterModelEntity.class)
                    .getResultList()) {
                ids.put(modelKey(m.manufacturer, m.model), m.id);
            }
            return ids;
        }

        /** Which of these meter serial numbers ({@link ArchiveImportStore#meterKey}) the customer has already. */
        public Set<String> existingMeterSerials(Collection<String> serials) {
            Set<String> found = new HashSet<>();
            List<String> all = new ArrayList<>(serials);
            for (int from = 0; from < all.size(); from += IN_LIST) {
                found.addAll(em.createQuery("SELECT m.serialNumber FROM MeterEntity m WHERE m.serialNumber IN :s",
                        String.class).setParameter("s", all.subList(from, Math.min(all.size(), from + IN_LIST)))
                        .getResultList());
            }
            return found;
        }

        /**
         * Adds checked modules (as {@code createModule} stores them), then flushes and clears the
         * entity manager, so that a big file never piles up in memory.
         */
        public void addModules(List<AcquisitionModuleInput> chunk) {
            for (AcquisitionModuleInput in : chunk) {
                AcquisitionModuleEntity m = new AcquisitionModuleEntity();
                m.serialNumber = in.serialNumber().trim();
                m.type = in.type();
                m.imei = blankToNull(in.imei());
                m.iccid = blankToNull(in.iccid());
                m.address = blankToNull(in.address());
                m.status = in.status() == null ? ModuleStatus.OFFLINE : in.status();
                em.persist(m);
            }
            em.flush();
            em.clear();
        }

        /**
         * Adds checked meters (as {@code createMeter} stores them: in the warehouse, with their
         * first lifecycle record), then flushes and clears the entity manager. Model and module ids
         * must be the customer's: {@link #modelIds()}, {@link #moduleIds()}.
         */
        public void addMeters(List<MeterInput> chunk, String by, String reason) {
            Map<Long, MeterModelEntity> models = byId(MeterModelEntity.class, "MeterModelEntity",
                    chunk.stream().map(MeterInput::modelId).toList());
            Map<Long, AcquisitionModuleEntity> modules = byId(AcquisitionModuleEntity.class, "AcquisitionModuleEntity",
                    chunk.stream().map(MeterInput::moduleId).filter(id -> id != null).toList());
            List<MeterEntity> added = new ArrayList<>(chunk.size());
            for (MeterInput in : chunk) {
                MeterEntity m = new MeterEntity();
                m.serialNumber = meterKey(in.serialNumber());
                m.model = require(models, in.modelId(), "modelId");
                m.module = in.moduleId() == null ? null : require(modules, in.moduleId(), "moduleId");
                m.ctRatio = in.ctRatio() == null ? BigDecimal.ONE : in.ctRatio();
                m.ptRatio = in.ptRatio() == null ? BigDecimal.ONE : in.ptRatio();
                m.installedOn = in.installedOn();
                m.installationNote = Checks.trim(in.installationNote());
                m.certificateNumber = Checks.trim(in.certificateNumber());
                m.verifiedOn = in.verifiedOn();
                m.validUntil = in.validUntil();
                m.status = MeterStatus.WAREHOUSE;
                em.persist(m);
                added.add(m);
            }
            if (added.stream().anyMatch(m -> m.id == null)) {
                em.flush(); // ids come from the table generator on persist; flush only if they did not
            }
            for (MeterEntity m : added) {
                em.persist(MeterStatusChangeEntity.of(m, null, by, reason));
            }
            em.flush();
            em.clear();
        }

        private <E> Map<Long, E> byId(Class<E> type, String entity, List<Long> ids) {
            List<Long> distinct = ids.stream().distinct().toList();
            Map<Long, E> found = new HashMap<>();
            for (int from = 0; from < distinct.size(); from += IN_LIST) {
                for (E e : em.createQuery("SELECT e FROM " + entity + " e WHERE e.id IN :ids", type)
                        .setParameter("ids", distinct.subList(from, Math.min(distinct.size(), from + IN_LIST)))
                        .getResultList()) {
                    found.put((Long) em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(e), e);
                }
            }
            return found;
        }

        private static <E> E require(Map<Long, E> found, Long id, String field) {
            E e = found.get(id);
            if (e == null) {
                // checked before the import started; gone meanwhile
                throw new ValidationException(field, "is not an object of this customer (any more): " + id);
            }
            return e;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }
}
