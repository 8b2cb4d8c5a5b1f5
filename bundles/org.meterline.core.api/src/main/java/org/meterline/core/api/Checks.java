package org.meterline.core.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects field errors for one input and throws them together, so a form shows every problem
 * at once:
 *
 * <pre>
 * new Checks().code("code", in.code()).text("name", in.name(), 100).throwIfAny();
 * </pre>
 */
public final class Checks {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final List<FieldError> errors = new ArrayList<>();

    /** A required short identifier: letters, digits, dot, dash, underscore; at most 32 characters. */
    public Checks code(String field, String value) {
        if (blank(value)) {
            return fail(field, "is required");
        }
        if (value.trim().length() > 32) {
            return fail(field, "must be at most 32 characters");
        }
        if (!CODE.matcher(value.trim()).matches()) {
            return fail(field, "may contain only letters, digits, '.', '-' and '_'");
        }
        return this;
    }

    /** A required text of at most {@code max} characters. */
    public Checks text(String field, String value, int max) {
        if (blank(value)) {
            return fail(field, "is required");
        }
        return optionalText(field, value, max);
    }

    /** An optional text of at most {@code max} characters. */
    public Checks optionalText(String field, String value, int max) {
        if (value != null && value.trim().length() > max) {
            return fail(field, "must be at most " + max + " characters");
        }
        return this;
    }

    public Checks required(String field, Object value) {
        return value == null ? fail(field, "is required") : this;
    }

    /** A required number that is zero or more. */
    public Checks notNegative(String field, BigDecimal value) {
        if (value == null) {
            return fail(field, "is required");
        }
        return value.signum() < 0 ? fail(field, "must be zero or more") : this;
    }

    /** Latitude and longitude (fields "latitude", "longitude"): both or neither, each in its range. */
    public Checks location(Double latitude, Double longitude) {
        if (latitude == null && longitude != null) {
            fail("latitude", "is required with a longitude");
        }
        if (longitude == null && latitude != null) {
            fail("longitude", "is required with a latitude");
        }
        if (latitude != null && !(latitude >= -90 && latitude <= 90)) {
            fail("latitude", "must be between -90 and 90");
        }
        if (longitude != null && !(longitude >= -180 && longitude <= 180)) {
            fail("longitude", "must be between -180 and 180");
        }
        return this;
    }

    public Checks check(boolean ok, String field, String message) {
        return ok ? this : fail(field, message);
    }

    public Checks fail(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Trims a text; null stays null. */
    public static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
