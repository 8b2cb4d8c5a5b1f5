package org.meterline.simulator;

/**
 * How the reading/management client of a simulated fleet authenticates.
 *
 * <p>The public client (wrapper address 16, no security) always exists and may only read the logical
 * device name (0.0.42.0.0.255) and the invocation counter (0.0.43.1.0.255).
 */
public enum SecurityMode {
    /** Client 16 (no security) may read, write and act on every object. */
    NONE,
    /** Client 17 with the meter's 8-character ASCII password (low level security). */
    LLS,
    /**
     * Client 1, HLS5-GMAC, security suite 0, policy authenticated and encrypted, with a per-meter
     * authentication key, global unicast encryption key and master key (16 bytes each).
     */
    HLS5_GMAC;

    /** The wrapper address of the reading/management client in this mode: 16, 17 or 1. */
    public int clientId() {
        return switch (this) {
            case NONE -> 16;
            case LLS -> 17;
            case HLS5_GMAC -> 1;
        };
    }
}
