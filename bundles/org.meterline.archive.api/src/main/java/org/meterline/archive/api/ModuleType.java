package org.meterline.archive.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The link an acquisition module uses. */
public enum ModuleType {
    GPRS("gprs"),
    LTE("4g"),
    NB_IOT("nb-iot"),
    PLC("plc"),
    RS485("rs-485"),
    ETHERNET("ethernet");

    private final String id;

    ModuleType(String id) {
        this.id = id;
    }

    /** The external name, as used in REST, import files and the shell. */
    public String id() {
        return id;
    }

    public static Optional<ModuleType> fromId(String id) {
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
