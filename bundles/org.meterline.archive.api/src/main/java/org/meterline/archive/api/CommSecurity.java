package org.meterline.archive.api;

import java.util.Optional;
import org.meterline.core.api.ExternalName;

/** How the platform authenticates to a meter: none, a password (DLMS LLS) or keys (DLMS HLS5-GMAC). */
public enum CommSecurity implements ExternalName {
    NONE("none"),
    LLS("lls"),
    HLS5_GMAC("hls5-gmac");

    private final String id;

    CommSecurity(String id) {
        this.id = id;
    }

    /** The external name, as used in REST and the shell. */
    @Override
    public String id() {
        return id;
    }

    public static Optional<CommSecurity> fromId(String id) {
        return ExternalName.find(CommSecurity.class, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
