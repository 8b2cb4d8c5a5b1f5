package org.meterline.driver.api;

/** How far a value can be trusted. */
public enum Quality {
    /** As the meter measured it. */
    GOOD,
    /** Read, but flagged by the meter (clock not synchronised, power down during the period, ...). */
    QUESTIONABLE,
    /** Not a valid measurement (overflow, missing interval). */
    BAD
}
