package org.meterline.operation.api;

import java.util.List;

/**
 * "Meter Reading Item Settings": the items offered (checked) by default when reading a meter of a
 * model, for one customer.
 *
 * @param modelId the meter model
 * @param modelName manufacturer and model
 * @param items the items, in the order saved
 * @param saved false when nothing is saved and {@code items} are the defaults (the model's first
 *     energy register and the connection status)
 * @param available everything the model's driver can read, plus the connection status
 */
public record ReadingItemSettings(long modelId, String modelName, List<ReadingItem> items, boolean saved,
        List<ReadingItem> available) {

    public ReadingItemSettings {
        items = List.copyOf(items);
        available = List.copyOf(available);
    }
}
