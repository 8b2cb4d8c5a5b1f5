package org.meterline.archive.api;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.meterline.core.api.ExternalName;

/**
 * A meter's lifecycle. Allowed moves: Warehouse → Assigned (to a module or installer);
 * Assigned → Installed (bound to a POC) or back to Warehouse; Installed → Faulty or Dismantled;
 * Faulty → Installed (repaired) or Dismantled; Dismantled → Warehouse (refurbished).
 */
public enum MeterStatus implements ExternalName {
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
        return ExternalName.find(MeterStatus.class, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
