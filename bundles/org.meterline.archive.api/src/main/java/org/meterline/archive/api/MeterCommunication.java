package org.meterline.archive.api;

/**
 * How the platform reaches a meter behind its acquisition module: the meter's logical device
 * (DLMS server address), the client identity the platform uses, the security level, and whether
 * secrets are stored. Secrets themselves are never part of this record.
 */
public record MeterCommunication(long meterId, int logicalDevice, int clientId, CommSecurity security,
        boolean passwordSet, boolean keysSet) {

    /** What a meter without stored settings uses: logical device 1, public client 16, no security. */
    public static MeterCommunication defaults(long meterId) {
        return new MeterCommunication(meterId, 1, 16, CommSecurity.NONE, false, false);
    }
}
