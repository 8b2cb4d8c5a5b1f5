package org.meterline.readings.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Readings in time order, and where the next page starts: pass {@code next} as {@code from} of
 * the next call; empty when the period has no more readings.
 */
public record ReadingPage(List<Reading> readings, Optional<Instant> next) {

    public ReadingPage {
        readings = List.copyOf(readings);
    }
}
