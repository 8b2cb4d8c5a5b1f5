package org.meterline.operation.api;

import java.time.Instant;

/**
 * One entry of the operation log: who did what to which meter, when, how it ended and how long it
 * took.
 *
 * @param items the OBIS codes read, comma separated; empty for relay operations
 * @param durationMillis null while the operation runs
 * @param errorKind the driver's error kind in lower case, null when it succeeded
 */
public record OperationRecord(long id, long meterId, String serialNumber, String username, Instant startedAt,
        OperationType operation, String items, OperationOutcome outcome, Long durationMillis, String errorKind,
        String error) {
}
