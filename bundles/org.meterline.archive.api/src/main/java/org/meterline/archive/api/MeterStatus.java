package org.meterline.archive.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A meter's lifecycle. Allowed moves: Warehouse → Assigned (to a module or installer);
 * Assigned → Installed (bound to a POC) or back to Warehouse; Installed → Faulty or Dismantled;
 * Faulty → Installed (repaired) or Dismantled; Dismantled → Warehouse (refurbished).
 */
public enum MeterStatus {
    WAREHOUSE("warehouse"),
    ASSIGNED("assigned"),
    INSTALLED("installed"),
    FAULTY("faulty"),
    DISMANTLED("dismantled");

    private final String id;

    MeterStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The statuses a meter in this status may move to. */
    public Set<MeterStatus> next() {
        switch (this) {
            case WAREHOUSE:
                return EnumSet.of(ASSIGNED, INSTALLED);
            case ASSIGNED:
                return EnumSet.of(INSTALLED, WAREHOUSE);
            case INSTALLED:
                return EnumSet.of(FAULTY, DISMANTLED);
            case FAULTY:
                return EnumSet.of(INSTALLED, DISMANTLED);
            case DISMANTLED:
                return EnumSet.of(WAREHOUSE);
            default:
                return EnumSet.noneOf(MeterStatus.class);
        }
    }

    public boolean canMoveTo(MeterStatus to) {
        return next().contains(to);
    }

    public static Optional<MeterStatus> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.id.equals(wanted)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
