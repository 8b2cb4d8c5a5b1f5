package org.meterline.collection.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.meterline.collection.api.MeterOutcome;
import org.meterline.collection.api.OutcomeStatus;
import org.meterline.collection.internal.Messages.MeterJob;
import org.meterline.collection.internal.Messages.ReadResult;
import org.meterline.core.api.Caller;
import org.meterline.readings.api.MeterEvent;
import org.meterline.readings.api.Reading;
import org.meterline.readings.api.ReadingStore;
import org.meterline.readings.api.WriteOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the read results of several meters together: a group commit. Each store consumer thread
 * hands in its meter's result and waits; whichever thread holds the write lock takes every result
 * waiting at that moment (up to {@code maxRows} values), writes their readings and events in one
 * store call and their outcomes in one transaction, and wakes the others. Under load a handful of
 * meters share each commit; a lone meter is written at once, with no waiting for company.
 *
 * <p>A meter's outcome is recorded only after its values are committed, so an outcome is an
 * acknowledgement. When a shared write fails (a bad row, the database), each meter of the group is
 * written again on its own (writes are idempotent), so one meter's problem fails only that meter.
 */
final class StoreBatcher {

    private static final Logger LOG = LoggerFactory.getLogger(StoreBatcher.class);

    private final ReadingStore readings;
    private final CollectionStore store;
    private final int maxRows;
    private final ReentrantLock writing = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private long batches;
    private long results;

    StoreBatcher(ReadingStore readings, CollectionStore store, int maxRows) {
        this.readings = readings;
        this.store = store;
        this.maxRows = Math.max(1, maxRows);
    }

    /** Stores one meter's result (with whatever else waits) and answers its recorded outcome. */
    MeterOutcome store(ReadResult result) {
        Pending mine = new Pending(result);
        waiting.add(mine);
        writing.lock();
        try {
            // the lock's holder before us may have written ours already; otherwise we write what waits
            while (mine.outcome == null) {
                writeWaiting();
            }
        } finally {
            writing.unlock();
        }
        return mine.outcome;
    }

    /** Results written so far per batch, on average (tests and the log show the grouping works). */
    synchronized double meanBatch() {
        return batches == 0 ? 0 : (double) results / batches;
    }

    private void writeWaiting() {
        List<Pending> batch = new ArrayList<>();
        int rows = 0;
        for (Pending p = waiting.peek(); p != null && (batch.isEmpty() || rows + p.size() <= maxRows);
                p = waiting.peek()) {
            waiting.poll();
            batch.add(p);
            rows += p.size();
        }
        Map<Long, List<Pending>> byTenant = new LinkedHashMap<>();
        for (Pending p : batch) {
            byTenant.computeIfAbsent(p.result.job().tenantId(), t -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<Long, List<Pending>> e : byTenant.entrySet()) {
            writeTenant(e.getKey(), e.getValue());
        }
        synchronized (this) {
            batches++;
            results += batch.size();
        }
    }

    private void writeTenant(long tenantId, List<Pending> group) {
        Caller caller = CollectionRoutes.system(tenantId);
        List<Pending> ok = group.stream().filter(p -> p.result.ok()).toList();
        WriteOutcome shared = null;
        if (!ok.isEmpty()) {
            try {
                shared = write(caller, ok);
            } catch (RuntimeException e) {
                if (ok.size() == 1) {
                    failStore(ok.get(0), e);
                } else {
                    LOG.info("Storing {} meters together failed ({}); storing them one by one", ok.size(),
                            e.toString());
                }
            }
        }
        for (Pending p : group) {
            if (p.outcome != null) {
                continue; // failed storing on its own above
            }
            ReadResult r = p.result;
            if (!r.ok()) {
                p.outcome = outcome(r, OutcomeStatus.FAILED, r.errorKind(), r.message(), 0);
            } else if (shared != null) {
                p.outcome = outcome(r, OutcomeStatus.SUCCEEDED, "", r.message() + note(shared, ok.size()), p.size());
            } else {
                try {
                    WriteOutcome own = write(caller, List.of(p));
                    p.outcome = outcome(r, OutcomeStatus.SUCCEEDED, "", r.message() + note(own, 1), own.total());
                } catch (RuntimeException e) {
                    failStore(p, e);
                }
            }
        }
        record(tenantId, group);
    }

    /** Writes the readings and events of the results in (at most) two store calls. */
    private WriteOutcome write(Caller caller, List<Pending> ok) {
        List<Reading> rows = new ArrayList<>();
        List<MeterEvent> events = new ArrayList<>();
        for (Pending p : ok) {
            rows.addAll(p.result.readings());
            events.addAll(p.result.events());
        }
        WriteOutcome w = WriteOutcome.NONE;
        if (!rows.isEmpty()) {
            w = w.plus(readings.write(caller, rows));
        }
        if (!events.isEmpty()) {
            w = w.plus(readings.writeEvents(caller, events));
        }
        return w;
    }

    private void failStore(Pending p, RuntimeException e) {
        MeterJob job = p.result.job();
        LOG.warn("Meter {}: storing {} values failed: {}", job.serialNumber(), p.size(), e.toString());
        p.outcome = outcome(p.result, OutcomeStatus.FAILED, "STORE_FAILED", String.valueOf(e.getMessage()), 0);
    }

    /** Records the group's outcomes in one transaction; they stay answered even when recording fails. */
    private void record(long tenantId, List<Pending> group) {
        List<CollectionStore.Acknowledged> outcomes = group.stream()
                .map(p -> new CollectionStore.Acknowledged(p.outcome, p.result.job().moduleId())).toList();
        try {
            store.recordOutcomes(tenantId, outcomes);
        } catch (RuntimeException e) {
            LOG.warn("Run {}: the outcomes of {} meters could not be recorded: {}", group.get(0).result.job().runId(),
                    group.size(), e.toString());
        }
    }

    private static String note(WriteOutcome w, int meters) {
        if (w.alreadyPresent() == 0) {
            return "";
        }
        return meters == 1 ? " (" + w.alreadyPresent() + " already stored)"
                : " (" + w.alreadyPresent() + " of the values stored with " + (meters - 1)
                        + " other meters were already stored)";
    }

    private static MeterOutcome outcome(ReadResult r, OutcomeStatus status, String kind, String message, int stored) {
        MeterJob job = r.job();
        return new MeterOutcome(job.runId(), job.meterId(), job.serialNumber(), status, kind, message, r.attempts(),
                stored, Instant.now());
    }

    /** A result waiting to be written; its outcome is set (under the write lock) once it is. */
    private static final class Pending {
        final ReadResult result;
        MeterOutcome outcome;

        Pending(ReadResult result) {
            this.result = result;
        }

        int size() {
            return result.readings().size() + result.events().size();
        }
    }
}
