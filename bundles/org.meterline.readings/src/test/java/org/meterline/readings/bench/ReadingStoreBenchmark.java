package org.meterline.readings.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.meterline.core.api.Caller;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.Role;
import org.meterline.persistence.SchemaMigrations;
import org.meterline.readings.api.Reading;
import org.meterline.readings.api.ReadingStore;
import org.meterline.readings.api.WriteOutcome;
import org.meterline.readings.internal.BenchAccess;
import org.meterline.readings.internal.PgServer;

/**
 * One day of load profiles for a fleet (default 10,000 meters × 4 cumulative energy channels ×
 * 96 quarter-hours = 3.84 M rows), written once through {@link ReadingStore#write} and once by a
 * plain JDBC batch insert of the same rows into the same schema, each into a fresh database, on
 * Derby and on PostgreSQL. Prints seconds, rows/s, commits/s and the ratio store / raw.
 *
 * <pre>
 * mvn -B -o -pl bundles/org.meterline.readings exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.meterline.readings.bench.ReadingStoreBenchmark [-Dmeters=10000] [-Ddb=derby,postgresql]
 *     [-DrowsPerCommit=4000] [-Dreps=2] [-DreplayMeters=1000] [-DmergeMeters=1000]
 * </pre>
 *
 * PostgreSQL: MLTEST_PG_URL (+ MLTEST_PG_USER, MLTEST_PG_PASSWORD), else a throwaway cluster with
 * fsync on. Each figure is the sum of {@code reps} runs (raw first, then store first, ...), after a
 * warm-up. {@code replayMeters} > 0 also times writing that many meters' rows a second time (all
 * already present); {@code mergeMeters} > 0 times Derby's {@code MERGE} (the alternative the store
 * does not use) against a plain batch INSERT on that many meters.
 */
public final class ReadingStoreBenchmark {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReadingStoreBenchmark.class);

    /** Figures go to the log (slf4j-simple prints them), one line each. */
    private static void print(String format, Object... args) {
        LOG.info(String.format(java.util.Locale.ROOT, format, args).stripTrailing());
    }

    private static final ObisCode[] CHANNELS = {ObisCode.parse("1-0:1.8.0.255"), ObisCode.parse("1-0:2.8.0.255"),
            ObisCode.parse("1-0:3.8.0.255"), ObisCode.parse("1-0:4.8.0.255")};
    private static final Instant DAY = Instant.parse("2026-11-25T23:00:00Z");
    private static final Caller WRITER = new Caller("bench", 1, 7, 7, EnumSet.of(Role.OPERATOR));

    private final int meters;
    private final int rowsPerCommit;
    private final int metersPerCall;

    private ReadingStoreBenchmark(int meters, int rowsPerCommit) {
        this.meters = meters;
        this.rowsPerCommit = rowsPerCommit;
        this.metersPerCall = Math.max(1, rowsPerCommit / (CHANNELS.length * 96));
    }

    /** Fresh, empty databases of one kind; each is dropped when its run is over. */
    private interface Target extends AutoCloseable {
        DataSource fresh() throws SQLException;

        /** Drops the database {@link #fresh} gave last. */
        void dropLast() throws SQLException;

        @Override
        default void close() {
        }
    }

    private interface Run {
        Figures run(DataSource ds) throws SQLException;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("derby.stream.error.file", Path.of("target", "derby-bench.log").toString());
        int meters = Integer.getInteger("meters", 10_000);
        int rowsPerCommit = Integer.getInteger("rowsPerCommit", BenchAccess.DEFAULT_ROWS_PER_COMMIT);
        int mergeMeters = Integer.getInteger("mergeMeters", 0);
        int reps = Integer.getInteger("reps", 2);
        int replayMeters = Integer.getInteger("replayMeters", 0);
        List<String> dbs = List.of(System.getProperty("db", "derby,postgresql").split(","));
        ReadingStoreBenchmark bench = new ReadingStoreBenchmark(meters, rowsPerCommit);
        long rows = (long) meters * CHANNELS.length * 96;
        print("%,d meters x %d channels x 96 = %,d rows; %d meters (%,d rows) per write call and"
                + " commit; %d runs each, alternating order; %d cores, JVM %s%n", meters, CHANNELS.length, rows,
                bench.metersPerCall, bench.metersPerCall * CHANNELS.length * 96, reps,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        LOG.info("{}", "load average before: " + loadAverage());
        for (String db : dbs) {
            boolean derby = db.trim().equalsIgnoreCase("derby");
            try (Target target = derby ? new DerbyTarget() : new PgTarget(PgServer.obtain(true))) {
                String name = derby ? "Derby" : "PostgreSQL";
                if (target instanceof PgTarget) {
                    PgServer pg = ((PgTarget) target).pg;
                    LOG.info("{}", "PostgreSQL: " + pg.url() + (pg.throwaway() ? " (throwaway cluster, fsync on)" : ""));
                }
                // warm-up (JIT, driver classes) on throwaway databases, so no timed run pays for it
                ReadingStoreBenchmark warmUp = new ReadingStoreBenchmark(Math.min(meters, 200), rowsPerCommit);
                measure(target, ds -> warmUp.raw(ds, "INSERT"));
                measure(target, warmUp::store);
                Figures raw = Figures.NONE;
                Figures store = Figures.NONE;
                for (int rep = 0; rep < reps; rep++) {
                    boolean rawFirst = rep % 2 == 0;
                    Figures a = measure(target, rawFirst ? ds -> bench.raw(ds, "INSERT") : bench::store);
                    Figures b = measure(target, rawFirst ? bench::store : ds -> bench.raw(ds, "INSERT"));
                    Figures r = rawFirst ? a : b;
                    Figures st = rawFirst ? b : a;
                    print("  %s run %d raw:   %s%n  %s run %d store: %s%n", name, rep + 1, r, name,
                            rep + 1, st);
                    raw = raw.plus(r);
                    store = store.plus(st);
                }
                bench.print(name, raw, store);
                if (replayMeters > 0) {
                    ReadingStoreBenchmark small = new ReadingStoreBenchmark(replayMeters, rowsPerCommit);
                    Figures[] both = new Figures[2];
                    measure(target, ds -> {
                        both[0] = small.store(ds);
                        both[1] = small.replay(ds);
                        return both[1];
                    });
                    print("  %s store, new rows:      %s%n  %s store, replayed rows: %s%n", name,
                            both[0], name, both[1]);
                }
                if (derby && mergeMeters > 0) {
                    ReadingStoreBenchmark small = new ReadingStoreBenchmark(mergeMeters, rowsPerCommit);
                    Figures rawSmall = measure(target, ds -> small.raw(ds, "INSERT"));
                    Figures merge = measure(target, ds -> small.raw(ds, "MERGE"));
                    print("  Derby INSERT batch on %,d rows: %s%n  Derby MERGE batch (not used): %s%n",
                            rawSmall.rows, rawSmall, merge);
                }
            }
        }
    }

    private static Figures measure(Target target, Run run) throws SQLException {
        DataSource ds = target.fresh();
        try {
            return run.run(ds);
        } finally {
            target.dropLast();
        }
    }

    private static final class DerbyTarget implements Target {
        private Path dir;

        @Override
        public DataSource fresh() {
            dir = Path.of("target", "bench-derby-" + suffix()).toAbsolutePath();
            EmbeddedDataSource ds = new EmbeddedDataSource();
            ds.setDatabaseName(dir.toString());
            ds.setCreateDatabase("create");
            return ds;
        }

        @Override
        public void dropLast() {
            EmbeddedDataSource stop = new EmbeddedDataSource();
            stop.setDatabaseName(dir.toString());
            stop.setShutdownDatabase("shutdown");
            try {
                stop.getConnection().close();
            } catch (SQLException expected) {
                // a shut-down database answers with an exception
            }
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (java.io.IOException e) {
                // left for mvn clean
            }
        }
    }

    /** One schema at a time: SchemaMigrations looks for its history table in every schema of the database. */
    private static final class PgTarget implements Target {
        final PgServer pg;
        private String schema;

        PgTarget(PgServer pg) {
            this.pg = pg;
        }

        @Override
        public DataSource fresh() throws SQLException {
            schema = "bench_" + suffix();
            return pg.newSchema(schema);
        }

        @Override
        public void dropLast() throws SQLException {
            pg.dropSchema(schema);
        }

        @Override
        public void close() {
            pg.close();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private void print(String db, Figures raw, Figures store) {
        LOG.info("{}", "  load average: " + loadAverage());
        print("%s raw JDBC batch, all runs: %s%n", db, raw);
        print("%s ReadingStore, all runs:   %s%n", db, store);
        print("%s store / raw (rows/s): %.2f%n", db, store.rowsPerSecond() / raw.rowsPerSecond());
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    /** The rows of one write call: meters [first, first + metersPerCall), every channel, 96 values each. */
    private List<Reading> rows(int firstMeter) {
        List<Reading> out = new ArrayList<>(metersPerCall * CHANNELS.length * 96);
        for (int m = firstMeter; m < Math.min(meters, firstMeter + metersPerCall); m++) {
            for (ObisCode channel : CHANNELS) {
                long register = 1_000_000L * (m % 97) + 12_345;
                for (int q = 1; q <= 96; q++) {
                    register += 17 + (q * m) % 23;
                    out.add(Reading.good(m + 1, channel, DAY.plus(15L * q, ChronoUnit.MINUTES),
                            BigDecimal.valueOf(register, 3)));
                }
            }
        }
        return out;
    }

    private Figures store(DataSource ds) {
        ReadingStore store = BenchAccess.store(ds, rowsPerCommit);
        long start = System.nanoTime();
        long rows = 0;
        long commits = 0;
        for (int m = 0; m < meters; m += metersPerCall) {
            List<Reading> batch = rows(m);
            WriteOutcome out = store.write(WRITER, batch);
            if (out.written() != batch.size()) {
                throw new IllegalStateException("expected all rows new: " + out);
            }
            rows += batch.size();
            commits += (batch.size() + rowsPerCommit - 1) / rowsPerCommit;
        }
        return new Figures(rows, commits, System.nanoTime() - start);
    }

    /** Writes the same rows through a second store instance; every one is already there. */
    private Figures replay(DataSource ds) {
        ReadingStore store = BenchAccess.store(ds, rowsPerCommit);
        long start = System.nanoTime();
        long rows = 0;
        long commits = 0;
        for (int m = 0; m < meters; m += metersPerCall) {
            List<Reading> batch = rows(m);
            WriteOutcome out = store.write(WRITER, batch);
            if (out.alreadyPresent() != batch.size()) {
                throw new IllegalStateException("expected all rows present: " + out);
            }
            rows += batch.size();
            commits += (batch.size() + rowsPerCommit - 1) / rowsPerCommit;
        }
        return new Figures(rows, commits, System.nanoTime() - start);
    }

    /** The same rows by a straightforward JDBC batch: INSERT (or Derby MERGE), one batch and commit per call's rows. */
    private Figures raw(DataSource ds, String kind) throws SQLException {
        SchemaMigrations.migrate(ds, "readings", ReadingStoreBenchmark.class.getClassLoader());
        String sql = kind.equals("MERGE")
                ? "MERGE INTO ML_READING t USING SYSIBM.SYSDUMMY1 ON t.TENANT_ID = ? AND t.METER_ID = ? AND t.ITEM = ?"
                        + " AND t.READ_AT = ? WHEN NOT MATCHED THEN INSERT (TENANT_ID, METER_ID, ITEM, READ_AT,"
                        + " READING_VALUE, QUALITY) VALUES (?, ?, ?, ?, ?, ?)"
                : "INSERT INTO ML_READING (TENANT_ID, METER_ID, ITEM, READ_AT, READING_VALUE, QUALITY)"
                        + " VALUES (?, ?, ?, ?, ?, ?)";
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        long start = System.nanoTime();
        long rows = 0;
        long commits = 0;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int m = 0; m < meters; m += metersPerCall) {
                    for (Reading r : rows(m)) {
                        int p = 1;
                        long item = BenchAccess.pack(r.item());
                        if (kind.equals("MERGE")) {
                            ps.setLong(p++, WRITER.tenantId());
                            ps.setLong(p++, r.meterId());
                            ps.setLong(p++, item);
                            ps.setTimestamp(p++, Timestamp.from(r.at()), utc);
                        }
                        ps.setLong(p++, WRITER.tenantId());
                        ps.setLong(p++, r.meterId());
                        ps.setLong(p++, item);
                        ps.setTimestamp(p++, Timestamp.from(r.at()), utc);
                        ps.setBigDecimal(p++, r.value());
                        ps.setShort(p, (short) r.quality().ordinal());
                        ps.addBatch();
                        rows++;
                    }
                    ps.executeBatch();
                    c.commit();
                    commits++;
                }
            }
        }
        return new Figures(rows, commits, System.nanoTime() - start);
    }

    private record Figures(long rows, long commits, long nanos) {
        static final Figures NONE = new Figures(0, 0, 0);

        Figures plus(Figures o) {
            return new Figures(rows + o.rows, commits + o.commits, nanos + o.nanos);
        }

        double seconds() {
            return nanos / 1e9;
        }

        double rowsPerSecond() {
            return rows / seconds();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d rows in %.1f s = %,.0f rows/s, %,.1f commits/s", rows, seconds(),
                    rowsPerSecond(), commits / seconds());
        }
    }

    static {
        try {
            Files.createDirectories(Path.of("target"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
