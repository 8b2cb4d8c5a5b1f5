package org.meterline.readings.api;

/** How far a reading can be trusted, as the meter or the collection judged it. */
public enum Quality {
    /** Read as expected. */
    GOOD,
    /** Read, but something was off (clock deviation, a status bit, an estimate). */
    QUESTIONABLE,
    /** Known to be wrong; kept for the record and left out of aggregates. */
    BAD
}
