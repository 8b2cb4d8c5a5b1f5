package org.meterline.readings.internal;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the store knows, told apart by {@link DatabaseMetaData#getDatabaseProductName()}. */
enum Dialect {
    /** Embedded Derby: batch insert; a batch that hits a duplicate key is finished without the rows already stored. */
    DERBY,
    /** PostgreSQL: one {@code INSERT ... SELECT FROM unnest(arrays) ON CONFLICT DO NOTHING} per chunk. */
    POSTGRESQL;

    static Dialect of(DatabaseMetaData meta) throws SQLException {
        String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("derby")) {
            return DERBY;
        }
        throw new IllegalStateException("The readings store runs on Derby or PostgreSQL, not on "
                + meta.getDatabaseProductName());
    }
}
