package org.meterline.persistence;

import java.nio.file.Path;
import org.apache.derby.jdbc.EmbeddedDataSource;

/** A real embedded Derby database in a folder of the test's. */
public final class DerbyTestDb {

    private DerbyTestDb() {
    }

    public static EmbeddedDataSource create(Path dir) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        return ds;
    }
}
