package org.meterline.driver.api;

import java.util.Objects;

/** Why a driver operation failed, and whether trying again later can help. */
public record DriverError(Kind kind, String message) {

    /** The kinds of failure a caller reacts to differently. */
    public enum Kind {
        /** The meter or its module could not be reached, or the link broke. Retry later. */
        CONNECTION_FAILED(true),
        /** No answer within the timeout. Retry later. */
        TIMEOUT(true),
        /** The meter is busy or temporarily refuses. Retry later. */
        TEMPORARY_FAILURE(true),
        /** Keys or password rejected. Retrying with the same credentials will not help. */
        AUTHENTICATION_FAILED(false),
        /** The association may not read or write this object. */
        ACCESS_DENIED(false),
        /** The meter does not have this object (or attribute). */
        OBJECT_UNDEFINED(false),
        /** The meter answered something the driver cannot interpret. */
        PROTOCOL_ERROR(false),
        /** The driver or the meter model does not offer this operation. */
        UNSUPPORTED(false),
        /** The caller cancelled the operation. */
        CANCELLED(false),
        /**
         * The platform lacks what it needs to reach the meter: no acquisition module or address,
         * no driver for its model. Fix the archive or install a driver.
         */
        NOT_CONFIGURED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    public DriverError {
        Objects.requireNonNull(kind, "kind");
        message = message == null ? kind.name() : message;
    }

    public boolean retryable() {
        return kind.retryable();
    }
}
