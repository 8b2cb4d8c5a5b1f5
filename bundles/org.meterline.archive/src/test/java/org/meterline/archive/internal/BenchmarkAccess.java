package org.meterline.archive.internal;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.meterline.archive.api.MeterModelService;
import org.meterline.archive.api.MeterService;

/** Hands the benchmark (another package) the archive's services on a database of its own. */
public final class BenchmarkAccess {

    private final MeterServiceImpl meters;
    private final MeterModelServiceImpl models;

    public BenchmarkAccess(DataSource ds, EntityManagerFactory emf) {
        ArchiveSchema schema = new ArchiveSchema(ds, emf);
        meters = new MeterServiceImpl(schema);
        models = new MeterModelServiceImpl(schema);
    }

    public MeterService meters() {
        return meters;
    }

    public MeterModelService models() {
        return models;
    }
}
