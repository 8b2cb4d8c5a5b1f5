package org.meterline.tenant.api;

/**
 * A customer to create together with its first account, which becomes the customer's admin
 * (manual §11 ③).
 */
public record NewCustomer(String code, String name, String contact, String email, String phone, String address,
        String username, String password) {
}
