package org.meterline.collection.api;

import java.time.Instant;

/**
 * How one meter fared in one run.
 *
 * @param errorKind for a failure: the driver's error kind (e.g. TIMEOUT, CONNECTION_FAILED,
 *     PROTOCOL_ERROR, NOT_CONFIGURED) or STORE_FAILED / INTERNAL; empty on success
 * @param message what happened, for people (a clock deviation, the error's message)
 * @param attempts how many times the meter was tried (1 = no retry)
 * @param valuesStored readings and events handed to the readings store (new or already present)
 */
public record MeterOutcome(long runId, long meterId, String meterSerial, OutcomeStatus status, String errorKind,
        String message, int attempts, int valuesStored, Instant finished) {
}
