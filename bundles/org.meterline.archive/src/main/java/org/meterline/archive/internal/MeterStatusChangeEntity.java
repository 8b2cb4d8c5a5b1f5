package org.meterline.archive.internal;

import java.time.Instant;
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
import org.meterline.archive.api.MeterStatus;
import org.meterline.archive.api.MeterStatusChange;
import org.meterline.persistence.Jpa;

/** One recorded lifecycle move of a meter. */
@Entity
@Table(name = "ML_METER_STATUS_CHANGE")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "TENANT_ID", contextProperty = Jpa.TENANT_PROPERTY,
        discriminatorType = DiscriminatorType.INTEGER)
class MeterStatusChangeEntity {

    @Id
    @TableGenerator(name = "meterStatusId", table = "ML_ARCHIVE_ID", pkColumnName = "ID_NAME",
            valueColumnName = "ID_VALUE", pkColumnValue = "METER_STATUS", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "meterStatusId")
    Long id;

    @Column(name = "METER_ID", nullable = false)
    long meterId;

    @Enumerated(EnumType.STRING)
    @Column(name = "FROM_STATUS")
    MeterStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "TO_STATUS", nullable = false)
    MeterStatus to;

    @Column(name = "CHANGED_AT", nullable = false)
    Instant at;

    @Column(name = "CHANGED_BY", nullable = false)
    String by;

    String reason;

    static MeterStatusChangeEntity of(MeterEntity meter, MeterStatus from, String by, String reason) {
        MeterStatusChangeEntity change = new MeterStatusChangeEntity();
        change.meterId = meter.id;
        change.from = from;
        change.to = meter.status;
        change.at = Instant.now();
        change.by = by;
        change.reason = reason;
        return change;
    }

    MeterStatusChange toDto() {
        return new MeterStatusChange(meterId, from, to, at, by, reason);
    }
}
