package org.meterline.persistence;

import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.PersistenceException;
import java.util.stream.Collectors;
import org.meterline.core.api.ConflictException;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.ValidationException;

/**
 * Runs work in a transaction on a fresh entity manager of one persistence unit.
 *
 * <p>Tenant-owned entities are annotated {@code @Multitenant} with a tenant discriminator column
 * bound to {@link #TENANT_PROPERTY}; {@link #inTenant} opens the entity manager with that
 * property set, so EclipseLink adds the tenant to every query, insert and update. No service
 * writes {@code where tenant = ?} by hand.
 */
public final class Jpa {

    /** The EclipseLink context property that carries the tenant (customer) id. */
    public static final String TENANT_PROPERTY = "eclipselink.tenant-id";

    private final EntityManagerFactory emf;

    public Jpa(EntityManagerFactory emf) {
        this.emf = Objects.requireNonNull(emf, "emf");
    }

    /** Work on the data of one customer. */
    public <T> T inTenant(long tenantId, Function<EntityManager, T> work) {
        // a Long, not a String: EclipseLink binds it as it is into the BIGINT TENANT_ID column
        return run(emf.createEntityManager(Map.of(TENANT_PROPERTY, tenantId)), work);
    }

    /** Work on entities that are not tenant-owned (customers, accounts). */
    public <T> T global(Function<EntityManager, T> work) {
        return run(emf.createEntityManager(), work);
    }

    private static <T> T run(EntityManager em, Function<EntityManager, T> work) {
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (PersistenceException e) {
            if (isConstraintViolation(e)) {
                throw new ConflictException(null, "The change clashes with data stored meanwhile; reload and try again.");
            }
            throw e;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A JPQL {@code ORDER BY} for a page: the requested sort field if {@code allowed} maps it to
     * an entity attribute (else a {@link ValidationException} naming the choices), then the id,
     * so paging is stable.
     */
    public static String orderBy(String alias, PageRequest page, Map<String, String> allowed, String fallback) {
        String field = page.sortField() == null ? fallback : page.sortField();
        String attribute = allowed.get(field);
        if (attribute == null) {
            throw new ValidationException("sort", "cannot sort by " + field + "; use one of "
                    + allowed.keySet().stream().sorted().collect(Collectors.joining(", ")));
        }
        return " ORDER BY " + alias + "." + attribute + (page.ascending() ? " ASC" : " DESC") + ", " + alias + ".id ASC";
    }

    /**
     * One page of a filtered list: {@code select} and {@code count} are JPQL with a parameter
     * {@code :f}, bound to the page's filter as a {@link #likePattern}.
     */
    public static <E, D> Page<D> page(EntityManager em, PageRequest page, String select, String count,
            Class<E> type, Function<E, D> toDto) {
        String pattern = likePattern(page.filter());
        List<D> items = em.createQuery(select, type).setParameter("f", pattern).setFirstResult(page.offset())
                .setMaxResults(page.limit()).getResultList().stream().map(toDto).collect(Collectors.toList());
        long total = em.createQuery(count, Long.class).setParameter("f", pattern).getSingleResult();
        return new Page<>(items, total);
    }

    /** Escapes a user's filter text for a JPQL {@code LIKE} with escape character '\'. */
    public static String likePattern(String filter) {
        String escaped = filter.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
