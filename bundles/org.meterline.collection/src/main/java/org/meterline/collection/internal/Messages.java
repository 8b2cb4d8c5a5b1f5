package org.meterline.collection.internal;

import java.time.Instant;
import java.util.List;
import org.meterline.collection.api.CollectionTask;
import org.meterline.collection.api.TaskTemplate;
import org.meterline.readings.api.MeterEvent;
import org.meterline.readings.api.Reading;

/**
 * The bodies that travel through the collection routes. Plain records of ids and values: the
 * customer travels as its id, never as a logged-in caller, so a broker between reading and
 * storing only needs a data format for {@link ReadResult}.
 */
final class Messages {

    private Messages() {
    }

    /** A run to execute: body of {@code collection-run}. */
    record RunStart(long tenantId, long runId, CollectionTask task, Instant periodStart, Instant periodEnd) {
    }

    /** One meter to read in a run: body of {@code collection-read}. */
    record MeterJob(long tenantId, long runId, TaskTemplate template, Instant periodStart, Instant periodEnd,
            long meterId, String serialNumber, Long moduleId) {
    }

    /**
     * What reading one meter gave: values to store, or why it failed. Body of the store endpoint
     * ({@code collection-store}).
     */
    record ReadResult(MeterJob job, boolean ok, String errorKind, String message, int attempts,
            List<Reading> readings, List<MeterEvent> events) {

        ReadResult {
            readings = readings == null ? List.of() : List.copyOf(readings);
            events = events == null ? List.of() : List.copyOf(events);
        }

        static ReadResult ok(MeterJob job, int attempts, String note, List<Reading> readings, List<MeterEvent> events) {
            return new ReadResult(job, true, "", note, attempts, readings, events);
        }

        static ReadResult failed(MeterJob job, int attempts, String kind, String message) {
            return new ReadResult(job, false, kind, message, attempts, List.of(), List.of());
        }
    }
}
