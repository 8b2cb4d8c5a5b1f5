package org.meterline.core.api;

import java.util.List;

/**
 * A page of results and how many rows match the filter in all. On very large lists a service may
 * stop counting at a cap: then {@code totalExact} is false and {@code total} is the cap plus one,
 * meaning "more than the cap"; narrow the filter to get an exact count.
 */
public record Page<T>(List<T> items, long total, boolean totalExact) {

    public Page {
        items = List.copyOf(items);
    }

    /** A page whose total is exact. */
    public Page(List<T> items, long total) {
        this(items, total, true);
    }
}
