package org.meterline.readings.api;

import java.util.Locale;
import java.util.Objects;

/** Whose readings an aggregate adds up: one meter, or the meters of a POC, a project or a power grid. */
public record Scope(Kind kind, long id) {

    public enum Kind {
        METER, POC, PROJECT, GRID
    }

    public Scope {
        Objects.requireNonNull(kind, "kind");
    }

    public static Scope meter(long meterId) {
        return new Scope(Kind.METER, meterId);
    }

    public static Scope poc(long pocId) {
        return new Scope(Kind.POC, pocId);
    }

    public static Scope project(long projectId) {
        return new Scope(Kind.PROJECT, projectId);
    }

    /** A power grid and every grid below it. */
    public static Scope grid(long gridId) {
        return new Scope(Kind.GRID, gridId);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + " " + id;
    }
}
