package org.meterline.event.api;

import java.util.Optional;
import org.meterline.core.api.ExternalName;

/** What an event is about. */
public enum EventCategory implements ExternalName {
    POWER("power", "Power"),
    RELAY("relay", "Relay"),
    TAMPER("tamper", "Tamper"),
    CLOCK("clock", "Clock"),
    /** Everything else, and codes the catalogue does not know. */
    OTHER("other", "Other");

    private final String id;
    private final String caption;

    EventCategory(String id, String caption) {
        this.id = id;
        this.caption = caption;
    }

    @Override
    public String id() {
        return id;
    }

    /** The name people read. */
    public String caption() {
        return caption;
    }

    public static Optional<EventCategory> fromId(String id) {
        return ExternalName.find(EventCategory.class, id);
    }
}
