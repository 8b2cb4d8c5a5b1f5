package org.meterline.tenant.api;

import java.time.Instant;

/** A customer of the platform: a utility or landlord whose devices and consumers are kept apart. */
public record Customer(long id, String code, String name, String contact, String email, String phone,
        String address, boolean system, Instant createdAt) {
}
