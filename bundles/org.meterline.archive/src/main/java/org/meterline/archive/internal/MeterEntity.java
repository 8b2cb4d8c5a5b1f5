package org.meterline.archive.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.DiscriminatorType;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import org.eclipse.persistence.annotations.JoinFetch;
import org.eclipse.persistence.annotations.JoinFetchType;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.meterline.archive.api.Meter;
import org.meterline.archive.api.MeterStatus;
import org.meterline.persistence.Jpa;

@Entity
@Table(name = "ML_METER")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "TENANT_ID", contextProperty = Jpa.TENANT_PROPERTY,
        discriminatorType = DiscriminatorType.INTEGER)
class MeterEntity {

    @Id
    @TableGenerator(name = "meterId", table = "ML_ARCHIVE_ID", pkColumnName = "ID_NAME",
            valueColumnName = "ID_VALUE", pkColumnValue = "METER", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "meterId")
    Long id;

    @Column(name = "SERIAL_NUMBER", nullable = false, length = 64)
    String serialNumber;

    @ManyToOne(optional = false)
    @JoinColumn(name = "MODEL_ID", nullable = false)
    @JoinFetch(JoinFetchType.INNER)
    MeterModelEntity model;

    @ManyToOne
    @JoinColumn(name = "MODULE_ID")
    @JoinFetch(JoinFetchType.OUTER)
    AcquisitionModuleEntity module;

    @Column(name = "CT_RATIO", nullable = false, precision = 12, scale = 4)
    BigDecimal ctRatio;

    @Column(name = "PT_RATIO", nullable = false, precision = 12, scale = 4)
    BigDecimal ptRatio;

    @Column(name = "INSTALLED_ON")
    LocalDate installedOn;

    @Column(name = "INSTALLATION_NOTE")
    String installationNote;

    @Column(name = "CERTIFICATE_NUMBER")
    String certificateNumber;

    @Column(name = "VERIFIED_ON")
    LocalDate verifiedOn;

    @Column(name = "VALID_UNTIL")
    LocalDate validUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    MeterStatus status;

    /** The statuses this meter may move to, for messages. */
    String next() {
        return status.next().stream().map(Object::toString).sorted().collect(java.util.stream.Collectors.joining(" or "));
    }

    Meter toDto() {
        return new Meter(id, serialNumber, model.id, model.manufacturer + " " + model.model,
                module == null ? null : module.id, module == null ? null : module.serialNumber,
                ctRatio.stripTrailingZeros(), ptRatio.stripTrailingZeros(), installedOn, installationNote,
                certificateNumber, verifiedOn, validUntil, status);
    }
}
