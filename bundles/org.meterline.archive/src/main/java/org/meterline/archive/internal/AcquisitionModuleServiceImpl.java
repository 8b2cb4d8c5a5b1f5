package org.meterline.archive.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.meterline.archive.api.AcquisitionModule;
import org.meterline.archive.api.AcquisitionModuleInput;
import org.meterline.archive.api.AcquisitionModuleService;
import org.meterline.archive.api.ModuleStatus;
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

/** Archive → Acquisition Module (manual §3.1), stored per customer through EclipseLink multitenancy. */
@Component(service = AcquisitionModuleService.class)
public class AcquisitionModuleServiceImpl implements AcquisitionModuleService {

    private static final Map<String, String> SORT = Map.of("serialNumber", "serialNumber", "type", "type",
            "status", "status", "address", "address");
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern IMEI = Pattern.compile("[0-9]{15}");
    private static final Pattern ICCID = Pattern.compile("[0-9]{19,20}");
    /** host:port, where host is a name, an IPv4 address or an IPv6 address in brackets. */
    private static final Pattern ADDRESS = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]):([0-9]{1,5})");

    private final Jpa jpa;

    @Activate
    public AcquisitionModuleServiceImpl(@Reference ArchiveSchema schema) {
        this.jpa = schema.jpa();
    }

    @Override
    public Page<AcquisitionModule> listModules(Caller caller, PageRequest page) {
        caller.require(Permission.read(ArchiveSchema.AREA));
        String where = " WHERE LOWER(m.serialNumber) LIKE :f ESCAPE '\\' OR LOWER(m.imei) LIKE :f ESCAPE '\\'"
                + " OR LOWER(m.iccid) LIKE :f ESCAPE '\\' OR LOWER(m.address) LIKE :f ESCAPE '\\'";
        return jpa.inTenant(caller.tenantId(), em -> Jpa.page(em, page, "SELECT m FROM AcquisitionModuleEntity m" + where
                + Jpa.orderBy("m", page, SORT, "serialNumber"),
                "SELECT COUNT(m) FROM AcquisitionModuleEntity m" + where, AcquisitionModuleEntity.class, AcquisitionModuleEntity::toDto));
    }

    @Override
    public AcquisitionModule getModule(Caller caller, long id) {
        caller.require(Permission.read(ArchiveSchema.AREA));
        return jpa.inTenant(caller.tenantId(), em -> find(em, id).toDto());
    }

    @Override
    public Optional<AcquisitionModule> findModule(Caller caller, String serialNumber) {
        caller.require(Permission.read(ArchiveSchema.AREA));
        if (serialNumber == null || serialNumber.isBlank()) {
            return Optional.empty();
        }
        return jpa.inTenant(caller.tenantId(),
                em -> bySerial(em, serialNumber.trim()).map(AcquisitionModuleEntity::toDto));
    }

    @Override
    public AcquisitionModule createModule(Caller caller, AcquisitionModuleInput in) {
        caller.require(Permission.write(ArchiveSchema.AREA));
        validate(in);
        return jpa.inTenant(caller.tenantId(), em -> {
            AcquisitionModuleEntity m = new AcquisitionModuleEntity();
            apply(em, m, in);
            em.persist(m);
            return m.toDto();
        });
    }

    @Override
    public AcquisitionModule updateModule(Caller caller, long id, AcquisitionModuleInput in) {
        caller.require(Permission.write(ArchiveSchema.AREA));
        validate(in);
        return jpa.inTenant(caller.tenantId(), em -> {
            AcquisitionModuleEntity m = find(em, id);
            apply(em, m, in);
            return m.toDto();
        });
    }

    @Override
    public void deleteModule(Caller caller, long id) {
        caller.require(Permission.write(ArchiveSchema.AREA));
        jpa.inTenant(caller.tenantId(), em -> {
            AcquisitionModuleEntity m = find(em, id);
            long meters = em.createQuery("SELECT COUNT(x) FROM MeterEntity x WHERE x.module = :m", Long.class)
                    .setParameter("m", m).getSingleResult();
            if (meters > 0) {
                throw new ConflictException(null, "Acquisition module " + m.serialNumber + " is used by " + meters
                        + " meter(s); change or delete those first.");
            }
            em.remove(m);
            return null;
        });
    }

    /** The field checks of one input, shared with the bulk import ({@code ArchiveImportStore}). */
    static void validate(AcquisitionModuleInput in) {
        if (in == null) {
            new Checks().fail("serialNumber", "is required").fail("type", "is required").throwIfAny();
        }
        Checks checks = new Checks().text("serialNumber", in.serialNumber(), 64).required("type", in.type());
        if (in.serialNumber() != null && !in.serialNumber().isBlank() && in.serialNumber().trim().length() <= 64
                && !SERIAL.matcher(in.serialNumber().trim()).matches()) {
            checks.fail("serialNumber", "may contain only letters, digits, '-' and '_'");
        }
        String imei = blankToNull(in.imei());
        if (imei != null && !IMEI.matcher(imei).matches()) {
            checks.fail("imei", "must be exactly 15 digits");
        }
        String iccid = blankToNull(in.iccid());
        if (iccid != null && !ICCID.matcher(iccid).matches()) {
            checks.fail("iccid", "must be 19 or 20 digits");
        }
        String address = blankToNull(in.address());
        if (address != null) {
            Matcher a = ADDRESS.matcher(address);
            if (address.length() > 255 || !a.matches() || Integer.parseInt(a.group(2)) < 1
                    || Integer.parseInt(a.group(2)) > 65535) {
                checks.fail("address", "must be host:port with a port from 1 to 65535, e.g. 10.0.0.5:4059");
            }
        }
        checks.throwIfAny();
    }

    private static void apply(EntityManager em, AcquisitionModuleEntity m, AcquisitionModuleInput in) {
        String serial = in.serialNumber().trim();
        bySerial(em, serial).filter(other -> !other.id.equals(m.id)).ifPresent(other -> {
            throw new ConflictException("serialNumber", "An acquisition module with serial number " + serial
                    + " already exists.");
        });
        m.serialNumber = serial;
        m.type = in.type();
        m.imei = blankToNull(in.imei());
        m.iccid = blankToNull(in.iccid());
        m.address = blankToNull(in.address());
        m.status = in.status() == null ? ModuleStatus.OFFLINE : in.status();
    }

    // ---------------------------------------------------------------- helpers

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Serial numbers are kept as typed but compared ignoring case: "ab-1" and "AB-1" are one module. */
    private static Optional<AcquisitionModuleEntity> bySerial(EntityManager em, String serial) {
        return em.createQuery("SELECT m FROM AcquisitionModuleEntity m WHERE LOWER(m.serialNumber) = :s",
                AcquisitionModuleEntity.class).setParameter("s", serial.toLowerCase(Locale.ROOT))
                .getResultList().stream().findFirst();
    }

    private static AcquisitionModuleEntity find(EntityManager em, long id) {
        AcquisitionModuleEntity m = em.find(AcquisitionModuleEntity.class, id);
        if (m == null) {
            throw NotFoundException.of("Acquisition module", id);
        }
        return m;
    }
}
