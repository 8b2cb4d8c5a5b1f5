package org.meterline.grid.api;

import org.meterline.core.api.Caller;

/**
 * Implemented by a capability whose objects point at sites, projects or power grids (POCs,
 * topology). Before a grid object is deleted every registered implementation is asked; one in
 * use is refused with a message naming the referrers.
 */
public interface GridReferences {

    /** What references grid objects, in plural, for messages: "POCs". */
    String referrers();

    /** How many of the caller's customer's objects point at the grid object. */
    long countReferences(Caller caller, GridObject kind, long id);
}
