package org.meterline.archive.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.meterline.archive.api.ConsumerStatus;
import org.meterline.archive.api.MeterStatus;
import org.meterline.archive.api.Poc;
import org.meterline.archive.api.PocInput;
import org.meterline.archive.api.PocService;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Checks;
import org.meterline.core.api.ConflictException;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Permission;
import org.meterline.core.api.ValidationException;
import org.meterline.grid.api.GridService;
import org.meterline.grid.api.Project;
import org.meterline.persistence.Jpa;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Points of collection (manual §4.2). Checks every rule of binding a meter to a consumer in a
 * project, then moves the meter to Installed; ending a POC dismantles its meter.
 */
@Component(service = PocService.class)
public class PocServiceImpl implements PocService {

    private static final Map<String, String> SORT = Map.of("name", "name", "type", "type",
            "meterSerial", "meter.serialNumber", "consumerCode", "consumer.code");

    private final Jpa jpa;
    private final GridService grid;

    @Activate
    public PocServiceImpl(@Reference ArchiveSchema schema, @Reference GridService grid) {
        this.jpa = schema.jpa();
        this.grid = grid;
    }

    @Override
    public Page<Poc> listPocs(Caller caller, PageRequest page) {
        caller.require(Permission.read(ArchiveSchema.AREA));
        String where = " WHERE LOWER(p.name) LIKE :f ESCAPE '\\' OR LOWER(p.meter.serialNumber) LIKE :f ESCAPE '\\'"
                + " OR LOWER(p.consumer.code) LIKE :f ESCAPE '\\'";
        return jpa.inTenant(caller.tenantId(), em -> {
            TypedQuery<PocEntity> q = em.createQuery("SELECT p FROM PocEntity p" + where
                    + Jpa.orderBy("p", page, SORT, "name"), PocEntity.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(p) FROM PocEntity p" + where, Long.class);
            q.setParameter("f", Jpa.likePattern(page.filter()));
            count.setParameter("f", Jpa.likePattern(page.filter()));
            List<Poc> items = q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList().stream()
                    .map(PocEntity::toDto).collect(Collectors.toList());
            return new Page<>(items, count.getSingleResult());
        });
    }

    @Override
    public Poc getPoc(Caller caller, long id) {
        caller.require(Permission.read(ArchiveSchema.AREA));
        return jpa.inTenant(caller.tenantId(), em -> find(em, id).toDto());
    }

    @Override
    public Poc createPoc(Caller caller, PocInput in) {
        caller.require(Permission.write(ArchiveSchema.AREA));
        validate(in);
        checkGrid(caller, in);
        return jpa.inTenant(caller.tenantId(), em -> {
            MeterEntity meter = MeterServiceImpl.bySerial(em, in.meterSerial())
                    .orElseThrow(() -> new ValidationException("meterSerial", "no meter has serial number "
                            + in.meterSerial().trim()));
            MeterServiceImpl.activePoc(em, meter).ifPresent(other -> {
                throw new ConflictException("meterSerial", "Meter " + meter.serialNumber
                        + " already belongs to POC " + other.name + ".");
            });
            if (meter.status != MeterStatus.WAREHOUSE && meter.status != MeterStatus.ASSIGNED) {
                throw new ValidationException("meterSerial", "meter " + meter.serialNumber + " is " + meter.status
                        + "; only a meter in the warehouse or assigned can be bound");
            }
            PocEntity p = new PocEntity();
            p.meter = meter;
            apply(em, p, in);
            p.active = true;
            em.persist(p);
            MeterServiceImpl.move(em, meter, MeterStatus.INSTALLED, caller.username(), "bound to POC " + p.name);
            em.flush();
            return p.toDto();
        });
    }

    @Override
    public Poc updatePoc(Caller caller, long id, PocInput in) {
        caller.require(Permission.write(ArchiveSchema.AREA));
        validate(in);
        checkGrid(caller, in);
        return jpa.inTenant(caller.tenantId(), em -> {
            PocEntity p = find(em, id);
            if (!p.active) {
                throw new ValidationException("name", "this POC has ended and cannot change");
            }
            if (!p.meter.serialNumber.equals(MeterServiceImpl.normalize(in.meterSerial()))) {
                throw new ValidationException("meterSerial", "end this POC and create a new one to change its meter");
            }
            apply(em, p, in);
            return p.toDto();
        });
    }

    @Override
    public void deletePoc(Caller caller, long id) {
        caller.require(Permission.write(ArchiveSchema.AREA));
        jpa.inTenant(caller.tenantId(), em -> {
            PocEntity p = find(em, id);
            if (!p.active) {
                return null;
            }
            p.active = false;
            p.endedAt = Instant.now();
            MeterServiceImpl.move(em, p.meter, MeterStatus.DISMANTLED, caller.username(), "POC " + p.name + " ended");
            return null;
        });
    }

    private static void validate(PocInput in) {
        if (in == null) {
            new Checks().fail("name", "is required").throwIfAny();
        }
        Checks checks = new Checks().required("siteId", in.siteId()).required("projectId", in.projectId())
                .required("serviceRateId", in.serviceRateId()).text("meterSerial", in.meterSerial(), 64)
                .text("consumerCode", in.consumerCode(), 32).text("name", in.name(), 100)
                .optionalText("type", in.type(), 32);
        checks.location(in.latitude(), in.longitude());
        checks.throwIfAny();
    }

    /** The site, project, grid and rate must exist for the customer and fit together. */
    private void checkGrid(Caller caller, PocInput in) {
        try {
            grid.getSite(caller, in.siteId());
        } catch (NotFoundException e) {
            throw new ValidationException("siteId", "is not a site of this customer");
        }
        Project project;
        try {
            project = grid.getProject(caller, in.projectId());
        } catch (NotFoundException e) {
            throw new ValidationException("projectId", "is not a project of this customer");
        }
        if (project.siteId() != in.siteId()) {
            throw new ValidationException("projectId", "project " + project.name() + " is not at this site");
        }
        if (!project.serviceRateIds().contains(in.serviceRateId())) {
            throw new ValidationException("serviceRateId", "is not one of the service rates of project "
                    + project.name());
        }
        if (in.powerGridId() != null) {
            try {
                grid.getPowerGrid(caller, in.powerGridId());
            } catch (NotFoundException e) {
                throw new ValidationException("powerGridId", "is not a power grid of this customer");
            }
        }
    }

    private static void apply(EntityManager em, PocEntity p, PocInput in) {
        ConsumerEntity consumer = em.createQuery("SELECT c FROM ConsumerEntity c WHERE UPPER(c.code) = :code",
                ConsumerEntity.class).setParameter("code", in.consumerCode().trim().toUpperCase(java.util.Locale.ROOT))
                .getResultList().stream().findFirst()
                .orElseThrow(() -> new ValidationException("consumerCode", "no consumer has code " + in.consumerCode().trim()));
        if (consumer.status == ConsumerStatus.TERMINATED) {
            throw new ValidationException("consumerCode", "consumer " + consumer.code + " is terminated");
        }
        p.consumer = consumer;
        p.siteId = in.siteId();
        p.projectId = in.projectId();
        p.powerGridId = in.powerGridId();
        p.serviceRateId = in.serviceRateId();
        p.type = Checks.trim(in.type());
        p.name = in.name().trim();
        p.latitude = in.latitude();
        p.longitude = in.longitude();
    }

    private static PocEntity find(EntityManager em, long id) {
        PocEntity p = em.find(PocEntity.class, id);
        if (p == null) {
            throw NotFoundException.of("POC", id);
        }
        return p;
    }
}
