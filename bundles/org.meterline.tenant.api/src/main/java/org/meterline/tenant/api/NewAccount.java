package org.meterline.tenant.api;

import org.meterline.core.api.Role;

/** An account to create in the caller's current customer. */
public record NewAccount(String username, String password, String fullName, String email, Role role) {
}
