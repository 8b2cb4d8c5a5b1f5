package org.meterline.operation.api;

import java.util.Locale;

/** The kinds of tracked meter operations. */
public enum OperationType {
    READ, RELAY_STATUS, RELAY_CONNECT, RELAY_DISCONNECT;

    /** The external name: read, relay-status, relay-connect, relay-disconnect. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static OperationType of(RelayAction action) {
        return switch (action) {
            case STATUS -> RELAY_STATUS;
            case CONNECT -> RELAY_CONNECT;
            case DISCONNECT -> RELAY_DISCONNECT;
        };
    }
}
