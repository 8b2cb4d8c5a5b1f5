package org.meterline.tenant.api;

import org.meterline.core.api.Role;

/**
 * Changes to an account; a null field stays as it is. Only a system admin may move an account
 * to another customer; a new password is hashed before it is stored.
 */
public record AccountUpdate(Long customerId, Role role, String fullName, String email, Boolean enabled,
        String password) {
}
