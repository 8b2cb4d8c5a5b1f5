package org.meterline.operation.internal;

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
import org.meterline.persistence.Jpa;

/** The reading items a customer offers by default for one meter model, OBIS codes comma separated. */
@Entity
@Table(name = "ML_READING_ITEM_SETTING")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "TENANT_ID", contextProperty = Jpa.TENANT_PROPERTY,
        discriminatorType = DiscriminatorType.INTEGER)
class ReadingItemSettingEntity {

    @Id
    @TableGenerator(name = "readingItemSettingId", table = "ML_OPERATION_ID", pkColumnName = "ID_NAME",
            valueColumnName = "ID_VALUE", pkColumnValue = "READING_ITEM_SETTING", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "readingItemSettingId")
    Long id;

    @Column(name = "MODEL_ID", nullable = false)
    long modelId;

    @Column(nullable = false, length = 2000)
    String items;
}
