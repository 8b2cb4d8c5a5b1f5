package org.meterline.archive.api;

import java.util.Optional;
import org.meterline.core.api.ExternalName;

/** Active consumers are billed; a terminated one stops being billed from its termination date. */
public enum ConsumerStatus implements ExternalName {
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
        return ExternalName.find(ConsumerStatus.class, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
