package org.meterline.core.api;

import java.util.Objects;

/**
 * Something a caller may be allowed to do: an access level on an area. Areas are named after
 * capabilities ({@code tariff}, {@code archive}, ...); {@code customer} is the platform-wide
 * customer administration, {@code user} the accounts inside a customer.
 */
public record Permission(String area, Access access) {

    public static final String AREA_CUSTOMER = "customer";
    public static final String AREA_USER = "user";
    public static final String AREA_WORKORDER = "workorder";

    public enum Access {
        READ, WRITE
    }

    public Permission {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(access, "access");
    }

    public static Permission read(String area) {
        return new Permission(area, Access.READ);
    }

    public static Permission write(String area) {
        return new Permission(area, Access.WRITE);
    }

    @Override
    public String toString() {
        return area + ':' + access.name().toLowerCase(java.util.Locale.ROOT);
    }
}
