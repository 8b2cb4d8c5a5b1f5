package org.meterline.core.api;

import java.util.List;
import java.util.stream.Collectors;

/** Input was rejected; {@link #errors()} names each field and what is wrong with it. */
public class ValidationException extends MeterlineException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
