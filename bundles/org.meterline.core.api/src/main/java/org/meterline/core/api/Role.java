package org.meterline.core.api;

import java.util.Optional;

/**
 * The roles of a Meterline account. Each role grants a fixed set of permissions; see
 * {@link #grants(Permission)}.
 */
public enum Role implements ExternalName {
    /** Runs the platform: every customer, every area. */
    SYSTEM_ADMIN("system-admin"),
    /** Runs one customer: everything inside it, including its user accounts. */
    CUSTOMER_ADMIN("customer-admin"),
    /** Day-to-day work inside one customer: reads and changes master data and operations. */
    OPERATOR("operator"),
    /** Field work: reads everything of its customer, changes work orders. */
    INSTALLER("installer"),
    /** Reads everything of its customer, changes nothing. */
    VIEWER("viewer");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    /** The external name, as used in REST, configuration and JAAS role principals. */
    public String id() {
        return id;
    }

    public boolean grants(Permission permission) {
        String area = permission.area();
        boolean platformArea = Permission.AREA_CUSTOMER.equals(area);
        boolean userArea = Permission.AREA_USER.equals(area);
        switch (this) {
            case SYSTEM_ADMIN:
                return true;
            case CUSTOMER_ADMIN:
                return !platformArea;
            case OPERATOR:
                return !platformArea && (!userArea || permission.access() == Permission.Access.READ);
            case INSTALLER:
                return !platformArea && (permission.access() == Permission.Access.READ
                        || Permission.AREA_WORKORDER.equals(area));
            case VIEWER:
                return !platformArea && permission.access() == Permission.Access.READ;
            default:
                return false;
        }
    }

    public static Optional<Role> fromId(String id) {
        return ExternalName.find(Role.class, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
