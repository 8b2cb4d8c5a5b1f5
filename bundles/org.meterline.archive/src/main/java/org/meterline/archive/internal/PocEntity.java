package org.meterline.archive.internal;

import java.time.Instant;
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
import org.eclipse.persistence.annotations.JoinFetch;
import org.eclipse.persistence.annotations.JoinFetchType;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.meterline.archive.api.Poc;
import org.meterline.persistence.Jpa;

/** A point of collection; site, project, grid and rate are other capabilities' ids. */
@Entity
@Table(name = "ML_POC")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "TENANT_ID", contextProperty = Jpa.TENANT_PROPERTY,
        discriminatorType = DiscriminatorType.INTEGER)
class PocEntity {

    @Id
    @TableGenerator(name = "pocId", table = "ML_ARCHIVE_ID", pkColumnName = "ID_NAME",
            valueColumnName = "ID_VALUE", pkColumnValue = "POC", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "pocId")
    Long id;

    @Column(name = "SITE_ID", nullable = false)
    long siteId;

    @Column(name = "PROJECT_ID", nullable = false)
    long projectId;

    @Column(name = "POWER_GRID_ID")
    Long powerGridId;

    @Column(name = "SERVICE_RATE_ID", nullable = false)
    long serviceRateId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "METER_ID", nullable = false)
    @JoinFetch(JoinFetchType.INNER)
    MeterEntity meter;

    @ManyToOne(optional = false)
    @JoinColumn(name = "CONSUMER_ID", nullable = false)
    @JoinFetch(JoinFetchType.INNER)
    ConsumerEntity consumer;

    @Column(name = "POC_TYPE")
    String type;

    @Column(nullable = false)
    String name;

    Double latitude;
    Double longitude;

    @Column(nullable = false)
    boolean active;

    @Column(name = "ENDED_AT")
    Instant endedAt;

    Poc toDto() {
        return new Poc(id, siteId, projectId, powerGridId, serviceRateId, meter.id, meter.serialNumber, consumer.id,
                consumer.code, type, name, latitude, longitude, active);
    }
}
