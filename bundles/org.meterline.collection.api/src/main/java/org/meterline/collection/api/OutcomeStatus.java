package org.meterline.collection.api;

/** How reading one meter in a run ended. */
public enum OutcomeStatus {
    SUCCEEDED, FAILED
}
