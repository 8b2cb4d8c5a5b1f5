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
import org.meterline.collection.api.CollectionTask;
import org.meterline.collection.api.TaskTemplate;
import org.meterline.persistence.Jpa;

@Entity
@Table(name = "ML_COLLECTION_TASK")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "TENANT_ID", contextProperty = Jpa.TENANT_PROPERTY,
        discriminatorType = DiscriminatorType.INTEGER)
class TaskEntity {

    @Id
    @TableGenerator(name = "collectionTaskId", table = "ML_COLLECTION_ID", pkColumnName = "ID_NAME",
            valueColumnName = "ID_VALUE", pkColumnValue = "TASK", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "collectionTaskId")
    Long id;

    @Column(nullable = false, length = 100)
    String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    TaskTemplate template;

    @Column(name = "GRID_ID", nullable = false)
    long gridId;

    @Column(name = "MODEL_ID")
    Long modelId;

    @Column(name = "START_TIME", nullable = false)
    Instant startTime;

    @Column(name = "INTERVAL_MINUTES", nullable = false)
    int intervalMinutes;

    @Column(name = "OFFSET_MINUTES", nullable = false)
    int offsetMinutes;

    @Column(nullable = false)
    boolean enabled;

    @Column(name = "NEXT_RUN_AT")
    Instant nextRunAt;

    CollectionTask toDto() {
        return new CollectionTask(id, name, template, gridId, modelId, startTime, intervalMinutes, offsetMinutes,
                enabled, nextRunAt);
    }
}
