package org.meterline.archive.internal;

import org.meterline.core.api.Caller;
import org.meterline.grid.api.GridObject;
import org.meterline.grid.api.GridReferences;
import org.meterline.tariff.api.ServiceRateReferences;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells the grid and tariff capabilities which of their objects POCs point at, so a site,
 * project, power grid or service rate that a POC (active or ended) uses is not deleted.
 */
@Component(service = {GridReferences.class, ServiceRateReferences.class})
public class PocReferences implements GridReferences, ServiceRateReferences {

    private final ArchiveSchema schema;

    @Activate
    public PocReferences(@Reference ArchiveSchema schema) {
        this.schema = schema;
    }

    @Override
    public String referrers() {
        return "POCs";
    }

    @Override
    public long countReferences(Caller caller, GridObject kind, long id) {
        String attribute;
        switch (kind) {
            case SITE:
                attribute = "siteId";
                break;
            case PROJECT:
                attribute = "projectId";
                break;
            default:
                attribute = "powerGridId";
        }
        return count(caller, attribute, id);
    }

    @Override
    public long countReferences(Caller caller, long serviceRateId) {
        return count(caller, "serviceRateId", serviceRateId);
    }

    private long count(Caller caller, String attribute, long id) {
        return schema.jpa().inTenant(caller.tenantId(), em -> em.createQuery(
                "SELECT COUNT(p) FROM PocEntity p WHERE p." + attribute + " = :id", Long.class)
                .setParameter("id", id).getSingleResult());
    }
}
