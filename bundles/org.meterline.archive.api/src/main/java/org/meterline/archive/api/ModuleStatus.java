package org.meterline.archive.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether an acquisition module is in service. */
public enum ModuleStatus {
    ONLINE("online"),
    OFFLINE("offline"),
    DISABLED("disabled");

    private final String id;

    ModuleStatus(String id) {
        this.id = id;
    }

    /** The external name, as used in REST, import files and the shell. */
    public String id() {
        return id;
    }

    public static Optional<ModuleStatus> fromId(String id) {
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
