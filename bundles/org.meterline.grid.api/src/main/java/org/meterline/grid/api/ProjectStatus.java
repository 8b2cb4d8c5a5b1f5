package org.meterline.grid.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a project stands; the dashboard's Project Status chart counts these. */
public enum ProjectStatus {
    PLANNED("planned"),
    UNDER_CONSTRUCTION("under-construction"),
    IN_OPERATION("in-operation"),
    CLOSED("closed");

    private final String id;

    ProjectStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ProjectStatus> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
