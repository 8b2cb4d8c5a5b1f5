package org.meterline.grid.api;

/**
 * A node of the power grid hierarchy (any depth). {@code parentId} is the superior grid, null
 * for a root; {@code path} names the ancestors from the root, e.g. "North / Feeder 1 / TR-7".
 */
public record PowerGrid(long id, Long parentId, String name, String shortName, Double latitude, Double longitude,
        String path) {
}
