package org.meterline.collection.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
 * waiting at that moment (up to {@code maxRows} values, one result a meter), writes their readings in one
 * store call (which still answers per meter what was stored already), their events meter by meter and their
 * outcomes in one transaction, and wakes the others. It lingers up to
 * {@code lingerMillis} first, so that under load tens of meters share each commit; a lone meter waits no
 * longer than that.
 *
 * <p>A meter's outcome is recorded only after its values are committed, so an outcome is an
 * acknowledgement. When a shared write fails (a bad row, the database), each meter of the group is
 * written again on its own (writes are idempotent), so one meter's problem fails only that meter.
 */
final class StoreBatcher {

    private static final Logger LOG = LoggerFactory.getLogger(StoreBatcher.class);

    private final ReadingStore readings;
    private final CollectionStore store;
    /** How long a waiting thread sleeps at most before it looks again (it is normally woken sooner). */
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** A lingering batch is written when no result came for this long. */
    static final long QUIET_MICROS = 2000;
    private static final long PARK_STEP_NANOS = TimeUnit.MICROSECONDS.toNanos(250);

    private final int maxRows;
    private final long lingerNanos;
    private final long quietNanos;
    private final ReentrantLock writing = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private long batches;
    private long results;

    StoreBatcher(ReadingStore readings, CollectionStore store, int maxRows, long lingerMillis) {
        this(readings, store, maxRows, lingerMillis, QUIET_MICROS);
    }

    StoreBatcher(ReadingStore readings, CollectionStore store, int maxRows, long lingerMillis, long quietMicros) {
        this.readings = readings;
        this.store = store;
        this.maxRows = Math.max(1, maxRows);
        this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, lingerMillis));
        this.quietNanos = TimeUnit.MICROSECONDS.toNanos(Math.max(0, quietMicros));
    }

    /** Stores one meter's result (with whatever else waits) and answers its recorded outcome. */
    MeterOutcome store(ReadResult result) {
        Pending mine = new Pending(result, Thread.currentThread());
        waiting.add(mine);
        boolean interrupted = false;
        // A thread whose result another one wrote is woken and returns without touching the lock: the writer
        // must not wait for the threads it served to pass the lock one by one before they bring new results.
        // When a writer is done it wakes the oldest waiting thread, which writes next.
        while (!mine.isWritten()) {
            if (writing.tryLock()) {
                try {
                    while (!mine.isWritten()) {
                        writeWaiting();
                    }
                } finally {
                    writing.unlock();
                }
                Pending next = waiting.peek();
                if (next != null) {
                    LockSupport.unpark(next.thread);
                }
            } else {
                LockSupport.parkNanos(this, PARK_NANOS);
                if (Thread.interrupted()) {
                    interrupted = true;
                    if (waiting.remove(mine)) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted before meter " + result.job().serialNumber()
                                + " was stored");
                    }
                    // being written already: wait for it, and keep the interrupt for the caller
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return mine.outcome;
    }

    /** Results written so far per batch, on average (tests and the log show the grouping works). */
    synchronized double meanBatch() {
        return batches == 0 ? 0 : (double) results / batches;
    }

    private void writeWaiting() {
        linger();
        List<Pending> batch = new ArrayList<>();
        int rows = 0;
        java.util.Set<Long> meters = new java.util.HashSet<>();
        for (Pending p = waiting.peek(); p != null && (batch.isEmpty() || rows + p.size() <= maxRows)
                && meters.add(p.result.job().meterId()); p = waiting.peek()) {
            // a second result of a meter (two tasks at once) waits for the next batch: outcomes are per meter
            waiting.poll();
            batch.add(p);
            rows += p.size();
        }
        Map<Long, List<Pending>> byTenant = new LinkedHashMap<>();
        for (Pending p : batch) {
            byTenant.computeIfAbsent(p.result.job().tenantId(), t -> new ArrayList<>()).add(p);
        }
        try {
            for (Map.Entry<Long, List<Pending>> e : byTenant.entrySet()) {
                writeTenant(e.getKey(), e.getValue());
            }
        } finally {
            // whatever went wrong, no thread waits for a result that is no longer queued
            for (Pending p : batch) {
                if (!p.isWritten()) {
                    if (p.outcome == null) {
                        p.outcome = outcome(p.result, OutcomeStatus.FAILED, "INTERNAL", "storing failed", 0);
                    }
                    p.markWritten();
                }
            }
        }
        synchronized (this) {
            batches++;
            results += batch.size();
        }
    }

    /**
     * Gives the other store threads up to {@code lingerMillis} to hand in their results before a batch is
     * written: a commit costs far more than a few milliseconds. The lingering ends early when a batch's
     * worth ({@code maxRows}) is waiting, or when no result came for a quiet spell (2 ms; every store
     * thread that had one is queued already; waiting longer would only hold them back).
     */
    private void linger() {
        long now = System.nanoTime();
        long deadline = now + lingerNanos;
        long lastArrival = now;
        int seen = -1;
        while (now < deadline) {
            int rows = 0;
            int results = 0;
            for (Pending p : waiting) {
                rows += p.size();
                results++;
            }
            if (rows >= maxRows) {
                return;
            }
            if (results != seen) {
                seen = results;
                lastArrival = now;
            } else if (now - lastArrival >= quietNanos) {
                return;
            }
            LockSupport.parkNanos(Math.min(PARK_STEP_NANOS, deadline - now));
            now = System.nanoTime();
        }
    }

    private void writeTenant(long tenantId, List<Pending> group) {
        Caller caller = CollectionRoutes.system(tenantId);
        List<Pending> ok = group.stream().filter(p -> p.result.ok()).toList();
        Map<Long, WriteOutcome> shared = null;
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
                WriteOutcome own = shared.getOrDefault(r.job().meterId(), WriteOutcome.NONE);
                p.outcome = outcome(r, OutcomeStatus.SUCCEEDED, "", r.message() + note(own), own.total());
            } else {
                try {
                    WriteOutcome own = write(caller, List.of(p)).getOrDefault(r.job().meterId(), WriteOutcome.NONE);
                    p.outcome = outcome(r, OutcomeStatus.SUCCEEDED, "", r.message() + note(own), own.total());
                } catch (RuntimeException e) {
                    failStore(p, e);
                }
            }
        }
        record(tenantId, group);
        group.forEach(Pending::markWritten);
    }

    /**
     * Writes the readings of the results in one store call and each meter's events; answers what was new and
     * what was stored already, per meter (the batch holds one result a meter).
     */
    private Map<Long, WriteOutcome> write(Caller caller, List<Pending> ok) {
        List<Reading> rows = new ArrayList<>();
        for (Pending p : ok) {
            rows.addAll(p.result.readings());
        }
        Map<Long, WriteOutcome> out = new java.util.HashMap<>();
        if (!rows.isEmpty()) {
            out.putAll(readings.writeByMeter(caller, rows));
        }
        for (Pending p : ok) {
            List<MeterEvent> events = p.result.events();
            if (!events.isEmpty()) {
                out.merge(p.result.job().meterId(), readings.writeEvents(caller, events), WriteOutcome::plus);
            }
        }
        return out;
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

    private static String note(WriteOutcome w) {
        return w.alreadyPresent() == 0 ? "" : " (" + w.alreadyPresent() + " already stored)";
    }

    private static MeterOutcome outcome(ReadResult r, OutcomeStatus status, String kind, String message, int stored) {
        MeterJob job = r.job();
        return new MeterOutcome(job.runId(), job.meterId(), job.serialNumber(), status, kind, message, r.attempts(),
                stored, Instant.now());
    }

    /** A result waiting to be written; its outcome is set (under the write lock) before it counts as written. */
    private static final class Pending {
        final ReadResult result;
        final Thread thread;
        MeterOutcome outcome;
        private volatile boolean written;

        Pending(ReadResult result, Thread thread) {
            this.result = result;
            this.thread = thread;
        }

        int size() {
            return result.readings().size() + result.events().size();
        }

        boolean isWritten() {
            return written;
        }

        /** Publishes the outcome (the volatile write) and wakes the thread that handed the result in. */
        void markWritten() {
            written = true;
            LockSupport.unpark(thread);
        }
    }
}
