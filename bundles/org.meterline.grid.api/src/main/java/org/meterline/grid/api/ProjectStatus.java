package org.meterline.grid.api;

import java.util.Optional;
import org.meterline.core.api.ExternalName;

/** Where a project stands; the dashboard's Project Status chart counts these. */
public enum ProjectStatus implements ExternalName {
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
        return ExternalName.find(ProjectStatus.class, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
