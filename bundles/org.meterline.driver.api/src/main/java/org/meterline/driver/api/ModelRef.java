package org.meterline.driver.api;

import java.util.Locale;

/** A meter model as the archive names it: manufacturer and model, compared ignoring case. */
public record ModelRef(String manufacturer, String model) {

    public ModelRef {
        manufacturer = manufacturer.trim();
        model = model.trim();
    }

    public boolean matches(String otherManufacturer, String otherModel) {
        return manufacturer.toLowerCase(Locale.ROOT).equals(otherManufacturer.trim().toLowerCase(Locale.ROOT))
                && model.toLowerCase(Locale.ROOT).equals(otherModel.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return manufacturer + " " + model;
    }
}
