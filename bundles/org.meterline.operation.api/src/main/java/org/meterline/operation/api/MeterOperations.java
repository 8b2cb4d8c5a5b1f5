package org.meterline.operation.api;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.meterline.core.api.Caller;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;

/**
 * Meter operation (manual §8.1, §8.2): on-demand reads and relay commands on one meter, run on the
 * operation capability's own bounded executor (apart from bulk collection) with a timeout each, and
 * recorded in the operation log.
 *
 * <p>Permissions (area {@value #AREA}): reading and the relay status need read, connecting and
 * disconnecting the relay and saving reading item settings need write. A meter or model of another
 * customer is not found. Problems of the meter or the network are outcomes, not exceptions; a bad
 * request (unknown item, no permission, unknown meter) throws before anything runs.
 */
public interface MeterOperations {

    /** The permission area, shared with the driver's meter access. */
    String AREA = "operation";

    /** The relay's connection status (disconnect control, 0-0:96.3.10.255) as a reading item. */
    ObisCode CONNECTION_STATUS = new ObisCode(0, 0, 96, 3, 10, 255);

    /** Reads the items now and waits for the outcome (at most the configured timeout). */
    ReadOutcome readNow(Caller caller, long meterId, List<ObisCode> items);

    /**
     * Starts reading the items and returns at once; the stage completes on the operation executor
     * with the outcome (never exceptionally for a meter problem). An empty list reads the saved (or
     * default) items of the meter's model.
     */
    CompletionStage<ReadOutcome> readAsync(Caller caller, long meterId, List<ObisCode> items);

    /** Runs a relay action and waits for the outcome with the state read back. */
    RelayOutcome relay(Caller caller, long meterId, RelayAction action);

    /** Starts a relay action and returns at once. */
    CompletionStage<RelayOutcome> relayAsync(Caller caller, long meterId, RelayAction action);

    /** What can be read from the meter: its driver's catalogue, then the connection status. */
    List<ReadingItem> readingItems(Caller caller, long meterId);

    /** The items offered by default for the meter: its model's saved settings, or the defaults. */
    List<ReadingItem> defaultItems(Caller caller, long meterId);

    /** The reading item settings of a meter model. */
    ReadingItemSettings itemSettings(Caller caller, long modelId);

    /**
     * Saves the items offered by default for a meter model; every item must be one the model's
     * driver can read (or the connection status). An empty list goes back to the defaults.
     */
    ReadingItemSettings saveItemSettings(Caller caller, long modelId, List<ObisCode> items);

    /** The operation log, newest first; {@code meterId} null for every meter. */
    Page<OperationRecord> operations(Caller caller, Long meterId, PageRequest page);
}
