package org.meterline.archive.api;

import java.util.Optional;
import org.meterline.core.api.ExternalName;

/** The link an acquisition module uses. */
public enum ModuleType implements ExternalName {
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
        return ExternalName.find(ModuleType.class, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
