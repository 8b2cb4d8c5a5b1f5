package org.meterline.archive.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a meter is connected: directly, through current transformers, or through current and voltage transformers. */
public enum Wiring {
    DIRECT("direct"),
    CT("ct"),
    CT_PT("ct-pt");

    private final String id;

    Wiring(String id) {
        this.id = id;
    }

    /** The external name, as used in REST, import files and the shell. */
    public String id() {
        return id;
    }

    public static Optional<Wiring> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(v -> v.id.equals(wanted) || v.name().equalsIgnoreCase(id.trim())).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
