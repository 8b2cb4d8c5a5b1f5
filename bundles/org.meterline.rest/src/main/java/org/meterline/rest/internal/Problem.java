package org.meterline.rest.internal;

import java.util.List;
import org.meterline.core.api.FieldError;

/** An RFC 7807 problem document, with the field errors of a rejected input. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
