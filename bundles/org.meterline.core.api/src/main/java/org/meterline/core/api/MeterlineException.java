package org.meterline.core.api;

/** Base of the errors Meterline services report to their callers; the message is for users. */
public class MeterlineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MeterlineException(String message) {
        super(message);
    }

    public MeterlineException(String message, Throwable cause) {
        super(message, cause);
    }
}
