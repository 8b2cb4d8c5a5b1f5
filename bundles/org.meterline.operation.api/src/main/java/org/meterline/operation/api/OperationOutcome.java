package org.meterline.operation.api;

import java.util.Locale;

/** How a tracked operation ended (or that it still runs). */
public enum OperationOutcome {
    /** Started, not finished yet. */
    RUNNING,
    /** Everything asked for was done. */
    SUCCESS,
    /** A read where some items were read and others failed. */
    PARTIAL,
    /** Nothing was done: the meter could not be reached, refused, or the operation timed out. */
    FAILED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
