package org.meterline.grid.api;

/** The fields of a power grid to create or change; a null parent makes a root. */
public record PowerGridInput(Long parentId, String name, String shortName, Double latitude, Double longitude) {
}
