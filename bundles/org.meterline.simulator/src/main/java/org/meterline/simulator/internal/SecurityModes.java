package org.meterline.simulator.internal;

import java.util.Locale;
import org.meterline.simulator.SecurityMode;

/** The external names of the security modes: none, lls, hls5-gmac. */
public final class SecurityModes {

    private SecurityModes() {
    }

    public static String id(SecurityMode mode) {
        return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException for an unknown name */
    public static SecurityMode parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (SecurityMode m : SecurityMode.values()) {
            if (id(m).equals(wanted)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown security " + text + " (none, lls, hls5-gmac)");
    }
}
