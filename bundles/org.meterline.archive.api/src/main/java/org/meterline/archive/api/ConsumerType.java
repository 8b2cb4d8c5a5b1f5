package org.meterline.archive.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of consumer is billed. */
public enum ConsumerType {
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
