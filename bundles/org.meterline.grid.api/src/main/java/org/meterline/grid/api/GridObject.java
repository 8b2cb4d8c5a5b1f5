package org.meterline.grid.api;

/** The kinds of grid object others can point at. */
public enum GridObject {
    SITE, PROJECT, POWER_GRID
}
