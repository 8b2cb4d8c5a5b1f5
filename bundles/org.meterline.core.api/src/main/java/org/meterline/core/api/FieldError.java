package org.meterline.core.api;

/** What is wrong with one input field: the field's name as the API spells it, and a message. */
public record FieldError(String field, String message) {
}
