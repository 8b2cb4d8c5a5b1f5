package org.meterline.core.api;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling a service, and for which customer. Every service method that touches
 * tenant-owned data takes a caller; the implementation checks the permission and scopes the
 * data to {@link #tenantId()}.
 *
 * @param username the account's login name
 * @param accountId the account's id
 * @param homeTenantId the customer the account belongs to
 * @param tenantId the customer the caller acts for now; differs from {@code homeTenantId} only
 *     for a system admin who switched customer
 * @param roles the account's roles
 */
public record Caller(String username, long accountId, long homeTenantId, long tenantId, Set<Role> roles)
        implements Serializable {

    public Caller {
        Objects.requireNonNull(username, "username");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean can(Permission permission) {
        return roles.stream().anyMatch(r -> r.grants(permission));
    }

    /** Throws {@link ForbiddenException} unless the caller holds the permission. */
    public void require(Permission permission) {
        if (!can(permission)) {
            throw new ForbiddenException("Your role does not allow " + permission + ".");
        }
    }

    /** The same caller acting for another customer; only a system admin may switch. */
    public Caller actingFor(long otherTenantId) {
        if (otherTenantId == tenantId) {
            return this;
        }
        if (!has(Role.SYSTEM_ADMIN)) {
            throw new ForbiddenException("Only a system admin can act for another customer.");
        }
        return new Caller(username, accountId, homeTenantId, otherTenantId, roles);
    }
}
