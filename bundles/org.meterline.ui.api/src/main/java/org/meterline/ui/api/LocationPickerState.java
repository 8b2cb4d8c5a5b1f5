package org.meterline.ui.api;

import com.vaadin.shared.ui.JavaScriptComponentState;

/** What the browser side of {@link LocationPicker} shows: the point (or none), the tiles and the zoom. */
public class LocationPickerState extends JavaScriptComponentState {

    private static final long serialVersionUID = 1L;

    /** The marker's latitude; null: no marker. */
    public Double latitude;
    /** The marker's longitude; null: no marker. */
    public Double longitude;
    /** The tile URL template ({z}/{x}/{y}), as Leaflet takes it. */
    public String tileUrl;
    /** The tiles' attribution (plain text). */
    public String tileAttribution;
    /** The zoom used when the map centres on a point set from the server. */
    public int zoom = 13;
}
