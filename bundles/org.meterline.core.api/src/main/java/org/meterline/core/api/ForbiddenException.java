package org.meterline.core.api;

/** The caller is known but may not do this. */
public class ForbiddenException extends MeterlineException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }
}
