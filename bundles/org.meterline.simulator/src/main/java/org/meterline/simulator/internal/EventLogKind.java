package org.meterline.simulator.internal;

/** The three event logs of a meter. */
public enum EventLogKind {
    STANDARD("0.0.99.98.0.255", "0.0.96.11.0.255"),
    FRAUD("0.0.99.98.1.255", "0.0.96.11.1.255"),
    DISCONNECT("0.0.99.98.2.255", "0.0.96.11.2.255");

    private final String profile;
    private final String eventCode;

    EventLogKind(String profile, String eventCode) {
        this.profile = profile;
        this.eventCode = eventCode;
    }

    /** OBIS code of the Profile Generic object. */
    public String profile() {
        return profile;
    }

    /** OBIS code of the event code Data object captured by the log. */
    public String eventCode() {
        return eventCode;
    }
}
