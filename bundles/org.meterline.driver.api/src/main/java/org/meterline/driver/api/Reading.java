package org.meterline.driver.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.meterline.core.api.ObisCode;

/**
 * One value read from a meter, with the register's scaler already applied and its unit (as the
 * DLMS unit name, e.g. "Wh", "V"; empty when the object has none).
 */
public record Reading(ObisCode item, BigDecimal value, String unit, Instant readAt, Quality quality) {

    public Reading {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(value, "value");
        unit = unit == null ? "" : unit;
        Objects.requireNonNull(readAt, "readAt");
        Objects.requireNonNull(quality, "quality");
    }
}
