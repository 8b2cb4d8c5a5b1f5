package org.meterline.grid.internal.ui;

import java.math.BigDecimal;
import org.meterline.core.api.Checks;

/**
 * Latitude and longitude typed as text (or picked on the map: {@code LocationPicker} fills the same
 * fields). Text that is not a number is named as such, on its field, like the REST API names a
 * wrong value.
 */
final class Coordinates {

    /** A typed latitude and longitude; either may be null (empty). */
    record LatLon(Double latitude, Double longitude) {
    }

    private Coordinates() {
    }

    /** Both fields at once, so a form shows both mistakes together. */
    static LatLon parse(String latitude, String longitude) {
        Checks checks = new Checks();
        Double lat = number(checks, "latitude", latitude);
        Double lon = number(checks, "longitude", longitude);
        checks.throwIfAny();
        return new LatLon(lat, lon);
    }

    /**
     * The text as a number, null when empty; {@code ValidationException(field, "must be a
     * number")} otherwise. A decimal comma is accepted.
     */
    static Double number(String field, String text) {
        Checks checks = new Checks();
        Double value = number(checks, field, text);
        checks.throwIfAny();
        return value;
    }

    private static Double number(Checks checks, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            // BigDecimal, not Double.parseDouble: no "NaN", "Infinity" or hexadecimal
            return new BigDecimal(text.trim().replace(',', '.')).doubleValue();
        } catch (NumberFormatException e) {
            checks.fail(field, "must be a number");
            return null;
        }
    }

    /** A coordinate for a text field: empty for none, no exponent. */
    static String text(Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** "52.52, 13.405" for a grid column, empty without a location. */
    static String location(Double latitude, Double longitude) {
        return latitude == null || longitude == null ? "" : text(latitude) + ", " + text(longitude);
    }
}
