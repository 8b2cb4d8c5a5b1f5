package org.meterline.collection.api;

import java.time.Instant;

/**
 * One stored signal reading of a module, read through one of its meters.
 *
 * @param dbm signal strength in dBm (the reading stored under {@code 0.0.96.12.5.255})
 * @param quality 0..31, derived from dBm as GSM CSQ ({@code dBm = -113 + 2 × quality}, clamped)
 */
public record SignalPoint(Instant at, long meterId, String meterSerial, int dbm, int quality) {

    /** The CSQ quality (0..31) of a strength in dBm. */
    public static int qualityOf(int dbm) {
        return Math.max(0, Math.min(31, Math.floorDiv(dbm + 113, 2)));
    }
}
