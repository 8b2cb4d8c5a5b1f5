package org.meterline.operation.api;

import java.util.Objects;
import org.meterline.core.api.ObisCode;

/**
 * An item that can be read from a meter on demand: its OBIS code, a name for people and its unit
 * (empty when it has none). The relay's connection status is an item too
 * ({@link MeterOperations#CONNECTION_STATUS}).
 */
public record ReadingItem(ObisCode item, String name, String unit) {
    public ReadingItem {
        Objects.requireNonNull(item, "item");
        name = name == null ? item.toString() : name;
        unit = unit == null ? "" : unit;
    }
}
