package org.meterline.grid.internal;

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
import org.meterline.grid.api.Site;
import org.meterline.persistence.Jpa;

@Entity
@Table(name = "ML_SITE")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "TENANT_ID", contextProperty = Jpa.TENANT_PROPERTY,
        discriminatorType = DiscriminatorType.INTEGER)
class SiteEntity {

    @Id
    @TableGenerator(name = "siteId", table = "ML_GRID_ID", pkColumnName = "ID_NAME",
            valueColumnName = "ID_VALUE", pkColumnValue = "SITE", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "siteId")
    Long id;

    @Column(nullable = false, length = 100)
    String name;

    @Column(name = "SHORT_NAME", length = 32)
    String shortName;

    Double latitude;

    Double longitude;

    @Column(name = "TIME_ZONE", nullable = false, length = 64)
    String timeZone;

    Site toDto() {
        return new Site(id, name, shortName, latitude, longitude, timeZone);
    }
}
