package org.meterline.collection.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meterline.archive.api.AcquisitionModuleService;
import org.meterline.archive.api.MeterModelService;
import org.meterline.collection.api.CollectionService;
import org.meterline.collection.api.CollectionTask;
import org.meterline.collection.api.MeterOutcome;
import org.meterline.collection.api.ModuleSignal;
import org.meterline.collection.api.SignalPoint;
import org.meterline.collection.api.ReadingStatistics;
import org.meterline.collection.api.TaskInput;
import org.meterline.collection.api.TaskRun;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Checks;
import org.meterline.core.api.ConflictException;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Permission;
import org.meterline.grid.api.GridService;
import org.meterline.readings.api.ReadingStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Collection tasks with the caller's permission checked and the input validated. */
@Component(service = CollectionService.class, configurationPid = "org.meterline.collection")
public class CollectionServiceImpl implements CollectionService {

    /** Longest interval: 31 days. */
    static final int MAX_INTERVAL_MINUTES = 31 * 24 * 60;
    /** A start time this much in the past still counts as "now" (the form picks whole minutes). */
    static final Duration NOW_TOLERANCE = Duration.ofMinutes(1);

    private final CollectionStore store;
    private final RunLauncher launcher;
    private final GridService grids;
    private final MeterModelService models;
    private final NetworkMonitor monitor;

    @Activate
    public CollectionServiceImpl(@Reference CollectionStore store, @Reference RunLauncher launcher,
            @Reference GridService grids, @Reference MeterModelService models,
            @Reference AcquisitionModuleService modules, @Reference ReadingStore readings, Config config) {
        this(store, launcher, grids, models, modules, readings, config.onlineWindowMinutes());
    }

    CollectionServiceImpl(CollectionStore store, RunLauncher launcher, GridService grids, MeterModelService models,
            AcquisitionModuleService modules, ReadingStore readings, int onlineWindowMinutes) {
        this.store = store;
        this.launcher = launcher;
        this.grids = grids;
        this.models = models;
        this.monitor = new NetworkMonitor(store, modules, readings, onlineWindowMinutes);
    }

    /** Without the Network Monitor's services (tests of the tasks alone). */
    CollectionServiceImpl(CollectionStore store, RunLauncher launcher, GridService grids, MeterModelService models) {
        this(store, launcher, grids, models, null, null, 0);
    }

    @Override
    public Page<CollectionTask> listTasks(Caller caller, PageRequest page) {
        caller.require(Permission.read(AREA));
        return store.listTasks(caller.tenantId(), page);
    }

    @Override
    public CollectionTask getTask(Caller caller, long id) {
        caller.require(Permission.read(AREA));
        return store.getTask(caller.tenantId(), id);
    }

    @Override
    public Optional<CollectionTask> findTask(Caller caller, String name) {
        caller.require(Permission.read(AREA));
        return store.findTask(caller.tenantId(), name);
    }

    @Override
    public CollectionTask createTask(Caller caller, TaskInput in) {
        caller.require(Permission.write(AREA));
        validate(caller, in, null);
        return store.inTenant(caller.tenantId(), em -> {
            TaskEntity t = new TaskEntity();
            apply(em, t, in);
            em.persist(t);
            em.flush();
            return t.toDto();
        });
    }

    @Override
    public CollectionTask updateTask(Caller caller, long id, TaskInput in) {
        caller.require(Permission.write(AREA));
        CollectionTask before = store.getTask(caller.tenantId(), id);
        validate(caller, in, before);
        return store.inTenant(caller.tenantId(), em -> {
            TaskEntity t = CollectionStore.task(em, id);
            apply(em, t, in);
            return t.toDto();
        });
    }

    @Override
    public void deleteTask(Caller caller, long id) {
        caller.require(Permission.write(AREA));
        store.deleteTask(caller.tenantId(), id);
    }

    @Override
    public CollectionTask setEnabled(Caller caller, long id, boolean enabled) {
        caller.require(Permission.write(AREA));
        return store.inTenant(caller.tenantId(), em -> {
            TaskEntity t = CollectionStore.task(em, id);
            t.enabled = enabled;
            t.nextRunAt = nextRun(t, Instant.now());
            return t.toDto();
        });
    }

    @Override
    public TaskRun runNow(Caller caller, long id) {
        caller.require(Permission.write(AREA));
        store.getTask(caller.tenantId(), id); // not found for another customer's task
        return launcher.launch(caller.tenantId(), id, "manual:" + caller.username(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public Page<TaskRun> listRuns(Caller caller, long taskId, PageRequest page) {
        caller.require(Permission.read(AREA));
        store.getTask(caller.tenantId(), taskId);
        return store.listRuns(caller.tenantId(), taskId, page);
    }

    @Override
    public TaskRun getRun(Caller caller, long runId) {
        caller.require(Permission.read(AREA));
        return store.getRun(caller.tenantId(), runId);
    }

    @Override
    public Page<MeterOutcome> listOutcomes(Caller caller, long runId, PageRequest page) {
        caller.require(Permission.read(AREA));
        return store.listOutcomes(caller.tenantId(), runId, page);
    }

    @Override
    public ReadingStatistics statistics(Caller caller, LocalDate from, LocalDate to, ZoneId zone, Long taskId,
            Long gridId) {
        caller.require(Permission.read(AREA));
        Checks checks = new Checks().required("from", from).required("to", to).required("zone", zone);
        if (from != null && to != null && (to.isBefore(from) || from.plusDays(MAX_STATISTICS_DAYS - 1).isBefore(to))) {
            checks.fail("to", "must be from the start date to " + MAX_STATISTICS_DAYS + " days after it");
        }
        checks.throwIfAny();
        Map<Long, CollectionTask> tasks = new HashMap<>();
        for (CollectionTask t : store.allTasks(caller.tenantId())) {
            if ((taskId == null || t.id() == taskId) && (gridId == null || t.gridId() == gridId)) {
                tasks.put(t.id(), t);
            }
        }
        Map<Long, String> gridNames = new HashMap<>();
        grids.powerGridTree(caller).forEach(g -> gridNames.put(g.id(), g.name()));
        Statistics.Result r = Statistics.of(store.outcomeRows(caller.tenantId(), from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant()), tasks, gridNames, zone);
        return new ReadingStatistics(from, to, zone.getId(), r.byTask(), r.byGrid(), r.failed());
    }

    @Override
    public Page<ModuleSignal> networkModules(Caller caller, PageRequest page) {
        caller.require(Permission.read(AREA));
        return monitor.modules(caller, page);
    }

    @Override
    public List<SignalPoint> moduleSignalHistory(Caller caller, long moduleId, Instant from, Instant to) {
        caller.require(Permission.read(AREA));
        return monitor.history(caller, moduleId, from, to);
    }

    // ---------------------------------------------------------------- helpers

    private void validate(Caller caller, TaskInput input, CollectionTask before) {
        TaskInput in = input != null ? input : new TaskInput(null, null, null, null, null, null, null, null);
        Checks checks = new Checks().text("name", in.name(), 100).required("template", in.template())
                .required("gridId", in.gridId()).required("startTime", in.startTime())
                .required("intervalMinutes", in.intervalMinutes());
        if (in.startTime() != null && (before == null || !in.startTime().equals(before.startTime()))
                && in.startTime().isBefore(Instant.now().minus(NOW_TOLERANCE))) {
            checks.fail("startTime", "must not be earlier than now");
        }
        if (in.intervalMinutes() != null && (in.intervalMinutes() < 1 || in.intervalMinutes() > MAX_INTERVAL_MINUTES)) {
            checks.fail("intervalMinutes", "must be between 1 and " + MAX_INTERVAL_MINUTES + " (31 days)");
        }
        if (in.offsetMinutes() != null && (in.offsetMinutes() < 0
                || (in.intervalMinutes() != null && in.offsetMinutes() > in.intervalMinutes()))) {
            checks.fail("offsetMinutes", "must be between 0 and the interval");
        }
        if (in.gridId() != null && !exists(() -> grids.getPowerGrid(caller, in.gridId()))) {
            checks.fail("gridId", "is not a power grid of this customer");
        }
        if (in.modelId() != null && !exists(() -> models.getMeterModel(caller, in.modelId()))) {
            checks.fail("modelId", "is not a meter model of this customer");
        }
        checks.throwIfAny();
    }

    private static boolean exists(Runnable lookup) {
        try {
            lookup.run();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static void apply(javax.persistence.EntityManager em, TaskEntity t, TaskInput in) {
        String name = in.name().trim();
        CollectionStore.byName(em, name).filter(other -> !other.id.equals(t.id)).ifPresent(other -> {
            throw new ConflictException("name", "A collection task named " + name + " already exists.");
        });
        t.name = name;
        t.template = in.template();
        t.gridId = in.gridId();
        t.modelId = in.modelId();
        t.startTime = in.startTime().truncatedTo(ChronoUnit.SECONDS);
        t.intervalMinutes = in.intervalMinutes();
        t.offsetMinutes = in.offsetMinutes() == null ? 0 : in.offsetMinutes();
        t.enabled = in.enabled() == null || in.enabled();
        t.nextRunAt = nextRun(t, Instant.now());
    }

    static Instant nextRun(TaskEntity t, Instant now) {
        return t.enabled ? Schedule.nextFireAtOrAfter(t.startTime, t.intervalMinutes, t.offsetMinutes, now) : null;
    }
}
