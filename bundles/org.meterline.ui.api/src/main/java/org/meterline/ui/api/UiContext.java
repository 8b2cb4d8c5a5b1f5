package org.meterline.ui.api;

import com.vaadin.server.VaadinSession;
import org.meterline.core.api.Caller;
import org.meterline.core.api.ForbiddenException;

/** The caller of the current UI session: the logged-in account, acting for the chosen customer. */
public final class UiContext {

    private static final String CALLER = "meterline.caller";
    private static final String TILE_URL = "meterline.tileUrl";
    private static final String TILE_ATTRIBUTION = "meterline.tileAttribution";
    /** The map tiles when none are configured: OpenStreetMap. */
    public static final String DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    public static final String DEFAULT_TILE_ATTRIBUTION = "\u00a9 OpenStreetMap contributors";

    private UiContext() {
    }

    public static Caller caller() {
        VaadinSession session = VaadinSession.getCurrent();
        Object caller = session == null ? null : session.getAttribute(CALLER);
        if (caller instanceof Caller c) {
            return c;
        }
        throw new ForbiddenException("Your session has ended; log in again.");
    }

    public static boolean loggedIn() {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null && session.getAttribute(CALLER) instanceof Caller;
    }

    /** Sets (or with null clears) the session's caller; for the UI shell. */
    public static void setCaller(Caller caller) {
        VaadinSession.getCurrent().setAttribute(CALLER, caller);
    }

    /** The map tile URL template ({z}/{x}/{y}) for this session, configured in {@code org.meterline.ui}. */
    public static String tileUrl() {
        return attribute(TILE_URL, DEFAULT_TILE_URL);
    }

    /** The attribution the map tiles require. */
    public static String tileAttribution() {
        return attribute(TILE_ATTRIBUTION, DEFAULT_TILE_ATTRIBUTION);
    }

    /** Sets the session's map tiles; for the UI shell. */
    public static void setMapTiles(String url, String attribution) {
        VaadinSession.getCurrent().setAttribute(TILE_URL, url);
        VaadinSession.getCurrent().setAttribute(TILE_ATTRIBUTION, attribution);
    }

    private static String attribute(String name, String fallback) {
        VaadinSession session = VaadinSession.getCurrent();
        Object value = session == null ? null : session.getAttribute(name);
        return value instanceof String s && !s.isBlank() ? s : fallback;
    }
}
