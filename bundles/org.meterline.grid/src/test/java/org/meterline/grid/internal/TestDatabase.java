package org.meterline.grid.internal;

import java.nio.file.Path;
import java.util.Map;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.meterline.tariff.api.TariffService;

/** An embedded Derby database in a folder, with the grid persistence unit on it. */
public final class TestDatabase implements AutoCloseable {

    private final EmbeddedDataSource dataSource = new EmbeddedDataSource();
    private final EntityManagerFactory emf;

    public TestDatabase(Path dir) {
        dataSource.setDatabaseName(dir.resolve("db").toString());
        dataSource.setCreateDatabase("create");
        emf = Persistence.createEntityManagerFactory("meterline.grid",
                Map.of("javax.persistence.nonJtaDataSource", dataSource));
    }

    /** The grid service as DS would activate it. */
    public GridServiceImpl gridService(TariffService tariff) {
        return new GridServiceImpl(dataSource, emf, tariff);
    }

    @Override
    public void close() {
        emf.close();
    }
}
