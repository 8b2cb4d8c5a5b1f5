package org.meterline.core.api;

import java.util.List;

/**
 * The request clashes with what is stored: a duplicate code, or an object still in use.
 * {@link #field()} names the input field at fault, when there is one.
 */
public class ConflictException extends MeterlineException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public List<FieldError> errors() {
        return field == null ? List.of() : List.of(new FieldError(field, getMessage()));
    }
}
