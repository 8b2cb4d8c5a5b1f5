package org.meterline.driver.api;

import java.util.Objects;
import org.meterline.core.api.ObisCode;

/**
 * An item a driver can read for a meter model: its OBIS code, a name for people, and its unit
 * when known (e.g. "Wh"; empty otherwise). Pickers such as "Meter Reading Item Settings" offer these.
 */
public record CatalogueItem(ObisCode item, String name, String unit) {
    public CatalogueItem {
        Objects.requireNonNull(item, "item");
        name = name == null ? item.toString() : name;
        unit = unit == null ? "" : unit;
    }
}
