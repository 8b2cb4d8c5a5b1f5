package org.meterline.driver.api;

import java.util.List;
import org.meterline.core.api.ObisCode;

/** A load profile read for a period: its channels (captured objects) and its rows, oldest first. */
public record LoadProfile(ObisCode profile, List<ObisCode> channels, List<ProfileEntry> entries) {

    public LoadProfile {
        channels = List.copyOf(channels);
        entries = List.copyOf(entries);
    }
}
