package org.meterline.archive.internal;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.meterline.persistence.Jpa;
import org.meterline.persistence.SchemaMigrations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The archive's schema and persistence unit, ready for use: migrates {@code db/archive} once and
 * hands the archive's services their {@link Jpa}. Every archive service references it, so none
 * runs before the schema is current.
 */
@Component(service = ArchiveSchema.class)
public class ArchiveSchema {

    static final String AREA = "archive";

    private final Jpa jpa;

    @Activate
    public ArchiveSchema(@Reference(target = "(osgi.jndi.service.name=meterline)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=meterline.archive)") EntityManagerFactory emf) {
        SchemaMigrations.migrate(dataSource, "archive", ArchiveSchema.class.getClassLoader());
        this.jpa = new Jpa(emf);
    }

    Jpa jpa() {
        return jpa;
    }
}
