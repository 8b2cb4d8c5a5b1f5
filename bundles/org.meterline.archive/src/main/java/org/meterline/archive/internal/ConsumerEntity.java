package org.meterline.archive.internal;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.DiscriminatorType;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.meterline.archive.api.Consumer;
import org.meterline.archive.api.ConsumerStatus;
import org.meterline.archive.api.ConsumerType;
import org.meterline.persistence.Jpa;

@Entity
@Table(name = "ML_CONSUMER")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "TENANT_ID", contextProperty = Jpa.TENANT_PROPERTY,
        discriminatorType = DiscriminatorType.INTEGER)
class ConsumerEntity {

    @Id
    @TableGenerator(name = "consumerId", table = "ML_ARCHIVE_ID", pkColumnName = "ID_NAME",
            valueColumnName = "ID_VALUE", pkColumnValue = "CONSUMER", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "consumerId")
    Long id;

    @Column(name = "ORGANIZATION", length = 100)
    String organization;

    @Column(name = "CODE", nullable = false, length = 32)
    String code;

    @Column(name = "NAME", nullable = false, length = 100)
    String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "CONSUMER_TYPE", nullable = false, length = 16)
    ConsumerType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 16)
    ConsumerStatus status;

    @Column(name = "ACTIVE_DATE")
    LocalDate activeDate;

    @Column(name = "TERMINATED_ON")
    LocalDate terminatedOn;

    @Column(name = "CONTACT", length = 100)
    String contact;

    @Column(name = "PHONE", length = 40)
    String phone;

    @Column(name = "EMAIL", length = 254)
    String email;

    Consumer toDto() {
        return new Consumer(id, organization, code, name, type, status, activeDate, terminatedOn, contact, phone,
                email);
    }
}
