package org.meterline.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleTest {

    private static final Permission READ_TARIFF = Permission.read("tariff");
    private static final Permission WRITE_TARIFF = Permission.write("tariff");
    private static final Permission WRITE_USERS = Permission.write(Permission.AREA_USER);
    private static final Permission WRITE_CUSTOMERS = Permission.write(Permission.AREA_CUSTOMER);
    private static final Permission WRITE_WORKORDERS = Permission.write(Permission.AREA_WORKORDER);

    @Test
    void permissionMatrix() {
        assertTrue(Role.SYSTEM_ADMIN.grants(WRITE_CUSTOMERS));
        assertFalse(Role.CUSTOMER_ADMIN.grants(WRITE_CUSTOMERS));
        assertTrue(Role.CUSTOMER_ADMIN.grants(WRITE_USERS));
        assertFalse(Role.OPERATOR.grants(WRITE_USERS));
        assertTrue(Role.OPERATOR.grants(WRITE_TARIFF));
        assertFalse(Role.INSTALLER.grants(WRITE_TARIFF));
        assertTrue(Role.INSTALLER.grants(WRITE_WORKORDERS));
        assertTrue(Role.VIEWER.grants(READ_TARIFF));
        assertFalse(Role.VIEWER.grants(WRITE_WORKORDERS));
        assertFalse(Role.VIEWER.grants(Permission.read(Permission.AREA_CUSTOMER)));
    }

    @Test
    void externalNames() {
        assertEquals(Optional.of(Role.CUSTOMER_ADMIN), Role.fromId("Customer_Admin"));
        assertEquals("system-admin", Role.SYSTEM_ADMIN.toString());
        assertTrue(Role.fromId("root").isEmpty());
    }

    @Test
    void callerChecksAndSwitching() {
        Caller viewer = new Caller("v", 1, 5, 5, EnumSet.of(Role.VIEWER));
        viewer.require(READ_TARIFF);
        ForbiddenException e = assertThrows(ForbiddenException.class, () -> viewer.require(WRITE_TARIFF));
        assertEquals("Your role does not allow tariff:write.", e.getMessage());
        assertThrows(ForbiddenException.class, () -> viewer.actingFor(6));
        assertEquals(viewer, viewer.actingFor(5));

        Caller admin = new Caller("a", 2, 1, 1, EnumSet.of(Role.SYSTEM_ADMIN));
        Caller switched = admin.actingFor(7);
        assertEquals(7, switched.tenantId());
        assertEquals(1, switched.homeTenantId());
    }

    @Test
    void checksCollectEveryError() {
        ValidationException e = assertThrows(ValidationException.class, () -> new Checks()
                .code("code", "has space").text("name", " ", 10).notNegative("value", new java.math.BigDecimal("-1"))
                .optionalText("note", "x".repeat(11), 10).code("other", "OK-1.2_3").throwIfAny());
        assertEquals(4, e.errors().size());
        assertEquals("code: may contain only letters, digits, '.', '-' and '_'; name: is required; "
                + "value: must be zero or more; note: must be at most 10 characters", e.getMessage());
    }

    @Test
    void pageRequestBounds() {
        assertThrows(ValidationException.class, () -> new PageRequest(-1, 10, null, true, ""));
        assertThrows(ValidationException.class, () -> new PageRequest(0, 0, null, true, ""));
        assertThrows(ValidationException.class, () -> new PageRequest(0, PageRequest.MAX_LIMIT + 1, null, true, ""));
        assertEquals("", new PageRequest(0, 1, null, true, null).filter());
    }
}
