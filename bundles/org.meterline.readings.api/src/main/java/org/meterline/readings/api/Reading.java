package org.meterline.readings.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.meterline.core.api.ObisCode;

/**
 * One value of one reading item (register or load-profile channel, named by its OBIS code) of a
 * meter at an instant. A reading is unique on (meter, item, instant): writing it again changes
 * nothing.
 *
 * @param meterId the archive's meter id
 * @param item what was measured, e.g. {@code 1-0:1.8.0.255} (active energy import, cumulative)
 * @param at when the value was valid (for a load-profile value: the end of its interval);
 *     stored with millisecond precision, finer parts are cut off here
 * @param value the value in the item's unit, at most 25 integer digits and 6 decimals
 * @param quality how far the value can be trusted
 */
public record Reading(long meterId, ObisCode item, Instant at, BigDecimal value, Quality quality) {

    public Reading {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(quality, "quality");
        if (at.getNano() % 1_000_000 != 0) {
            at = at.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    /** A reading of quality {@link Quality#GOOD}. */
    public static Reading good(long meterId, ObisCode item, Instant at, BigDecimal value) {
        return new Reading(meterId, item, at, value, Quality.GOOD);
    }
}
