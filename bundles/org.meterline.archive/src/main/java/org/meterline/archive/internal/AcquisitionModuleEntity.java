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
import org.meterline.archive.api.AcquisitionModule;
import org.meterline.archive.api.ModuleStatus;
import org.meterline.archive.api.ModuleType;
import org.meterline.persistence.Jpa;

@Entity
@Table(name = "ML_ACQ_MODULE")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "TENANT_ID", contextProperty = Jpa.TENANT_PROPERTY,
        discriminatorType = DiscriminatorType.INTEGER)
class AcquisitionModuleEntity {

    @Id
    @TableGenerator(name = "moduleId", table = "ML_ARCHIVE_ID", pkColumnName = "ID_NAME",
            valueColumnName = "ID_VALUE", pkColumnValue = "MODULE", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "moduleId")
    Long id;

    @Column(name = "SERIAL_NUMBER", nullable = false, length = 64)
    String serialNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "MODULE_TYPE", nullable = false, length = 16)
    ModuleType type;

    @Column(name = "IMEI", length = 20)
    String imei;

    @Column(name = "ICCID", length = 22)
    String iccid;

    @Column(name = "ADDRESS", length = 255)
    String address;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 16)
    ModuleStatus status;

    AcquisitionModule toDto() {
        return new AcquisitionModule(id, serialNumber, type, imei, iccid, address, status);
    }
}
