package org.meterline.core.api;

import java.util.List;

/** A page of results and the number of rows that match the filter in all. */
public record Page<T>(List<T> items, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
