package org.meterline.readings.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One bucket of an aggregate: the period [{@code start}, {@code end}), the local date-time it
 * starts at in the requested zone (twice the same on a fall-back day: tell them apart by
 * {@code start}), the consumption in it and how many meters it covers.
 *
 * @param localStart where the bucket starts on the local clock
 * @param start the bucket's first instant
 * @param end the first instant after the bucket (the start of the next)
 * @param value the sum, over the meters of the scope, of reading at {@code end} minus reading at
 *     {@code start}; zero when {@code meters} is 0
 * @param meters how many meters had a usable reading at both ends (the count of deltas summed);
 *     a meter missing either end is not in {@code value}
 */
public record Bucket(LocalDateTime localStart, Instant start, Instant end, BigDecimal value, int meters) {
}
