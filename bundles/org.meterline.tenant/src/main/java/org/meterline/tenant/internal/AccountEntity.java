package org.meterline.tenant.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import org.meterline.core.api.Role;
import org.meterline.tenant.api.Account;

/**
 * A user account. Accounts are looked up by username across all customers at login, so the
 * entity is not tenant-discriminated; {@link TenantServiceImpl} is the only place that reads it
 * and scopes every list to the caller's customer.
 */
@Entity
@Table(name = "ML_ACCOUNT")
class AccountEntity {

    @Id
    @TableGenerator(name = "accountId", table = "ML_TENANT_ID", pkColumnName = "ID_NAME",
            valueColumnName = "ID_VALUE", pkColumnValue = "ACCOUNT", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "accountId")
    Long id;

    @Column(name = "CUSTOMER_ID", nullable = false)
    long customerId;

    @Column(nullable = false, length = 64)
    String username;

    @Column(name = "PASSWORD_HASH", nullable = false, length = 100)
    String passwordHash;

    @Column(name = "FULL_NAME")
    String fullName;

    String email;

    @Column(name = "ROLE_ID", nullable = false)
    String role;

    @Column(nullable = false)
    boolean enabled;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    Role role() {
        return Role.fromId(role).orElse(Role.VIEWER);
    }

    Account toDto(String customerName) {
        return new Account(id, customerId, customerName, username, fullName, email, role(), enabled, createdAt);
    }
}
