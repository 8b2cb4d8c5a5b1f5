package org.meterline.tenant.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import org.meterline.tenant.api.Customer;

/** A customer (tenant). Not tenant-scoped itself: it is what scopes everything else. */
@Entity
@Table(name = "ML_CUSTOMER")
class CustomerEntity {

    @Id
    @TableGenerator(name = "customerId", table = "ML_TENANT_ID", pkColumnName = "ID_NAME",
            valueColumnName = "ID_VALUE", pkColumnValue = "CUSTOMER", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "customerId")
    Long id;

    @Column(nullable = false, length = 32)
    String code;

    @Column(nullable = false, length = 100)
    String name;

    String contact;
    String email;
    String phone;
    String address;

    @Column(name = "SYSTEM_CUSTOMER", nullable = false)
    boolean system;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    Customer toDto() {
        return new Customer(id, code, name, contact, email, phone, address, system, createdAt);
    }
}
