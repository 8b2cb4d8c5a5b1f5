package org.meterline.archive.internal;

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
import org.meterline.archive.api.MeterModel;
import org.meterline.archive.api.Protocol;
import org.meterline.archive.api.Wiring;
import org.meterline.persistence.Jpa;

@Entity
@Table(name = "ML_METER_MODEL")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "TENANT_ID", contextProperty = Jpa.TENANT_PROPERTY,
        discriminatorType = DiscriminatorType.INTEGER)
class MeterModelEntity {

    @Id
    @TableGenerator(name = "meterModelId", table = "ML_ARCHIVE_ID", pkColumnName = "ID_NAME",
            valueColumnName = "ID_VALUE", pkColumnValue = "METER_MODEL", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "meterModelId")
    Long id;

    @Column(name = "MANUFACTURER", nullable = false, length = 100)
    String manufacturer;

    @Column(name = "MODEL", nullable = false, length = 100)
    String model;

    @Enumerated(EnumType.STRING)
    @Column(name = "PROTOCOL", nullable = false, length = 32)
    Protocol protocol;

    @Column(name = "PHASES", nullable = false)
    int phases;

    @Enumerated(EnumType.STRING)
    @Column(name = "WIRING", nullable = false, length = 16)
    Wiring wiring;

    MeterModel toDto() {
        return new MeterModel(id, manufacturer, model, protocol, phases, wiring);
    }
}
