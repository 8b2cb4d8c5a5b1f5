package org.meterline.collection.api;

import java.util.Locale;
import java.util.Optional;

/**
 * What a collection task reads from each of its meters. Templates are per protocol (manual §5.2 ②:
 * "choose the task template based on the protocol type of the device"); the ones here are the
 * DLMS/COSEM templates, read through whichever driver serves the meter's model.
 */
public enum TaskTemplate {
    /** The energy registers (A+, A-, R+, R-, A+ per tariff), stored at the time they were read. */
    DAILY_REGISTERS("Daily frozen energy registers",
            "Active and reactive energy import/export totals and A+ per tariff (1.8.0, 2.8.0, 3.8.0, 4.8.0, 1.8.1, 1.8.2)"),
    /** The 15-minute load profile since the last stored interval (gap fill), at most a bounded number of days back. */
    LOAD_PROFILE("Load profile",
            "The load profile (1.0.99.1.0.255) from the last stored interval on; a meter missed for days is gap-filled"),
    /** The meter's event logs for the task's period. */
    EVENT_LOGS("Event logs", "The standard, fraud detection and disconnect control event logs for the task's period"),
    /** The communication module's radio signal. */
    MODULE_SIGNAL("Module signal", "The module's signal strength (dBm) and quality (0..31), stored as readings"),
    /** The meter's clock against the platform's; the deviation goes into the outcome. */
    CLOCK_CHECK("Clock check", "The meter's clock compared with the platform's; the deviation is recorded in the meter's outcome");

    private final String caption;
    private final String reads;

    TaskTemplate(String caption, String reads) {
        this.caption = caption;
        this.reads = reads;
    }

    /** The name people see. */
    public String caption() {
        return caption;
    }

    /** What the template reads, in a sentence. */
    public String reads() {
        return reads;
    }

    /** The protocol the template is for, as meter models name it. */
    public String protocol() {
        return "dlms-cosem";
    }

    /** The external name used by REST and the shell, e.g. "load-profile". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The template with this external name or enum name, ignoring case. */
    public static Optional<TaskTemplate> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String n = id.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (TaskTemplate t : values()) {
            if (t.name().equals(n)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
