package org.meterline.archive.internal;

import org.meterline.core.api.Checks;

/** Latitude and longitude: both or neither, in range. */
final class Locations {

    private Locations() {
    }

    static void check(Checks checks, Double latitude, Double longitude) {
        if ((latitude == null) != (longitude == null)) {
            checks.fail(latitude == null ? "latitude" : "longitude", "is required when the other coordinate is given");
        }
        if (latitude != null && (latitude < -90 || latitude > 90)) {
            checks.fail("latitude", "must be between -90 and 90");
        }
        if (longitude != null && (longitude < -180 || longitude > 180)) {
            checks.fail("longitude", "must be between -180 and 180");
        }
    }
}
