package org.meterline.grid.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.DiscriminatorType;
import javax.persistence.ElementCollection;
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
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.meterline.grid.api.Project;
import org.meterline.grid.api.ProjectStatus;
import org.meterline.persistence.Jpa;

@Entity
@Table(name = "ML_PROJECT")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "TENANT_ID", contextProperty = Jpa.TENANT_PROPERTY,
        discriminatorType = DiscriminatorType.INTEGER)
class ProjectEntity {

    @Id
    @TableGenerator(name = "projectId", table = "ML_GRID_ID", pkColumnName = "ID_NAME",
            valueColumnName = "ID_VALUE", pkColumnValue = "PROJECT", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "projectId")
    Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "SITE_ID", nullable = false)
    SiteEntity site;

    @Column(nullable = false, length = 100)
    String name;

    @Column(name = "SHORT_NAME", length = 32)
    String shortName;

    /**
     * Ids of the tariff capability's service rates. The collection table has no tenant column of
     * its own: its rows are reached only through their project, which is tenant-scoped.
     */
    @ElementCollection
    @CollectionTable(name = "ML_PROJECT_RATE", joinColumns = @JoinColumn(name = "PROJECT_ID"))
    @Column(name = "SERVICE_RATE_ID", nullable = false)
    @BatchFetch(BatchFetchType.IN)
    Set<Long> serviceRateIds = new HashSet<>();

    @Column(name = "BILLING_START_DATE")
    LocalDate billingStartDate;

    @Column(name = "START_DATE")
    LocalDate startDate;

    @Column(name = "END_DATE")
    LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    ProjectStatus status;

    Double latitude;

    Double longitude;

    Project toDto() {
        List<Long> rates = new ArrayList<>(serviceRateIds);
        rates.sort(null);
        return new Project(id, site.id, site.name, name, shortName, rates, billingStartDate, startDate, endDate,
                status, latitude, longitude);
    }
}
