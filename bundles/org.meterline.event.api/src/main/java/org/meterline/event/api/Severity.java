package org.meterline.event.api;

import java.util.Optional;
import org.meterline.core.api.ExternalName;

/** How much an event matters to an operator. */
public enum Severity implements ExternalName {
    /** Worth recording, nothing to do (power back, relay connected, clock set). */
    INFO("info"),
    /** Someone should look (power off, relay disconnected). */
    WARNING("warning"),
    /** Act now (tamper). */
    ALARM("alarm");

    private final String id;

    Severity(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static Optional<Severity> fromId(String id) {
        return ExternalName.find(Severity.class, id);
    }
}
