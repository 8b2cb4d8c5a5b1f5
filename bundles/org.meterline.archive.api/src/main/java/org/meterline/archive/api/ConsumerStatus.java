package org.meterline.archive.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Active consumers are billed; a terminated one stops being billed from its termination date. */
public enum ConsumerStatus {
    ACTIVE("active"),
    TERMINATED("terminated");

    private final String id;

    ConsumerStatus(String id) {
        this.id = id;
    }

    /** The external name, as used in REST, import files and the shell. */
    public String id() {
        return id;
    }

    public static Optional<ConsumerStatus> fromId(String id) {
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
