package org.meterline.collection.internal;

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
import org.meterline.collection.api.MeterOutcome;
import org.meterline.collection.api.OutcomeStatus;
import org.meterline.persistence.Jpa;

@Entity
@Table(name = "ML_COLLECTION_OUTCOME")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "TENANT_ID", contextProperty = Jpa.TENANT_PROPERTY,
        discriminatorType = DiscriminatorType.INTEGER)
class OutcomeEntity {

    @Id
    @TableGenerator(name = "collectionOutcomeId", table = "ML_COLLECTION_ID", pkColumnName = "ID_NAME",
            valueColumnName = "ID_VALUE", pkColumnValue = "OUTCOME", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "collectionOutcomeId")
    Long id;

    @Column(name = "RUN_ID", nullable = false)
    long runId;

    @Column(name = "METER_ID", nullable = false)
    long meterId;

    /** The acquisition module the meter was read through; null for a meter without one (and before schema V2). */
    @Column(name = "MODULE_ID")
    Long moduleId;

    @Column(name = "METER_SERIAL", nullable = false, length = 64)
    String meterSerial;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    OutcomeStatus status;

    @Column(name = "ERROR_KIND", nullable = false, length = 32)
    String errorKind;

    @Column(nullable = false, length = 500)
    String message;

    @Column(nullable = false)
    int attempts;

    @Column(name = "VALUES_STORED", nullable = false)
    int valuesStored;

    @Column(nullable = false)
    Instant finished;

    MeterOutcome toDto() {
        return new MeterOutcome(runId, meterId, meterSerial, status, errorKind, message, attempts, valuesStored,
                finished);
    }
}
