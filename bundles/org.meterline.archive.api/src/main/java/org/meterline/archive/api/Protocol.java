package org.meterline.archive.api;

import java.util.Optional;
import org.meterline.core.api.ExternalName;

/** The protocol a meter model speaks; the platform picks a driver by it. */
public enum Protocol implements ExternalName {
    DLMS_COSEM("dlms-cosem");

    private final String id;

    Protocol(String id) {
        this.id = id;
    }

    /** The external name, as used in REST, import files and the shell. */
    public String id() {
        return id;
    }

    public static Optional<Protocol> fromId(String id) {
        return ExternalName.find(Protocol.class, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
