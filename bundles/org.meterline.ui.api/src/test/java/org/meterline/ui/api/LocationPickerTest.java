package org.meterline.ui.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.vaadin.server.VaadinSession;
import com.vaadin.ui.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The picker's binding to the latitude/longitude fields, without a browser. */
class LocationPickerTest {

    private final TextField latitude = new TextField("Latitude");
    private final TextField longitude = new TextField("Longitude");

    @AfterEach
    void noSession() {
        VaadinSession.setCurrent(null);
    }

    @Test
    void typedCoordinatesMoveTheMarker() {
        LocationPicker picker = LocationPicker.bind(latitude, longitude);
        assertNull(picker.getLatitude());
        latitude.setValue("52.52");
        assertNull(picker.getLatitude(), "one field alone is no point");
        longitude.setValue("13,405");
        assertEquals(52.52, picker.getLatitude());
        assertEquals(13.405, picker.getLongitude());
    }

    @Test
    void anEmptyOrInvalidFieldLeavesTheMapAsItIs() {
        latitude.setValue("48.1");
        longitude.setValue("11.6");
        LocationPicker picker = LocationPicker.bind(latitude, longitude);
        assertEquals(48.1, picker.getLatitude(), "the fields' values at binding time");
        for (String text : new String[] {"", "abc", "91", "NaN", "Infinity", "0x10"}) {
            latitude.setValue(text);
            assertEquals(48.1, picker.getLatitude(), text);
            assertEquals(11.6, picker.getLongitude(), text);
        }
        latitude.setValue("48.1");
        longitude.setValue("-181");
        assertEquals(11.6, picker.getLongitude());
        longitude.setValue("-180");
        assertEquals(-180.0, picker.getLongitude());
    }

    @Test
    void aClickFillsTheFieldsWithUpToSixDecimals() {
        LocationPicker picker = LocationPicker.bind(latitude, longitude);
        picker.picked(52.520008123456, 13.40495);
        assertEquals("52.520008", latitude.getValue());
        assertEquals("13.40495", longitude.getValue());
        assertEquals(52.520008, picker.getLatitude(), "the marker where the fields say");
        assertEquals(13.40495, picker.getLongitude());
        picker.picked(-0.0000001, 0);
        assertEquals("0", latitude.getValue());
        assertEquals("0", longitude.getValue());
    }

    @Test
    void aClickOutsideTheWorldChangesNothing() {
        LocationPicker picker = LocationPicker.bind(latitude, longitude);
        picker.picked(95, 10);
        picker.picked(Double.NaN, 10);
        assertEquals("", latitude.getValue());
        assertNull(picker.getLatitude());
    }

    @Test
    void tilesComeFromTheSessionElseOpenStreetMap() {
        assertEquals("https://tile.openstreetmap.org/{z}/{x}/{y}.png", new LocationPicker().getTileUrl());
        VaadinSession session = new VaadinSession(null) {
            @Override
            public boolean hasLock() {
                return true;
            }
        };
        VaadinSession.setCurrent(session);
        UiContext.setMapTiles("http://tiles.local/{z}/{x}/{y}.png", "local");
        assertEquals("http://tiles.local/{z}/{x}/{y}.png", new LocationPicker().getTileUrl());
        assertEquals("local", UiContext.tileAttribution());
    }

    @Test
    void formatHasNoExponent() {
        assertEquals("0.000001", LocationPicker.format(0.000001));
        assertEquals("-33.8688", LocationPicker.format(-33.8688));
        assertEquals("180", LocationPicker.format(180.0));
    }
}
