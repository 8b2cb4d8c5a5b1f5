package org.meterline.archive.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.meterline.archive.api.Consumer;
import org.meterline.archive.api.ConsumerInput;
import org.meterline.archive.api.ConsumerService;
import org.meterline.archive.api.ConsumerStatus;
import org.meterline.archive.api.ConsumerType;
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

/** Archive → Consumer (manual §4.1), stored per customer through EclipseLink multitenancy. */
@Component(service = ConsumerService.class)
public class ConsumerServiceImpl implements ConsumerService {

    private static final Map<String, String> SORT = Map.of("code", "code", "name", "name",
            "organization", "organization", "type", "type", "status", "status", "activeDate", "activeDate");
    /** One @, no spaces, a dot in the domain: what a form can check without sending mail. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final Jpa jpa;

    @Activate
    public ConsumerServiceImpl(@Reference ArchiveSchema schema) {
        this.jpa = schema.jpa();
    }

    @Override
    public Page<Consumer> listConsumers(Caller caller, PageRequest page) {
        caller.require(Permission.read(ArchiveSchema.AREA));
        String where = " WHERE LOWER(c.code) LIKE :f ESCAPE '\\' OR LOWER(c.name) LIKE :f ESCAPE '\\'"
                + " OR LOWER(c.organization) LIKE :f ESCAPE '\\'";
        return jpa.inTenant(caller.tenantId(), em -> Jpa.page(em, page, "SELECT c FROM ConsumerEntity c" + where
                + Jpa.orderBy("c", page, SORT, "code"), "SELECT COUNT(c) FROM ConsumerEntity c" + where, ConsumerEntity.class, ConsumerEntity::toDto));
    }

    @Override
    public Consumer getConsumer(Caller caller, long id) {
        caller.require(Permission.read(ArchiveSchema.AREA));
        return jpa.inTenant(caller.tenantId(), em -> find(em, id).toDto());
    }

    @Override
    public Optional<Consumer> findConsumer(Caller caller, String code) {
        caller.require(Permission.read(ArchiveSchema.AREA));
        return jpa.inTenant(caller.tenantId(), em -> byCode(em, normalize(code)).map(ConsumerEntity::toDto));
    }

    @Override
    public Consumer createConsumer(Caller caller, ConsumerInput in) {
        caller.require(Permission.write(ArchiveSchema.AREA));
        validate(in);
        return jpa.inTenant(caller.tenantId(), em -> {
            ConsumerEntity c = new ConsumerEntity();
            apply(em, c, in);
            em.persist(c);
            return c.toDto();
        });
    }

    @Override
    public Consumer updateConsumer(Caller caller, long id, ConsumerInput in) {
        caller.require(Permission.write(ArchiveSchema.AREA));
        validate(in);
        return jpa.inTenant(caller.tenantId(), em -> {
            ConsumerEntity c = find(em, id);
            apply(em, c, in);
            return c.toDto();
        });
    }

    @Override
    public void deleteConsumer(Caller caller, long id) {
        caller.require(Permission.write(ArchiveSchema.AREA));
        jpa.inTenant(caller.tenantId(), em -> {
            ConsumerEntity c = find(em, id);
            long pocs = em.createQuery("SELECT COUNT(p) FROM PocEntity p WHERE p.consumer = :c", Long.class)
                    .setParameter("c", c).getSingleResult();
            if (pocs > 0) {
                throw new ConflictException(null, "Consumer " + c.code + " is used by " + pocs
                        + " POC(s); change or delete those first.");
            }
            em.remove(c);
            return null;
        });
    }

    private static void validate(ConsumerInput in) {
        if (in == null) {
            new Checks().fail("code", "is required").fail("name", "is required").throwIfAny();
        }
        Checks checks = new Checks().optionalText("organization", in.organization(), 100).code("code", in.code())
                .text("name", in.name(), 100).optionalText("contact", in.contact(), 100)
                .optionalText("phone", in.phone(), 40);
        if (in.status() == ConsumerStatus.TERMINATED && in.terminatedOn() == null) {
            checks.fail("terminatedOn", "is required for a terminated consumer");
        }
        if (in.terminatedOn() != null && in.activeDate() != null && in.terminatedOn().isBefore(in.activeDate())) {
            checks.fail("terminatedOn", "must not be before the active date");
        }
        String email = blankToNull(in.email());
        if (email != null && email.length() > 254) {
            checks.fail("email", "must be at most 254 characters");
        } else if (email != null && !EMAIL.matcher(email).matches()) {
            checks.fail("email", "must be an e-mail address such as name@example.com");
        }
        checks.throwIfAny();
    }

    private static void apply(EntityManager em, ConsumerEntity c, ConsumerInput in) {
        String code = normalize(in.code());
        byCode(em, code).filter(other -> !other.id.equals(c.id)).ifPresent(other -> {
            throw new ConflictException("code", "A consumer with code " + code + " already exists.");
        });
        c.organization = blankToNull(in.organization());
        c.code = code;
        c.name = in.name().trim();
        c.type = in.type() == null ? ConsumerType.RESIDENTIAL : in.type();
        c.status = in.status() == null ? ConsumerStatus.ACTIVE : in.status();
        c.activeDate = in.activeDate();
        c.terminatedOn = in.terminatedOn();
        c.contact = blankToNull(in.contact());
        c.phone = blankToNull(in.phone());
        c.email = blankToNull(in.email());
    }

    // ---------------------------------------------------------------- helpers

    private static String normalize(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Optional<ConsumerEntity> byCode(EntityManager em, String code) {
        return em.createQuery("SELECT c FROM ConsumerEntity c WHERE c.code = :c", ConsumerEntity.class)
                .setParameter("c", code).getResultList().stream().findFirst();
    }

    private static ConsumerEntity find(EntityManager em, long id) {
        ConsumerEntity c = em.find(ConsumerEntity.class, id);
        if (c == null) {
            throw NotFoundException.of("Consumer", id);
        }
        return c;
    }
}
