package org.meterline.operation.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.meterline.core.api.ObisCode;

/**
 * The outcome of one item of an on-demand read: a value (with unit, time and quality), or why this
 * item failed ({@code errorKind}, {@code error}).
 *
 * @param item the item asked for
 * @param name its name for people
 * @param value the number read, scaler applied; null when the item failed or is not a number
 * @param text the value as people read it (e.g. "12345.6" or "connected"); empty when the item failed
 * @param unit the unit, e.g. "Wh"; empty when there is none
 * @param readAt when the meter was read; null when the item failed
 * @param quality good, questionable or bad; null when the item failed
 * @param errorKind the driver's error kind in lower case (e.g. "object_undefined"); null when read
 * @param error what went wrong, for people; null when read
 */
public record ItemValue(ObisCode item, String name, BigDecimal value, String text, String unit, Instant readAt,
        String quality, String errorKind, String error) {

    public ItemValue {
        Objects.requireNonNull(item, "item");
        name = name == null ? item.toString() : name;
        text = text == null ? "" : text;
        unit = unit == null ? "" : unit;
    }

    /** True when the item was read. */
    public boolean ok() {
        return errorKind == null;
    }
}
