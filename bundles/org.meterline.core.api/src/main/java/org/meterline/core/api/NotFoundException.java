package org.meterline.core.api;

/** The object does not exist, or not for the caller's customer (the two look the same). */
public class NotFoundException extends MeterlineException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException of(String what, Object id) {
        return new NotFoundException(what + " " + id + " does not exist.");
    }
}
