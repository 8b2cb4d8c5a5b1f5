package org.meterline.tenant.api;

import java.time.Instant;
import org.meterline.core.api.Role;

/** A user account; it logs in with its username and belongs to one customer. */
public record Account(long id, long customerId, String customerName, String username, String fullName,
        String email, Role role, boolean enabled, Instant createdAt) {
}
