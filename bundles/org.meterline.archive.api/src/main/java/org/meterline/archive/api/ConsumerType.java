package org.meterline.archive.api;

import java.util.Optional;
import org.meterline.core.api.ExternalName;

/** What kind of consumer is billed. */
public enum ConsumerType implements ExternalName {
    RESIDENTIAL("residential"),
    COMMERCIAL("commercial"),
    INDUSTRIAL("industrial"),
    PUBLIC("public");

    private final String id;

    ConsumerType(String id) {
        this.id = id;
    }

    /** The external name, as used in REST, import files and the shell. */
    public String id() {
        return id;
    }

    public static Optional<ConsumerType> fromId(String id) {
        return ExternalName.find(ConsumerType.class, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
