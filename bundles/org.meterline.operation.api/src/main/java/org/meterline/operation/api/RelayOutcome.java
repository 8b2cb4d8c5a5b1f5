package org.meterline.operation.api;

/**
 * The result of a relay operation: the state read back from the meter afterwards, or the error.
 *
 * @param operationId the operation log entry of this operation
 * @param state connected, disconnected or ready_for_reconnection; null when it failed
 * @param errorKind null unless it failed (e.g. "connection_failed", "timeout", "unsupported")
 */
public record RelayOutcome(long operationId, long meterId, String serialNumber, RelayAction action,
        OperationOutcome outcome, String state, long durationMillis, String errorKind, String error) {
}
