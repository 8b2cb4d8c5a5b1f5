package org.meterline.grid.internal;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.meterline.core.api.Caller;
import org.meterline.persistence.Jpa;
import org.meterline.persistence.SchemaMigrations;
import org.meterline.tariff.api.ServiceRateReferences;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells the tariff capability which service rates projects use, so a rate that a project is
 * associated with cannot be deleted.
 */
@Component(service = ServiceRateReferences.class)
public class ProjectRateReferences implements ServiceRateReferences {

    private final Jpa jpa;

    @Activate
    public ProjectRateReferences(@Reference(target = "(osgi.jndi.service.name=meterline)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=meterline.grid)") EntityManagerFactory emf) {
        // this component may activate before GridServiceImpl; migrating is idempotent and serialized
        SchemaMigrations.migrate(dataSource, GridServiceImpl.MODULE, ProjectRateReferences.class.getClassLoader());
        this.jpa = new Jpa(emf);
    }

    @Override
    public String referrers() {
        return "projects";
    }

    @Override
    public long countReferences(Caller caller, long serviceRateId) {
        // no permission check: the tariff service asks on behalf of a caller it has already checked
        return jpa.inTenant(caller.tenantId(), em -> em.createQuery(
                "SELECT COUNT(p) FROM ProjectEntity p JOIN p.serviceRateIds r WHERE r = :rate", Long.class)
                .setParameter("rate", serviceRateId).getSingleResult());
    }
}
