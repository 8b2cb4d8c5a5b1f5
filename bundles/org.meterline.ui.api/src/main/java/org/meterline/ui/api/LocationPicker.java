package org.meterline.ui.api;

import com.vaadin.annotations.JavaScript;
import com.vaadin.annotations.StyleSheet;
import com.vaadin.shared.Registration;
import com.vaadin.ui.AbstractJavaScriptComponent;
import com.vaadin.ui.TextField;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A map where a click sets a point: Leaflet (from its WebJar, unpacked into this bundle at build
 * time) in a Vaadin JavaScript component, tiles from {@link UiContext#tileUrl()}. The map is a
 * help, never a requirement: {@link #bind(TextField, TextField)} keeps it beside latitude and
 * longitude fields that can be typed, so a form works the same when no tiles load.
 */
@JavaScript({"leaflet/leaflet.js", "location-picker.js"})
@StyleSheet("leaflet/leaflet.css")
public class LocationPicker extends AbstractJavaScriptComponent {

    private static final long serialVersionUID = 1L;

    /** A point picked on the map. */
    @FunctionalInterface
    public interface PickListener extends Serializable {
        void picked(double latitude, double longitude);
    }

    private final List<PickListener> listeners = new ArrayList<>();

    public LocationPicker() {
        getState().tileUrl = UiContext.tileUrl();
        getState().tileAttribution = UiContext.tileAttribution();
        setWidth("100%");
        setHeight("240px");
        addStyleName("ml-location-picker");
        addFunction("picked", args -> picked(args.getNumber(0), args.getNumber(1)));
    }

    /**
     * A picker below {@code latitude} and {@code longitude}: typing two valid coordinates moves the
     * marker, a click on the map fills both fields (up to 6 decimals). An empty or invalid field
     * leaves the map as it is.
     */
    public static LocationPicker bind(TextField latitude, TextField longitude) {
        LocationPicker picker = new LocationPicker();
        picker.bindFields(latitude, longitude);
        return picker;
    }

    void bindFields(TextField latitude, TextField longitude) {
        Runnable typed = () -> {
            Double lat = parse(latitude.getValue(), 90);
            Double lon = parse(longitude.getValue(), 180);
            if (lat != null && lon != null) {
                setPoint(lat, lon);
            }
        };
        latitude.addValueChangeListener(e -> typed.run());
        longitude.addValueChangeListener(e -> typed.run());
        typed.run();
        addPickListener((lat, lon) -> {
            latitude.setValue(format(lat));
            longitude.setValue(format(lon));
        });
    }

    /** Places the marker and centres the map on it. */
    public void setPoint(double latitude, double longitude) {
        if (Double.valueOf(latitude).equals(getState(false).latitude)
                && Double.valueOf(longitude).equals(getState(false).longitude)) {
            return;
        }
        getState().latitude = latitude;
        getState().longitude = longitude;
    }

    /** Removes the marker. */
    public void clearPoint() {
        getState().latitude = null;
        getState().longitude = null;
    }

    /** The marker's latitude, null without one. */
    public Double getLatitude() {
        return getState(false).latitude;
    }

    /** The marker's longitude, null without one. */
    public Double getLongitude() {
        return getState(false).longitude;
    }

    public String getTileUrl() {
        return getState(false).tileUrl;
    }

    /** The zoom the map shows a point set from the server at. */
    public void setZoom(int zoom) {
        getState().zoom = zoom;
    }

    public Registration addPickListener(PickListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** A click on the map, from the browser (or a test). */
    void picked(double latitude, double longitude) {
        if (!Double.isFinite(latitude) || !Double.isFinite(longitude) || Math.abs(latitude) > 90
                || Math.abs(longitude) > 180) {
            return;
        }
        // as the fields will show it, so they and the marker agree
        double lat = Double.parseDouble(format(latitude));
        double lon = Double.parseDouble(format(longitude));
        setPoint(lat, lon);
        new ArrayList<>(listeners).forEach(l -> l.picked(lat, lon));
    }

    /** A coordinate with at most 6 decimals (about 10 cm), no exponent. */
    static String format(double value) {
        String text = BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
        return "-0".equals(text) ? "0" : text;
    }

    /** The typed number (a decimal comma accepted) within ±limit; null when empty or not one. */
    static Double parse(String text, double limit) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double value = new BigDecimal(text.trim().replace(',', '.')).doubleValue();
            return Math.abs(value) <= limit ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    protected LocationPickerState getState() {
        return (LocationPickerState) super.getState();
    }

    @Override
    protected LocationPickerState getState(boolean markAsDirty) {
        return (LocationPickerState) super.getState(markAsDirty);
    }
}
