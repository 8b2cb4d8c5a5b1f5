package org.meterline.collection.api;

import java.time.Instant;

/**
 * An acquisition module as the Network Monitor shows it (manual §9.1): its archive data, the latest signal a
 * {@link TaskTemplate#MODULE_SIGNAL} task read through one of its meters, and when the platform last reached it.
 *
 * @param type the archive's module type (e.g. {@code gprs}, {@code 4g})
 * @param archiveStatus the status recorded in the archive ({@code online}, {@code offline}, {@code disabled})
 * @param signalDbm the latest signal strength in dBm; null when no signal has been collected
 * @param signalQuality the matching quality 0..31 (GSM CSQ: dBm = -113 + 2 × quality); null with {@code signalDbm}
 * @param signalAt when that signal was read
 * @param lastContact the latest successful outcome of any collection task for a meter behind the module; null
 *     when none was recorded
 * @param online whether {@code lastContact} lies within {@code onlineWindowMinutes} before now
 * @param onlineWindowMinutes the window used for {@code online}
 */
public record ModuleSignal(long moduleId, String serialNumber, String type, String address, String archiveStatus,
        Integer signalDbm, Integer signalQuality, Instant signalAt, Instant lastContact, boolean online,
        long onlineWindowMinutes) {
}
