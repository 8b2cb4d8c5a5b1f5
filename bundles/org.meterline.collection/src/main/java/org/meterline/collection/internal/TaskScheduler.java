package org.meterline.collection.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.meterline.core.api.ConflictException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires enabled tasks at {@code start + offset + k × interval}: a single-thread
 * {@link ScheduledExecutorService} looks every {@code schedulerTickSeconds} for tasks whose next run
 * time has come (of every customer), moves each task's next run time on in the database, then launches
 * the run for the fire time that was due. Fire times missed while the platform was down are not
 * repeated: the next tick runs the task once (the load profile gap fill covers what was missed).
 */
@Component(configurationPid = "org.meterline.collection", immediate = true)
public class TaskScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(TaskScheduler.class);

    private final CollectionStore store;
    private final RunLauncher launcher;
    private final ScheduledExecutorService timer;

    @Activate
    public TaskScheduler(Config config, @Reference CollectionStore store, @Reference RunLauncher launcher) {
        this(store, launcher, Settings.of(config).schedulerTickSeconds());
    }

    TaskScheduler(CollectionStore store, RunLauncher launcher, int tickSeconds) {
        this.store = store;
        this.launcher = launcher;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "meterline-collection-scheduler");
            t.setDaemon(true);
            return t;
        });
        if (tickSeconds > 0) {
            timer.scheduleWithFixedDelay(this::tickSafely, tickSeconds, tickSeconds, TimeUnit.SECONDS);
        }
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    private void tickSafely() {
        try {
            tick(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("Collection scheduler tick failed: {}", e.toString(), e);
        }
    }

    /** Launches every task due at {@code now}; returns how many runs were started. */
    int tick(Instant now) {
        int started = 0;
        List<Object[]> due = store.dueTasks(now);
        for (Object[] row : due) {
            long tenantId = ((Number) row[0]).longValue();
            long taskId = ((Number) row[1]).longValue();
            Optional<Instant> fire = store.claimDue(tenantId, taskId, now);
            if (fire.isEmpty()) {
                continue;
            }
            try {
                launcher.launch(tenantId, taskId, "schedule", fire.get());
                started++;
            } catch (ConflictException e) {
                LOG.info("Task {} is still running at its fire time {}; this execution is skipped", taskId, fire.get());
            } catch (RuntimeException e) {
                LOG.warn("Task {} could not be started at {}: {}", taskId, fire.get(), e.toString());
            }
        }
        return started;
    }
}
