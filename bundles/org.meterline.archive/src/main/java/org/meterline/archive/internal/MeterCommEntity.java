package org.meterline.archive.internal;

import javax.persistence.Column;
import javax.persistence.DiscriminatorType;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.meterline.archive.api.CommSecurity;
import org.meterline.persistence.Jpa;

/** A meter's communication settings; {@code secrets} is the sealed (encrypted) secret set. */
@Entity
@Table(name = "ML_METER_COMM")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "TENANT_ID", contextProperty = Jpa.TENANT_PROPERTY,
        discriminatorType = DiscriminatorType.INTEGER)
class MeterCommEntity {

    @Id
    @Column(name = "METER_ID")
    Long meterId;

    @Column(name = "LOGICAL_DEVICE", nullable = false)
    int logicalDevice;

    @Column(name = "CLIENT_ID", nullable = false)
    int clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    CommSecurity security;

    @Column(length = 1024)
    String secrets;
}
