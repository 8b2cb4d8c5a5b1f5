package org.meterline.archive.api;

import java.util.Optional;
import org.meterline.core.api.ExternalName;

/** Whether an acquisition module is in service. */
public enum ModuleStatus implements ExternalName {
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
        return ExternalName.find(ModuleStatus.class, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
