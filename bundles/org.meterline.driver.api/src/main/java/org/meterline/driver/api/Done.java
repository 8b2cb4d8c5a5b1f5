package org.meterline.driver.api;

/** The value of an operation that succeeded without returning anything. */
public enum Done {
    DONE
}
