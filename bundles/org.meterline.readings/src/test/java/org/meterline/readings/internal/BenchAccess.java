package org.meterline.readings.internal;

import javax.sql.DataSource;
import org.meterline.core.api.ObisCode;
import org.meterline.readings.api.ReadingStore;

/** What the benchmark (another package) needs from the package-private implementation. */
public final class BenchAccess {

    public static final int DEFAULT_ROWS_PER_COMMIT = ReadingStoreImpl.DEFAULT_ROWS_PER_COMMIT;

    private BenchAccess() {
    }

    public static ReadingStore store(DataSource ds, int rowsPerCommit) {
        return new ReadingStoreImpl(ds, rowsPerCommit);
    }

    public static long pack(ObisCode item) {
        return ObisKey.pack(item);
    }
}
