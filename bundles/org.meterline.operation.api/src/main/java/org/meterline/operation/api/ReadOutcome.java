package org.meterline.operation.api;

import java.util.List;

/**
 * The result of an on-demand read: one {@link ItemValue} per item asked (in the order asked), or,
 * when the meter could not be read at all, an error for the whole read.
 *
 * @param operationId the operation log entry of this read
 * @param errorKind null unless the whole read failed (e.g. "connection_failed", "timeout")
 */
public record ReadOutcome(long operationId, long meterId, String serialNumber, OperationOutcome outcome,
        List<ItemValue> values, long durationMillis, String errorKind, String error) {

    public ReadOutcome {
        values = List.copyOf(values);
    }
}
