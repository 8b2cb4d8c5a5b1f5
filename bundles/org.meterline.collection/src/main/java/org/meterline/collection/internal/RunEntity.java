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
import org.meterline.collection.api.RunState;
import org.meterline.collection.api.TaskRun;
import org.meterline.collection.api.TaskTemplate;
import org.meterline.persistence.Jpa;

@Entity
@Table(name = "ML_COLLECTION_RUN")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "TENANT_ID", contextProperty = Jpa.TENANT_PROPERTY,
        discriminatorType = DiscriminatorType.INTEGER)
class RunEntity {

    @Id
    @TableGenerator(name = "collectionRunId", table = "ML_COLLECTION_ID", pkColumnName = "ID_NAME",
            valueColumnName = "ID_VALUE", pkColumnValue = "RUN", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "collectionRunId")
    Long id;

    @Column(name = "TASK_ID", nullable = false)
    long taskId;

    @Column(name = "TASK_NAME", nullable = false, length = 100)
    String taskName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    TaskTemplate template;

    @Column(name = "RUN_TRIGGER", nullable = false, length = 120)
    String trigger;

    @Column(name = "PERIOD_START", nullable = false)
    Instant periodStart;

    @Column(name = "PERIOD_END", nullable = false)
    Instant periodEnd;

    @Column(nullable = false)
    Instant started;

    Instant finished;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    RunState state;

    @Column(name = "METERS_TOTAL", nullable = false)
    int metersTotal;

    @Column(name = "METERS_SUCCEEDED", nullable = false)
    int metersSucceeded;

    @Column(name = "METERS_FAILED", nullable = false)
    int metersFailed;

    @Column(nullable = false, length = 500)
    String message = "";

    TaskRun toDto() {
        return new TaskRun(id, taskId, taskName, template, trigger, periodStart, periodEnd, started, finished, state,
                metersTotal, metersSucceeded, metersFailed, message);
    }
}
