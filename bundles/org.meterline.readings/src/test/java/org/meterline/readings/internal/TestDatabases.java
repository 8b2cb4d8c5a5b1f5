package org.meterline.readings.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: a fresh, empty database per test, on embedded Derby (a new database in
 * {@code target/}) or on PostgreSQL (a new schema in the database {@link PgServer} provides, a
 * throwaway cluster by default). The PostgreSQL server is obtained once per test run and stopped
 * when the run ends; when there is none the test FAILS with {@link PgServer#HOW_TO_GET_ONE}.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final TestDatabases DBS = new TestDatabases();
 *
 * &#64;ParameterizedTest
 * &#64;EnumSource(TestDatabases.Kind.class)
 * void something(TestDatabases.Kind kind) {
 *     DataSource ds = DBS.open(kind);
 * </pre>
 */
public final class TestDatabases implements BeforeEachCallback, AfterEachCallback {

    public enum Kind {
        DERBY, POSTGRESQL
    }

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(TestDatabases.class);
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final Deque<AutoCloseable> cleanups = new ArrayDeque<>();
    private ExtensionContext context;

    @Override
    public void beforeEach(ExtensionContext ctx) {
        context = ctx;
    }

    @Override
    public void afterEach(ExtensionContext ctx) throws Exception {
        Exception first = null;
        while (!cleanups.isEmpty()) {
            try {
                cleanups.pop().close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** A new empty database of the kind, removed after the test. */
    public DataSource open(Kind kind) throws SQLException {
        if (kind == Kind.DERBY) {
            Path dir = Path.of("target", "derby-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
            EmbeddedDataSource ds = new EmbeddedDataSource();
            ds.setDatabaseName(dir.toString());
            ds.setCreateDatabase("create");
            cleanups.push(() -> {
                EmbeddedDataSource stop = new EmbeddedDataSource();
                stop.setDatabaseName(dir.toString());
                stop.setShutdownDatabase("shutdown");
                try {
                    stop.getConnection().close();
                } catch (SQLException expected) {
                    // Derby reports a shut-down database with an exception
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            });
            return ds;
        }
        PgServer pg = postgres();
        String schema = "mlt_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        DataSource ds = pg.newSchema(schema);
        cleanups.push(() -> pg.dropSchema(schema));
        return ds;
    }

    private PgServer postgres() {
        if (context == null) {
            throw new IllegalStateException("register TestDatabases with @RegisterExtension");
        }
        return context.getRoot().getStore(NS).getOrComputeIfAbsent(PgServer.class, k -> new Closing(PgServer.obtain(false)),
                Closing.class).server;
    }

    /** Stops the server when the whole test run ends. */
    private static final class Closing implements ExtensionContext.Store.CloseableResource {
        final PgServer server;

        Closing(PgServer server) {
            this.server = server;
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
