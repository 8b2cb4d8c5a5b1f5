package org.meterline.tariff.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.DiscriminatorType;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.meterline.persistence.Jpa;
import org.meterline.tariff.api.ServiceRate;

@Entity
@Table(name = "ML_SERVICE_RATE")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "TENANT_ID", contextProperty = Jpa.TENANT_PROPERTY,
        discriminatorType = DiscriminatorType.INTEGER)
class ServiceRateEntity {

    @Id
    @TableGenerator(name = "serviceRateId", table = "ML_TARIFF_ID", pkColumnName = "ID_NAME",
            valueColumnName = "ID_VALUE", pkColumnValue = "SERVICE_RATE", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "serviceRateId")
    Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "SERVICE_TYPE_ID", nullable = false)
    ServiceTypeEntity serviceType;

    @Column(nullable = false, length = 32)
    String code;

    @Column(nullable = false, length = 100)
    String name;

    @Column(name = "RATE_VALUE", nullable = false, precision = 19, scale = 6)
    BigDecimal value;

    @Column(nullable = false, length = 3)
    String currency;

    @Column(nullable = false, length = 16)
    String unit;

    @Column(name = "VALID_FROM")
    LocalDate validFrom;

    @Column(name = "VALID_TO")
    LocalDate validTo;

    ServiceRate toDto() {
        return new ServiceRate(id, serviceType.id, serviceType.code, serviceType.name, code, name,
                value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros(),
                currency, unit, validFrom, validTo);
    }
}
