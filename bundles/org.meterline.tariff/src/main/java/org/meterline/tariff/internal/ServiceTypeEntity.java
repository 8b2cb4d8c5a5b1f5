package org.meterline.tariff.internal;

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
import org.meterline.tariff.api.ServiceType;

@Entity
@Table(name = "ML_SERVICE_TYPE")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "TENANT_ID", contextProperty = Jpa.TENANT_PROPERTY,
        discriminatorType = DiscriminatorType.INTEGER)
class ServiceTypeEntity {

    @Id
    @TableGenerator(name = "serviceTypeId", table = "ML_TARIFF_ID", pkColumnName = "ID_NAME",
            valueColumnName = "ID_VALUE", pkColumnValue = "SERVICE_TYPE", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "serviceTypeId")
    Long id;

    @Column(nullable = false, length = 32)
    String code;

    @Column(nullable = false, length = 100)
    String name;

    ServiceType toDto() {
        return new ServiceType(id, code, name);
    }
}
