package org.meterline.operation.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.DiscriminatorType;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.meterline.operation.api.OperationOutcome;
import org.meterline.operation.api.OperationRecord;
import org.meterline.operation.api.OperationType;
import org.meterline.persistence.Jpa;

/** One tracked meter operation. */
@Entity
@Table(name = "ML_OPERATION_LOG")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "TENANT_ID", contextProperty = Jpa.TENANT_PROPERTY,
        discriminatorType = DiscriminatorType.INTEGER)
class OperationLogEntity {

    @Id
    @TableGenerator(name = "operationLogId", table = "ML_OPERATION_ID", pkColumnName = "ID_NAME",
            valueColumnName = "ID_VALUE", pkColumnValue = "OPERATION_LOG", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "operationLogId")
    Long id;

    @Column(name = "METER_ID", nullable = false)
    long meterId;

    @Column(name = "SERIAL_NUMBER", nullable = false, length = 64)
    String serialNumber;

    @Column(nullable = false, length = 100)
    String username;

    @Column(name = "STARTED_AT", nullable = false)
    Instant startedAt;

    @Column(nullable = false, length = 32)
    String operation;

    @Column(nullable = false, length = 2000)
    String items;

    @Column(nullable = false, length = 16)
    String outcome;

    @Column(name = "DURATION_MS")
    Long durationMillis;

    @Column(name = "ERROR_KIND", length = 32)
    String errorKind;

    @Column(name = "ERROR_MESSAGE", length = 500)
    String errorMessage;

    OperationRecord toDto() {
        return new OperationRecord(id, meterId, serialNumber, username, startedAt, OperationType.valueOf(operation),
                items, OperationOutcome.valueOf(outcome), durationMillis, errorKind, errorMessage);
    }
}
