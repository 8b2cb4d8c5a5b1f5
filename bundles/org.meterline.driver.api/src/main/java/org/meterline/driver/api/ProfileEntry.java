package org.meterline.driver.api;

import java.time.Instant;
import java.util.List;

/** One row of a load profile: the end of the interval and a value per channel, in channel order. */
public record ProfileEntry(Instant at, List<Reading> values) {

    public ProfileEntry {
        values = List.copyOf(values);
    }
}
