package org.meterline.operation.api;

import java.util.Locale;
import java.util.Optional;

/** What to do with a meter's main relay. */
public enum RelayAction {
    /** Read the relay state only. */
    STATUS,
    /** Connect the load (manual: "Main relay connect"). */
    CONNECT,
    /** Disconnect the load (manual: "Main relay disconnect"). */
    DISCONNECT;

    /** The external name: status, connect, disconnect. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses status, connect or disconnect, ignoring case; empty for anything else. */
    public static Optional<RelayAction> fromId(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (RelayAction a : values()) {
            if (a.name().equals(t)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
