package org.meterline.collection.api;

/** Where a run of a collection task is. */
public enum RunState {
    /** Meters are being read. */
    RUNNING,
    /** Every meter has an outcome (succeeded or failed). */
    FINISHED,
    /** The run could not start or stopped early (e.g. its meters could not be selected, or the platform stopped). */
    ABORTED
}
