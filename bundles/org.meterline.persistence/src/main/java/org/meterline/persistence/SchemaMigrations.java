package org.meterline.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations, one ordered series per module (bundle).
 *
 * <p>A module keeps its scripts as resources {@code db/<module>/V1.sql}, {@code V2.sql}, ...;
 * a script {@code V<n>.<dialect>.sql} ({@code derby}, {@code postgresql}) replaces
 * {@code V<n>.sql} on that database. Statements end with a semicolon at the end of a line.
 * Applied versions are recorded in {@code ML_SCHEMA_HISTORY} with a checksum; each script runs in
 * its own transaction, so a failed upgrade leaves the previous version intact. Scripts only ever
 * add: an upgrade never drops data.
 */
public final class SchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final String HISTORY = "ML_SCHEMA_HISTORY";
    /** Bundles activate in parallel; history-table creation and each module's run are serialized. */
    private static final Object LOCK = new Object();

    private SchemaMigrations() {
    }

    /**
     * Applies every script of {@code module} newer than the recorded version.
     *
     * @return the number of scripts applied
     * @throws IllegalStateException when a script fails or an applied script was changed
     */
    public static int migrate(DataSource dataSource, String module, ClassLoader loader) {
        synchronized (LOCK) {
            try (Connection c = dataSource.getConnection()) {
                String dialect = dialect(c.getMetaData());
                ensureHistory(c);
                int current = currentVersion(c, module);
                int applied = 0;
                for (int v = 1;; v++) {
                    String name = scriptName(loader, module, v, dialect);
                    if (name == null) {
                        break;
                    }
                    String sql = read(loader, name);
                    if (v <= current) {
                        verifyChecksum(c, module, v, name, sql);
                        continue;
                    }
                    apply(c, module, v, name, sql);
                    applied++;
                }
                if (applied > 0) {
                    LOG.info("Schema of {} migrated from version {} to {}", module, current, current + applied);
                }
                return applied;
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("Schema migration of " + module + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** The version of {@code module} recorded in the database, 0 when none. */
    public static int version(DataSource dataSource, String module) {
        try (Connection c = dataSource.getConnection()) {
            ensureHistory(c);
            return currentVersion(c, module);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static String dialect(DatabaseMetaData meta) throws SQLException {
        String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return "postgresql";
        }
        return product.contains("derby") ? "derby" : product.replaceAll("[^a-z0-9]", "");
    }

    private static String scriptName(ClassLoader loader, String module, int version, String dialect) {
        String specific = "db/" + module + "/V" + version + "." + dialect + ".sql";
        if (loader.getResource(specific) != null) {
            return specific;
        }
        String generic = "db/" + module + "/V" + version + ".sql";
        return loader.getResource(generic) != null ? generic : null;
    }

    private static String read(ClassLoader loader, String name) throws IOException {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " vanished while migrating");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void ensureHistory(Connection c) throws SQLException {
        if (tableExists(c, HISTORY)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE " + HISTORY + " (MODULE VARCHAR(100) NOT NULL, VERSION INTEGER NOT NULL,"
                    + " SCRIPT VARCHAR(255) NOT NULL, CHECKSUM BIGINT NOT NULL, APPLIED_AT TIMESTAMP NOT NULL,"
                    + " PRIMARY KEY (MODULE, VERSION))");
        } catch (SQLException e) {
            if (!tableExists(c, HISTORY)) { // another node may have created it meanwhile
                throw e;
            }
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        // only the connection's own schema: another schema of the same database may hold another
        // Meterline installation (or a test's) with its own history
        String schema = c.getSchema();
        for (String candidate : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(null, schema, candidate, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int currentVersion(Connection c, String module) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(VERSION) FROM " + HISTORY + " WHERE MODULE = ?")) {
            ps.setString(1, module);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static void verifyChecksum(Connection c, String module, int version, String name, String sql)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT CHECKSUM FROM " + HISTORY + " WHERE MODULE = ? AND VERSION = ?")) {
            ps.setString(1, module);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getLong(1) != checksum(sql)) {
                    throw new IllegalStateException(name + " was changed after it was applied; add a new version instead");
                }
            }
        }
    }

    private static void apply(Connection c, String module, int version, String name, String sql) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String statement : statements(sql)) {
                s.execute(statement);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + HISTORY
                    + " (MODULE, VERSION, SCRIPT, CHECKSUM, APPLIED_AT) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, module);
                ps.setInt(2, version);
                ps.setString(3, name);
                ps.setLong(4, checksum(sql));
                ps.setTimestamp(5, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException(name + ": " + e.getMessage(), e.getSQLState(), e);
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Splits a script at semicolons that end a line; drops comment lines. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                out.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static long checksum(String sql) {
        CRC32 crc = new CRC32();
        crc.update(String.join("\n", statements(sql)).getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
