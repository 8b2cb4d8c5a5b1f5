package org.meterline.collection.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;

/**
 * Collection tasks of the caller's customer, their runs and per-meter outcomes. Reading needs
 * {@code collection:read}; changing tasks and running them {@code collection:write}. Errors:
 * {@code ValidationException} naming the field (e.g. {@code startTime: must not be earlier than now}),
 * {@code ConflictException} for a duplicate name, {@code NotFoundException}.
 *
 * <p>Only this bundle implements this interface (a provider type): a method added here is a minor change.
 */
@org.osgi.annotation.versioning.ProviderType
public interface CollectionService {

    String AREA = "collection";

    /** The templates, in menu order. */
    default List<TaskTemplate> templates() {
        return List.of(TaskTemplate.values());
    }

    /** Sort: name, template, startTime, intervalMinutes, enabled. The filter matches the name. */
    Page<CollectionTask> listTasks(Caller caller, PageRequest page);

    CollectionTask getTask(Caller caller, long id);

    Optional<CollectionTask> findTask(Caller caller, String name);

    CollectionTask createTask(Caller caller, TaskInput input);

    CollectionTask updateTask(Caller caller, long id, TaskInput input);

    /** Deletes the task with its runs and outcomes; refused while it runs. */
    void deleteTask(Caller caller, long id);

    CollectionTask setEnabled(Caller caller, long id, boolean enabled);

    /**
     * Starts a run of the task now, whether enabled or not; returns at once with the run in state
     * RUNNING (or ABORTED when it could not start). A task runs at most once at a time: a
     * {@code ConflictException} while it runs.
     */
    TaskRun runNow(Caller caller, long id);

    /** The task's runs, newest first. */
    Page<TaskRun> listRuns(Caller caller, long taskId, PageRequest page);

    TaskRun getRun(Caller caller, long runId);

    /** The run's per-meter outcomes; sort: meterSerial, status, attempts. The filter matches the serial. */
    Page<MeterOutcome> listOutcomes(Caller caller, long runId, PageRequest page);

    /** The longest period {@link #statistics} covers, in days. */
    int MAX_STATISTICS_DAYS = 31;

    /**
     * Meter Reading Statistics over the days {@code from}..{@code to} (inclusive) in {@code zone}, at most
     * {@value #MAX_STATISTICS_DAYS} days; {@code taskId} or {@code gridId} (optional) narrow it to one task or
     * to the tasks of one grid. Failed meters are listed per day and task, most recent day first.
     */
    ReadingStatistics statistics(Caller caller, LocalDate from, LocalDate to, ZoneId zone, Long taskId, Long gridId);

    /** The longest period {@link #moduleSignalHistory} covers, in days. */
    int MAX_HISTORY_DAYS = 31;

    /** The most points {@link #moduleSignalHistory} returns. */
    int MAX_HISTORY_POINTS = 10_000;

    /**
     * Network Monitor (manual §9.1): the caller's acquisition modules, a page at a time (sort and filter as the
     * archive's module list: the filter matches serial number, IMEI, ICCID and address), each with its latest
     * collected signal, last contact and online status.
     *
     * @since 1.1
     */
    Page<ModuleSignal> networkModules(Caller caller, PageRequest page);

    /**
     * The signal readings of one module in [{@code from}, {@code to}) (at most {@value #MAX_HISTORY_DAYS} days),
     * oldest first, at most {@value #MAX_HISTORY_POINTS}: those stored by {@link TaskTemplate#MODULE_SIGNAL} runs
     * for the meters read through it. {@code NotFoundException} for another customer's module.
     *
     * @since 1.1
     */
    List<SignalPoint> moduleSignalHistory(Caller caller, long moduleId, java.time.Instant from, java.time.Instant to);
}
