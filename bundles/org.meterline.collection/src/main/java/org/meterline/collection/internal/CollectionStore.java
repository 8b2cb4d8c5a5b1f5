package org.meterline.collection.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.meterline.collection.api.CollectionTask;
import org.meterline.collection.api.MeterOutcome;
import org.meterline.collection.api.OutcomeStatus;
import org.meterline.collection.api.RunState;
import org.meterline.collection.api.TaskRun;
import org.meterline.collection.api.TaskTemplate;
import org.meterline.core.api.ConflictException;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.persistence.Jpa;
import org.meterline.persistence.SchemaMigrations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The collection bundle's database: tasks, runs and outcomes, per customer. No permission checks
 * here: {@link CollectionServiceImpl} checks the caller, the routes and the scheduler act for the
 * platform.
 */
@Component(service = CollectionStore.class)
public class CollectionStore {

    private static final Map<String, String> TASK_SORT = Map.of("name", "name", "template", "template",
            "startTime", "startTime", "intervalMinutes", "intervalMinutes", "enabled", "enabled",
            "nextRunAt", "nextRunAt");
    private static final Map<String, String> OUTCOME_SORT = Map.of("meterSerial", "meterSerial", "status", "status",
            "attempts", "attempts", "errorKind", "errorKind");

    /** Cross-customer statements (scheduler, restart) are native SQL, which multitenancy allows per query only. */
    private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

    private final Jpa jpa;
    private final DataSource dataSource;

    @Activate
    public CollectionStore(@Reference(target = "(osgi.jndi.service.name=meterline)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=meterline.collection)") EntityManagerFactory emf) {
        SchemaMigrations.migrate(dataSource, "collection", CollectionStore.class.getClassLoader());
        this.jpa = new Jpa(emf);
        this.dataSource = dataSource;
    }

    /** Work on one customer's tasks, runs and outcomes. */
    <T> T inTenant(long tenantId, java.util.function.Function<EntityManager, T> work) {
        return jpa.inTenant(tenantId, work);
    }

    // ---------------------------------------------------------------- tasks

    Page<CollectionTask> listTasks(long tenantId, PageRequest page) {
        String where = " WHERE LOWER(t.name) LIKE :f ESCAPE '\\'";
        return jpa.inTenant(tenantId, em -> Jpa.page(em, page, "SELECT t FROM TaskEntity t" + where
                + Jpa.orderBy("t", page, TASK_SORT, "name"), "SELECT COUNT(t) FROM TaskEntity t" + where,
                TaskEntity.class, TaskEntity::toDto));
    }

    CollectionTask getTask(long tenantId, long id) {
        return jpa.inTenant(tenantId, em -> task(em, id).toDto());
    }

    Optional<CollectionTask> findTask(long tenantId, String name) {
        return jpa.inTenant(tenantId, em -> byName(em, name).map(TaskEntity::toDto));
    }

    static Optional<TaskEntity> byName(EntityManager em, String name) {
        return em.createQuery("SELECT t FROM TaskEntity t WHERE LOWER(t.name) = :n", TaskEntity.class)
                .setParameter("n", name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT))
                .getResultList().stream().findFirst();
    }

    static TaskEntity task(EntityManager em, long id) {
        TaskEntity t = em.find(TaskEntity.class, id);
        if (t == null) {
            throw NotFoundException.of("Collection task", id);
        }
        return t;
    }

    /** Enabled tasks of every customer due at {@code now}: (tenant id, task id) pairs. */
    List<Object[]> dueTasks(Instant now) {
        return jpa.global(em -> em.createNativeQuery("SELECT TENANT_ID, ID FROM ML_COLLECTION_TASK"
                + " WHERE ENABLED = ? AND NEXT_RUN_AT IS NOT NULL AND NEXT_RUN_AT <= ?")
                .setHint(NATIVE, true).setParameter(1, true).setParameter(2, java.sql.Timestamp.from(now))
                .getResultList());
    }

    /**
     * Moves a due task's next run on past {@code now}; answers the fire time that was due, or
     * empty when another node or tick took it already (its next run is no longer the one seen).
     */
    Optional<Instant> claimDue(long tenantId, long taskId, Instant now) {
        return jpa.inTenant(tenantId, em -> {
            TaskEntity t = em.find(TaskEntity.class, taskId);
            if (t == null || !t.enabled || t.nextRunAt == null || t.nextRunAt.isAfter(now)) {
                return Optional.<Instant>empty();
            }
            Instant due = Schedule.lastFireAtOrBefore(t.startTime, t.intervalMinutes, t.offsetMinutes, now);
            Instant next = Schedule.nextFireAfter(t.startTime, t.intervalMinutes, t.offsetMinutes, now);
            // a conditional update: of two schedulers that saw the same next run, one claims it
            int claimed = em.createQuery("UPDATE TaskEntity t SET t.nextRunAt = :next WHERE t.id = :id"
                    + " AND t.nextRunAt = :seen").setParameter("next", next).setParameter("id", taskId)
                    .setParameter("seen", t.nextRunAt).executeUpdate();
            return claimed == 1 ? Optional.of(due) : Optional.<Instant>empty();
        });
    }

    // ---------------------------------------------------------------- runs

    /** Opens a run of the task in state RUNNING; a task that runs already is a conflict. */
    TaskRun startRun(long tenantId, long taskId, String trigger, Instant periodStart, Instant periodEnd) {
        return jpa.inTenant(tenantId, em -> {
            // the task's row is locked until the run is recorded: two starts at once cannot both pass the check
            TaskEntity t = em.find(TaskEntity.class, taskId, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (t == null) {
                throw NotFoundException.of("Collection task", taskId);
            }
            long running = em.createQuery("SELECT COUNT(r) FROM RunEntity r WHERE r.taskId = :t AND r.state = :s",
                    Long.class).setParameter("t", taskId).setParameter("s", RunState.RUNNING).getSingleResult();
            if (running > 0) {
                throw new ConflictException(null, "Task " + t.name + " is running; wait until its run has finished.");
            }
            RunEntity r = new RunEntity();
            r.taskId = taskId;
            r.taskName = t.name;
            r.template = t.template;
            r.trigger = trigger.length() > 120 ? trigger.substring(0, 120) : trigger;
            r.periodStart = periodStart;
            r.periodEnd = periodEnd;
            r.started = Instant.now();
            r.state = RunState.RUNNING;
            em.persist(r);
            em.flush();
            return r.toDto();
        });
    }

    void setTotal(long tenantId, long runId, int total) {
        jpa.inTenant(tenantId, em -> {
            run(em, runId).metersTotal = total;
            return null;
        });
    }

    void recordOutcome(long tenantId, MeterOutcome o) {
        recordOutcome(tenantId, o, null);
    }

    /** Records a meter's outcome with the acquisition module it was read through (null: none). */
    void recordOutcome(long tenantId, MeterOutcome o, Long moduleId) {
        recordOutcomes(tenantId, List.of(new Acknowledged(o, moduleId)));
    }

    /** A meter's outcome and the acquisition module it was read through (null: none). */
    record Acknowledged(MeterOutcome outcome, Long moduleId) {
    }

    /**
     * Records the outcomes of several meters of one customer in one transaction. Plain JDBC: this is the
     * hot path of every collection (one row per meter and run), and an entity manager per batch cost more
     * than the insert. The ids come from the same allocation row as the entity's table generator, reserved
     * with one atomic update, so they never clash with ids EclipseLink hands out. A meter whose outcome is
     * recorded already for the run (a message delivered twice) keeps its first outcome.
     */
    void recordOutcomes(long tenantId, List<Acknowledged> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try {
                    insertOutcomes(c, tenantId, outcomes, reserveOutcomeIds(c, outcomes.size()));
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    if (!isDuplicate(e)) {
                        throw e;
                    }
                    // one of them is there already: record the others one by one
                    for (Acknowledged a : outcomes) {
                        try {
                            insertOutcomes(c, tenantId, List.of(a), reserveOutcomeIds(c, 1));
                            c.commit();
                        } catch (SQLException one) {
                            c.rollback();
                            if (!isDuplicate(one)) {
                                throw one;
                            }
                        }
                    }
                }
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Recording " + outcomes.size() + " meter outcomes failed: " + e.getMessage(),
                    e);
        }
    }

    /** Reserves {@code n} outcome ids; answers the first. */
    private static long reserveOutcomeIds(Connection c, int n) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE ML_COLLECTION_ID SET ID_VALUE = ID_VALUE + ? WHERE ID_NAME = 'OUTCOME'");
                PreparedStatement get = c.prepareStatement(
                        "SELECT ID_VALUE FROM ML_COLLECTION_ID WHERE ID_NAME = 'OUTCOME'")) {
            up.setLong(1, n);
            up.executeUpdate();
            try (ResultSet rs = get.executeQuery()) {
                rs.next();
                return rs.getLong(1) - n + 1;
            }
        }
    }

    private static void insertOutcomes(Connection c, long tenantId, List<Acknowledged> outcomes, long firstId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ML_COLLECTION_OUTCOME (ID, TENANT_ID, RUN_ID,"
                + " METER_ID, METER_SERIAL, STATUS, ERROR_KIND, MESSAGE, ATTEMPTS, VALUES_STORED, FINISHED, MODULE_ID)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            long id = firstId;
            for (Acknowledged a : outcomes) {
                MeterOutcome o = a.outcome();
                ps.setLong(1, id++);
                ps.setLong(2, tenantId);
                ps.setLong(3, o.runId());
                ps.setLong(4, o.meterId());
                ps.setString(5, cut(o.meterSerial(), 64));
                ps.setString(6, o.status().name());
                ps.setString(7, cut(o.errorKind(), 32));
                ps.setString(8, cut(o.message(), 500));
                ps.setInt(9, o.attempts());
                ps.setInt(10, o.valuesStored());
                ps.setTimestamp(11, Timestamp.from(o.finished()));
                if (a.moduleId() == null) {
                    ps.setNull(12, Types.BIGINT);
                } else {
                    ps.setLong(12, a.moduleId());
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static boolean isDuplicate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null
                    && "23505".equals(sql.getNextException().getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Closes a run: counts its outcomes and sets the state. */
    TaskRun finishRun(long tenantId, long runId, RunState state, String message) {
        return jpa.inTenant(tenantId, em -> {
            RunEntity r = run(em, runId);
            List<Object[]> counts = em.createQuery("SELECT o.status, COUNT(o) FROM OutcomeEntity o WHERE o.runId = :r"
                    + " GROUP BY o.status", Object[].class).setParameter("r", runId).getResultList();
            r.metersSucceeded = 0;
            r.metersFailed = 0;
            for (Object[] c : counts) {
                int n = ((Number) c[1]).intValue();
                if (c[0] == OutcomeStatus.SUCCEEDED) {
                    r.metersSucceeded = n;
                } else {
                    r.metersFailed = n;
                }
            }
            r.state = state;
            r.finished = Instant.now();
            r.message = cut(message, 500);
            return r.toDto();
        });
    }

    /** Marks every run still RUNNING (of every customer) as aborted; returns how many. */
    int abortRunning(String message) {
        return jpa.global(em -> em.createNativeQuery("UPDATE ML_COLLECTION_RUN SET STATE = ?, FINISHED = ?, MESSAGE = ?"
                + " WHERE STATE = ?").setHint(NATIVE, true).setParameter(1, RunState.ABORTED.name())
                .setParameter(2, java.sql.Timestamp.from(Instant.now())).setParameter(3, cut(message, 500))
                .setParameter(4, RunState.RUNNING.name()).executeUpdate());
    }

    TaskRun getRun(long tenantId, long runId) {
        return jpa.inTenant(tenantId, em -> run(em, runId).toDto());
    }

    Page<TaskRun> listRuns(long tenantId, long taskId, PageRequest page) {
        return jpa.inTenant(tenantId, em -> {
            List<TaskRun> items = em.createQuery("SELECT r FROM RunEntity r WHERE r.taskId = :t"
                    + " ORDER BY r.started DESC, r.id DESC", RunEntity.class).setParameter("t", taskId)
                    .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList().stream()
                    .map(RunEntity::toDto).toList();
            long total = em.createQuery("SELECT COUNT(r) FROM RunEntity r WHERE r.taskId = :t", Long.class)
                    .setParameter("t", taskId).getSingleResult();
            return new Page<>(items, total);
        });
    }

    Page<MeterOutcome> listOutcomes(long tenantId, long runId, PageRequest page) {
        String where = " WHERE o.runId = :r AND LOWER(o.meterSerial) LIKE :f ESCAPE '\\'";
        return jpa.inTenant(tenantId, em -> {
            run(em, runId);
            String pattern = Jpa.likePattern(page.filter());
            List<MeterOutcome> items = em.createQuery("SELECT o FROM OutcomeEntity o" + where
                    + Jpa.orderBy("o", page, OUTCOME_SORT, "meterSerial"), OutcomeEntity.class)
                    .setParameter("r", runId).setParameter("f", pattern).setFirstResult(page.offset())
                    .setMaxResults(page.limit()).getResultList().stream().map(OutcomeEntity::toDto).toList();
            long total = em.createQuery("SELECT COUNT(o) FROM OutcomeEntity o" + where, Long.class)
                    .setParameter("r", runId).setParameter("f", pattern).getSingleResult();
            return new Page<>(items, total);
        });
    }

    /** One outcome with its run's task and start, for the statistics. */
    record OutcomeRow(long taskId, Instant runStarted, long meterId, String meterSerial, OutcomeStatus status,
            String errorKind, String message, Instant finished) {
    }

    /** The outcomes of the runs started in [from, to), oldest first. */
    List<OutcomeRow> outcomeRows(long tenantId, Instant from, Instant to) {
        return jpa.inTenant(tenantId, em -> em.createQuery("SELECT r.taskId, r.started, o.meterId, o.meterSerial,"
                + " o.status, o.errorKind, o.message, o.finished FROM RunEntity r, OutcomeEntity o"
                + " WHERE o.runId = r.id AND r.started >= :f AND r.started < :t ORDER BY o.finished, o.id",
                Object[].class).setParameter("f", from).setParameter("t", to).getResultList().stream()
                .map(c -> new OutcomeRow(((Number) c[0]).longValue(), (Instant) c[1], ((Number) c[2]).longValue(),
                        (String) c[3], (OutcomeStatus) c[4], (String) c[5], (String) c[6], (Instant) c[7]))
                .toList());
    }

    // ---------------------------------------------------------------- network monitor

    /** Per module id: the latest successful outcome of any run for a meter read through it. */
    Map<Long, Instant> lastContacts(long tenantId, java.util.Collection<Long> moduleIds) {
        if (moduleIds.isEmpty()) {
            return Map.of();
        }
        return jpa.inTenant(tenantId, em -> {
            Map<Long, Instant> out = new java.util.HashMap<>();
            for (Object[] c : em.createQuery("SELECT o.moduleId, MAX(o.finished) FROM OutcomeEntity o"
                    + " WHERE o.moduleId IN :ids AND o.status = :s GROUP BY o.moduleId", Object[].class)
                    .setParameter("ids", moduleIds).setParameter("s", OutcomeStatus.SUCCEEDED).getResultList()) {
                out.put(((Number) c[0]).longValue(), (Instant) c[1]);
            }
            return out;
        });
    }

    /** A successful MODULE_SIGNAL outcome: which meter, when it was stored. */
    record SignalOutcome(long moduleId, long meterId, String meterSerial, Instant finished) {
    }

    /** Per module id: its latest successful MODULE_SIGNAL outcome. */
    Map<Long, SignalOutcome> latestSignalOutcomes(long tenantId, java.util.Collection<Long> moduleIds) {
        if (moduleIds.isEmpty()) {
            return Map.of();
        }
        return jpa.inTenant(tenantId, em -> {
            Map<Long, Instant> latest = new java.util.HashMap<>();
            for (Object[] c : em.createQuery("SELECT o.moduleId, MAX(o.finished) FROM OutcomeEntity o, RunEntity r"
                    + " WHERE o.runId = r.id AND r.template = :t AND o.status = :s AND o.moduleId IN :ids"
                    + " GROUP BY o.moduleId", Object[].class).setParameter("t", TaskTemplate.MODULE_SIGNAL)
                    .setParameter("s", OutcomeStatus.SUCCEEDED).setParameter("ids", moduleIds).getResultList()) {
                latest.put(((Number) c[0]).longValue(), (Instant) c[1]);
            }
            Map<Long, SignalOutcome> out = new java.util.HashMap<>();
            if (latest.isEmpty()) {
                return out;
            }
            for (Object[] c : em.createQuery("SELECT o.moduleId, o.meterId, o.meterSerial, o.finished"
                    + " FROM OutcomeEntity o, RunEntity r WHERE o.runId = r.id AND r.template = :t AND o.status = :s"
                    + " AND o.moduleId IN :ids AND o.finished IN :at ORDER BY o.id", Object[].class)
                    .setParameter("t", TaskTemplate.MODULE_SIGNAL).setParameter("s", OutcomeStatus.SUCCEEDED)
                    .setParameter("ids", latest.keySet()).setParameter("at", new java.util.HashSet<>(latest.values()))
                    .getResultList()) {
                long module = ((Number) c[0]).longValue();
                if (((Instant) c[3]).equals(latest.get(module))) {
                    out.put(module, new SignalOutcome(module, ((Number) c[1]).longValue(), (String) c[2],
                            (Instant) c[3]));
                }
            }
            return out;
        });
    }

    /** The meters (id → serial) a MODULE_SIGNAL run read through the module with outcomes in [from, to). */
    Map<Long, String> signalMeters(long tenantId, long moduleId, Instant from, Instant to) {
        return jpa.inTenant(tenantId, em -> {
            Map<Long, String> out = new java.util.LinkedHashMap<>();
            for (Object[] c : em.createQuery("SELECT DISTINCT o.meterId, o.meterSerial FROM OutcomeEntity o, RunEntity r"
                    + " WHERE o.runId = r.id AND r.template = :t AND o.status = :s AND o.moduleId = :m"
                    + " AND o.finished >= :f AND o.finished < :to", Object[].class)
                    .setParameter("t", TaskTemplate.MODULE_SIGNAL).setParameter("s", OutcomeStatus.SUCCEEDED)
                    .setParameter("m", moduleId).setParameter("f", from).setParameter("to", to).getResultList()) {
                out.put(((Number) c[0]).longValue(), (String) c[1]);
            }
            return out;
        });
    }

    /** Every task of the customer. */
    List<CollectionTask> allTasks(long tenantId) {
        return jpa.inTenant(tenantId, em -> em.createQuery("SELECT t FROM TaskEntity t", TaskEntity.class)
                .getResultList().stream().map(TaskEntity::toDto).toList());
    }

    /** Deletes a task with its runs and outcomes; refused while it runs. */
    void deleteTask(long tenantId, long taskId) {
        jpa.inTenant(tenantId, em -> {
            TaskEntity t = task(em, taskId);
            long running = em.createQuery("SELECT COUNT(r) FROM RunEntity r WHERE r.taskId = :t AND r.state = :s",
                    Long.class).setParameter("t", taskId).setParameter("s", RunState.RUNNING).getSingleResult();
            if (running > 0) {
                throw new ConflictException(null, "Task " + t.name + " is running; delete it when its run has finished.");
            }
            em.createQuery("DELETE FROM OutcomeEntity o WHERE o.runId IN (SELECT r.id FROM RunEntity r WHERE r.taskId = :t)")
                    .setParameter("t", taskId).executeUpdate();
            em.createQuery("DELETE FROM RunEntity r WHERE r.taskId = :t").setParameter("t", taskId).executeUpdate();
            em.remove(t);
            return null;
        });
    }

    private static RunEntity run(EntityManager em, long id) {
        RunEntity r = em.find(RunEntity.class, id);
        if (r == null) {
            throw NotFoundException.of("Run", id);
        }
        return r;
    }

    static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() > max ? s.substring(0, max) : s;
    }
}
