package org.meterline.collection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.archive.api.MeterModelService;
import org.meterline.collection.api.CollectionTask;
import org.meterline.collection.api.DailySuccess;
import org.meterline.collection.api.FailedMeter;
import org.meterline.collection.api.MeterOutcome;
import org.meterline.collection.api.OutcomeStatus;
import org.meterline.collection.api.ReadingStatistics;
import org.meterline.collection.api.RunState;
import org.meterline.collection.api.TaskInput;
import org.meterline.collection.api.TaskRun;
import org.meterline.collection.api.TaskTemplate;
import org.meterline.core.api.Caller;
import org.meterline.core.api.ConflictException;
import org.meterline.core.api.FieldError;
import org.meterline.core.api.ForbiddenException;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Role;
import org.meterline.core.api.ValidationException;
import org.meterline.grid.api.GridService;

/** Tasks through the service on Derby: validation, permissions, customers, run now, the scheduler. */
class CollectionServiceImplTest {

    @TempDir
    Path dir;

    private EntityManagerFactory emf;
    private CollectionStore store;
    private CollectionServiceImpl service;
    private final List<Object[]> launched = new ArrayList<>();
    private final Caller acme = caller(10, Role.OPERATOR);
    private final Caller beta = caller(20, Role.OPERATOR);
    private final Caller viewer = caller(10, Role.VIEWER);

    private static Caller caller(long tenant, Role role) {
        return new Caller("user" + tenant + role, tenant * 100, tenant, tenant, EnumSet.of(role));
    }

    /** Grid 1 and model 5 exist for every customer; nothing else does. */
    @SuppressWarnings("unchecked")
    private static <T> T only(Class<T> type, String method, long id) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (m.getName().equals(method)) {
                if (((Long) args[1]) != id) {
                    throw NotFoundException.of("Object", args[1]);
                }
                return null;
            }
            if (m.getName().equals("powerGridTree")) {
                return List.of();
            }
            throw new UnsupportedOperationException(m.getName());
        });
    }

    @BeforeEach
    void start() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        emf = Persistence.createEntityManagerFactory("meterline.collection", Map.of("javax.persistence.nonJtaDataSource", ds));
        store = new CollectionStore(ds, emf);
        RunLauncher launcher = (tenant, task, trigger, end) -> {
            launched.add(new Object[] {tenant, task, trigger, end});
            return store.startRun(tenant, task, trigger, end.minus(Duration.ofHours(1)), end);
        };
        service = new CollectionServiceImpl(store, launcher, only(GridService.class, "getPowerGrid", 1),
                only(MeterModelService.class, "getMeterModel", 5));
    }

    @AfterEach
    void stop() {
        emf.close();
    }

    private static TaskInput input(String name, Instant start) {
        return new TaskInput(name, TaskTemplate.LOAD_PROFILE, 1L, 5L, start, 60, 0, true);
    }

    private static Map<String, String> fields(ValidationException e) {
        return e.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message));
    }

    @Test
    void aStartTimeEarlierThanNowIsRefusedWithItsField() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.createTask(acme, input("Hourly", Instant.now().minus(Duration.ofHours(1)))));
        assertEquals("must not be earlier than now", fields(e).get("startTime"));
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.createTask(acme,
                new TaskInput(" ", null, 2L, 6L, null, 0, 5, null)));
        Map<String, String> f = fields(e);
        assertEquals("is required", f.get("name"));
        assertEquals("is required", f.get("template"));
        assertEquals("is required", f.get("startTime"));
        assertTrue(f.get("intervalMinutes").startsWith("must be between 1"));
        assertEquals("must be between 0 and the interval", f.get("offsetMinutes"));
        assertEquals("is not a power grid of this customer", f.get("gridId"));
        assertEquals("is not a meter model of this customer", f.get("modelId"));
    }

    @Test
    void tasksBelongToTheirCustomerAndNamesAreUnique() {
        Instant start = Instant.now().plus(Duration.ofHours(1));
        CollectionTask t = service.createTask(acme, input("Hourly", start));
        assertEquals(start.truncatedTo(ChronoUnit.SECONDS), t.nextRunAt(), "first run at start + offset");
        assertThrows(ConflictException.class, () -> service.createTask(acme, input("hourly", start)));
        service.createTask(beta, input("Hourly", start));
        assertEquals(1, service.listTasks(acme, PageRequest.first(10)).total());
        assertThrows(NotFoundException.class, () -> service.getTask(beta, t.id()));
        assertThrows(ForbiddenException.class, () -> service.createTask(viewer, input("Other", start)));
        assertEquals(1, service.listTasks(viewer, PageRequest.first(10)).total());
    }

    @Test
    void anUnchangedPastStartTimeMayStayOnUpdate() {
        CollectionTask t = service.createTask(acme, input("Hourly", Instant.now()));
        store.inTenant(10, em -> {
            CollectionStore.task(em, t.id()).startTime = Instant.now().minus(Duration.ofDays(3));
            return null;
        });
        CollectionTask old = service.getTask(acme, t.id());
        CollectionTask changed = service.updateTask(acme, t.id(), new TaskInput("Hourly renamed",
                TaskTemplate.EVENT_LOGS, 1L, null, old.startTime(), 120, 30, true));
        assertEquals("Hourly renamed", changed.name());
        assertTrue(changed.nextRunAt().isAfter(Instant.now()));
        CollectionTask disabled = service.setEnabled(acme, t.id(), false);
        assertNull(disabled.nextRunAt());
    }

    @Test
    void runNowStartsARunAndATaskRunsOnceAtATime() {
        CollectionTask t = service.createTask(acme, input("Hourly", Instant.now().plus(Duration.ofDays(1))));
        TaskRun run = service.runNow(acme, t.id());
        assertEquals(RunState.RUNNING, run.state());
        assertEquals("manual:" + acme.username(), run.trigger());
        assertThrows(ConflictException.class, () -> service.runNow(acme, t.id()));
        assertThrows(ConflictException.class, () -> service.deleteTask(acme, t.id()));
        assertThrows(ForbiddenException.class, () -> service.runNow(viewer, t.id()));
        assertThrows(NotFoundException.class, () -> service.runNow(beta, t.id()));
        store.finishRun(10, run.id(), RunState.FINISHED, "");
        assertEquals(1, service.listRuns(acme, t.id(), PageRequest.first(10)).total());
        service.deleteTask(acme, t.id());
        assertThrows(NotFoundException.class, () -> service.getTask(acme, t.id()));
    }

    @Test
    void theSchedulerFiresDueTasksOncePerFireTime() {
        Instant start = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        CollectionTask t = service.createTask(acme, new TaskInput("Quarter", TaskTemplate.DAILY_REGISTERS, 1L, null,
                start, 15, 5, true));
        assertEquals(start.plus(Duration.ofMinutes(5)), t.nextRunAt());
        TaskScheduler scheduler = new TaskScheduler(store, (tenant, task, trigger, end) -> {
            launched.add(new Object[] {tenant, task, trigger, end});
            return null;
        }, 0);
        try {
            assertEquals(0, scheduler.tick(start));
            Instant due = start.plus(Duration.ofMinutes(5 + 15 * 2 + 1)); // after the third fire time
            assertEquals(1, scheduler.tick(due));
            assertEquals(0, scheduler.tick(due), "the same fire time is not run twice");
            Object[] call = launched.get(0);
            assertEquals(10L, call[0]);
            assertEquals("schedule", call[2]);
            assertEquals(start.plus(Duration.ofMinutes(5 + 30)), call[3], "runs for the fire time that was due");
            assertEquals(start.plus(Duration.ofMinutes(5 + 45)), service.getTask(acme, t.id()).nextRunAt());
        } finally {
            scheduler.deactivate();
        }
    }

    @Test
    void twoStartsAtOnceGiveOneRun() throws Exception {
        CollectionTask t = service.createTask(acme, input("Hourly", Instant.now()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<TaskRun>> starts = new ArrayList<>();
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 4; i++) {
                starts.add(pool.submit(() -> {
                    go.await();
                    return service.runNow(acme, t.id());
                }));
            }
            go.countDown();
            int ok = 0;
            int conflicts = 0;
            for (java.util.concurrent.Future<TaskRun> f : starts) {
                try {
                    f.get();
                    ok++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause() instanceof ConflictException, e.getCause().toString());
                    conflicts++;
                }
            }
            assertEquals(1, ok);
            assertEquals(3, conflicts);
            assertEquals(1, service.listRuns(acme, t.id(), PageRequest.first(10)).total());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void runsLeftRunningAreAbortedOnRestart() {
        CollectionTask t = service.createTask(acme, input("Hourly", Instant.now()));
        TaskRun run = service.runNow(acme, t.id());
        assertEquals(1, store.abortRunning("restart"));
        TaskRun after = service.getRun(acme, run.id());
        assertEquals(RunState.ABORTED, after.state());
        assertEquals("restart", after.message());
    }

    @Test
    void statisticsGiveTheSuccessRatePerDayTaskAndGridWithTheFailedMeters() {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        CollectionTask t = service.createTask(acme, input("Hourly", Instant.now()));
        LocalDate day = LocalDate.of(2026, 11, 20);
        Instant morning = day.atTime(8, 0).atZone(zone).toInstant();
        // first run: meters 1, 2 read, 3 fails; second run the same day: 3 fails again, 4 fails, 4 is read later
        outcomes(t, morning, new Object[][] {{1L, true}, {2L, true}, {3L, false}});
        outcomes(t, morning.plus(Duration.ofHours(1)), new Object[][] {{3L, false}, {4L, false}});
        outcomes(t, morning.plus(Duration.ofHours(2)), new Object[][] {{4L, true}});
        // the next day (in Berlin): one meter read
        outcomes(t, day.plusDays(1).atStartOfDay(zone).toInstant().plusSeconds(60), new Object[][] {{1L, true}});

        ReadingStatistics s = service.statistics(acme, day, day.plusDays(1), zone, null, null);
        assertEquals(2, s.byTask().size());
        DailySuccess first = s.byTask().get(0);
        assertEquals(day, first.day());
        assertEquals(4, first.meters());
        assertEquals(3, first.succeeded());
        assertEquals(1, first.failed());
        assertEquals(0.75, first.successRate(), 1e-9);
        assertEquals(1, s.byTask().get(1).meters());
        assertEquals(2, s.byGrid().size());
        assertEquals(1, s.byGrid().get(0).id());
        assertEquals(1, s.failedMeters().size(), "meter 4 was read later that day: not failed");
        FailedMeter f = s.failedMeters().get(0);
        assertEquals(3, f.meterId());
        assertEquals("TIMEOUT", f.errorKind());
        assertEquals(2, f.failures());
        assertEquals(0, service.statistics(beta, day, day, zone, null, null).byTask().size());
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.statistics(acme, day, day.plusDays(40), zone, null, null));
        assertTrue(fields(e).containsKey("to"));
    }

    private void outcomes(CollectionTask t, Instant started, Object[][] meters) {
        TaskRun run = store.startRun(10, t.id(), "test", started.minus(Duration.ofHours(1)), started);
        store.inTenant(10, em -> {
            em.find(RunEntity.class, run.id()).started = started;
            return null;
        });
        for (Object[] m : meters) {
            long id = (Long) m[0];
            boolean ok = (Boolean) m[1];
            store.recordOutcome(10, new MeterOutcome(run.id(), id, "M" + id, ok ? OutcomeStatus.SUCCEEDED
                    : OutcomeStatus.FAILED, ok ? "" : "TIMEOUT", ok ? "" : "no answer", ok ? 1 : 3, ok ? 6 : 0, started));
        }
        store.finishRun(10, run.id(), RunState.FINISHED, "");
    }

    @Test
    void fireTimes() {
        Instant s = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(Instant.parse("2026-01-01T00:10:00Z"), Schedule.nextFireAfter(s, 60, 10, s));
        assertEquals(Instant.parse("2026-01-01T01:10:00Z"), Schedule.nextFireAfter(s, 60, 10, Instant.parse("2026-01-01T00:10:00Z")));
        assertEquals(Instant.parse("2026-01-01T00:10:00Z"), Schedule.nextFireAtOrAfter(s, 60, 10, Instant.parse("2026-01-01T00:10:00Z")));
        assertEquals(Instant.parse("2026-01-01T02:10:00Z"), Schedule.lastFireAtOrBefore(s, 60, 10, Instant.parse("2026-01-01T03:09:59Z")));
    }
}
