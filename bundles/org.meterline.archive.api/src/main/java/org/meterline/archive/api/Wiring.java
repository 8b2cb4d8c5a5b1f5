package org.meterline.archive.api;

import java.util.Optional;
import org.meterline.core.api.ExternalName;

/** How a meter is connected: directly, through current transformers, or through current and voltage transformers. */
public enum Wiring implements ExternalName {
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
        return ExternalName.find(Wiring.class, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
