package org.meterline.collection.internal;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.meterline.collection.api.RunState;
import org.meterline.collection.api.TaskRun;
import org.meterline.collection.api.TaskTemplate;
import org.meterline.core.api.ObisCode;
import org.meterline.driver.api.MeterDriver;
import org.meterline.driver.api.MeterSession;
import org.meterline.driver.api.Result;
import org.meterline.driver.api.Security;
import org.meterline.driver.api.SessionSettings;
import org.meterline.readings.api.Reading;
import org.meterline.readings.api.ReadingStore;
import org.meterline.readings.internal.PgServer;
import org.meterline.simulator.Fleet;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SecurityMode;
import org.meterline.simulator.SimulatedMeter;

/**
 * A daily collection of many simulated meters (default 10,000), end to end: the collection routes read
 * the registers and one day of the 96 x 4-channel load profile of every meter through the real DLMS
 * driver and store them in the real readings store, on Derby and on PostgreSQL. In the same run: the
 * same reads as a plain driver loop (no routes, no store), an on-demand read every 50 ms during the
 * collection (its latency), and the same rows written through the store and through a raw JDBC batch
 * insert. Not a test: a main class that prints figures.
 *
 * <pre>
 * mvn -B -pl bundles/org.meterline.collection exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.meterline.collection.internal.CollectionBenchmark -Dmeters=10000
 * </pre>
 */
public final class CollectionBenchmark {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CollectionBenchmark.class);

    /** Figures go to the log (slf4j-simple prints them), one line each. */
    private static void print(String format, Object... args) {
        LOG.info(String.format(java.util.Locale.ROOT, format, args).stripTrailing());
    }

    private static final long TENANT = 7;
    private static final int METERS_PER_MODULE = 250;
    private static final List<ObisCode> REGISTERS = List.of(ObisCode.parse("1.0.1.8.0.255"),
            ObisCode.parse("1.0.2.8.0.255"), ObisCode.parse("1.0.3.8.0.255"), ObisCode.parse("1.0.4.8.0.255"),
            ObisCode.parse("1.0.1.8.1.255"), ObisCode.parse("1.0.1.8.2.255"));
    private static final ObisCode PROFILE = ObisCode.parse("1.0.99.1.0.255");

    private CollectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int meters = Integer.getInteger("meters", 10_000);
        int threads = Integer.getInteger("threads", 16);
        String[] databases = System.getProperty("databases", "derby,postgresql").split(",");
        Path work = Files.createTempDirectory("ml-collection-bench");
        // a whole day of intervals, ending at the last midnight (UTC)
        Instant end = Instant.now().truncatedTo(ChronoUnit.DAYS);
        print("Collection benchmark: %,d meters, %d read threads, day %s..%s, Java %s, %d cores%n", meters,
                threads, end.minus(Duration.ofDays(1)), end, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        long t = System.nanoTime();
        try (Fleet fleet = Fleet.start(FleetSpec.of(meters, Integer.getInteger("port", 25059)).withName("bench")
                .withSecurity(SecurityMode.NONE).withHistoryDays(2))) {
            print("simulator: %,d meters on %d ports started in %.1f s%n", meters, fleet.ports().size(),
                    (System.nanoTime() - t) / 1e9);
            Map<Long, SimulatedMeter> byId = new HashMap<>();
            List<MeterSelector.Target> targets = new ArrayList<>();
            for (int i = 0; i < meters; i++) {
                byId.put(1L + i, fleet.meters().get(i));
                targets.add(new MeterSelector.Target(1L + i, fleet.meters().get(i).serialNumber(),
                        1L + i / METERS_PER_MODULE));
            }
            MeterDriver driver = Configs.construct("org.meterline.driver.dlms.internal.DlmsDriver", MeterDriver.class,
                    Configs.of("org.meterline.driver.dlms.internal.Config", Map.of("profileDirectory", "",
                            "counterDirectory", work.resolve("counters").toString())));

            double loop = driverLoop(fleet, driver, threads, end);
            for (String db : databases) {
                try (Database database = Database.open(db.trim(), work)) {
                    collect(database, byId, targets, driver, threads, end, loop);
                }
            }
        }
    }

    /** The same reads as the collection, through the driver alone: values/s. */
    private static double driverLoop(Fleet fleet, MeterDriver driver, int threads, Instant end) throws Exception {
        AtomicLong values = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        for (SimulatedMeter m : fleet.meters()) {
            pool.execute(() -> {
                Result<MeterSession> open = driver.open(settings(m));
                if (!open.isOk()) {
                    failures.incrementAndGet();
                    return;
                }
                try (MeterSession s = open.value()) {
                    values.addAndGet(s.read(REGISTERS).stream().filter(r -> r.result().isOk()).count());
                    var lp = s.readLoadProfile(PROFILE, end.minus(Duration.ofDays(1)), end.plusSeconds(1));
                    if (lp.isOk()) {
                        values.addAndGet(lp.value().entries().stream().mapToLong(e -> e.values().size()).sum());
                    } else {
                        failures.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = values.get() / seconds;
        print("driver loop (no routes, no store): %,d values, %d failures, %.1f s, %,.0f values/s%n",
                values.get(), failures.get(), seconds, rate);
        return rate;
    }

    private static SessionSettings settings(SimulatedMeter m) {
        return new SessionSettings(m.serialNumber(), m.host(), m.port(), m.logicalDevice(), m.clientId(),
                new Security.None(), Duration.ofSeconds(30), Duration.ofSeconds(20));
    }

    private static void collect(Database db, Map<Long, SimulatedMeter> byId, List<MeterSelector.Target> targets,
            MeterDriver driver, int threads, Instant end, double driverLoop) throws Exception {
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("meterline.collection",
                Map.of("javax.persistence.nonJtaDataSource", db.dataSource()));
        try {
            CollectionStore store = new CollectionStore(db.dataSource(), emf);
            AtomicLong writes = new AtomicLong();
            ReadingStore real = Configs.construct("org.meterline.readings.internal.ReadingStoreImpl",
                    ReadingStore.class, db.dataSource(),
                    Configs.of("org.meterline.readings.internal.ReadingStoreImpl$Config", Map.of()));
            ReadingStore readings = (ReadingStore) Proxy.newProxyInstance(ReadingStore.class.getClassLoader(),
                    new Class<?>[] {ReadingStore.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("write")) {
                            writes.incrementAndGet(); // one write call is one transaction
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            FleetAccess access = new FleetAccess(byId, driver, Duration.ofSeconds(30), Duration.ofSeconds(20));
            CollectionRoutes routes = new CollectionRoutes(new DefaultCamelContext(),
                    storeEndpoint(Settings.defaults().withParallelism(threads, 4)), store, access, readings,
                    (caller, task) -> targets);
            try {
                long registers = task(store, TaskTemplate.DAILY_REGISTERS);
                long profile = task(store, TaskTemplate.LOAD_PROFILE);
                List<Long> latencies = new ArrayList<>();
                AtomicBoolean collecting = new AtomicBoolean(true);
                Thread onDemand = new Thread(() -> {
                    List<SimulatedMeter> all = new ArrayList<>(byId.values());
                    while (collecting.get()) {
                        SimulatedMeter m = all.get(ThreadLocalRandom.current().nextInt(all.size()));
                        long s0 = System.nanoTime();
                        Result<MeterSession> open = driver.open(settings(m));
                        if (open.isOk()) {
                            try (MeterSession s = open.value()) {
                                s.read(REGISTERS.subList(0, 2));
                            }
                        }
                        synchronized (latencies) {
                            latencies.add(System.nanoTime() - s0);
                        }
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "on-demand");
                long t0 = System.nanoTime();
                onDemand.start();
                TaskRun r1 = await(store, routes.launch(TENANT, registers, "bench", end));
                TaskRun r2 = await(store, routes.launch(TENANT, profile, "bench", end));
                double seconds = (System.nanoTime() - t0) / 1e9;
                collecting.set(false);
                onDemand.join();
                long rows = db.count("ML_READING");
                double rate = rows / seconds;
                print("%s collection: registers %d/%d meters, profile %d/%d meters; %,d values stored in "
                        + "%.1f s (%.1f min): %,.0f values/s, %,.0f commits/s; collection / driver loop = %.2f%n",
                        db.name(), r1.metersSucceeded(), r1.metersTotal(), r2.metersSucceeded(), r2.metersTotal(), rows,
                        seconds, seconds / 60, rate, writes.get() / seconds, rate / driverLoop);
                print("%s on-demand reads during the collection: %d, p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                        db.name(), latencies.size(), percentile(latencies, 0.50), percentile(latencies, 0.95),
                        percentile(latencies, 1.0));
                if (!Boolean.getBoolean("skipStoreComparison")) {
                    storeVersusRaw(db, real, byId.size());
                }
            } finally {
                routes.deactivate();
            }
        } finally {
            emf.close();
        }
    }

    /** -DstoreEndpoint=… replaces the default store endpoint (to try more consumers, say). */
    private static Settings storeEndpoint(Settings settings) {
        String endpoint = System.getProperty("storeEndpoint");
        return endpoint == null ? settings : settings.withStoreEndpoint(endpoint);
    }

    /** The same rows (390 a meter, as one collection writes them) through the store and through raw JDBC. */
    private static void storeVersusRaw(Database db, ReadingStore store, int meters) throws Exception {
        Instant day = Instant.parse("2026-01-10T00:00:00Z");
        long t0 = System.nanoTime();
        long rows = 0;
        for (int m = 0; m < meters; m++) {
            List<Reading> batch = rowsOf(1_000_000L + m, day);
            store.write(CollectionRoutes.system(TENANT), batch);
            rows += batch.size();
        }
        double storeSeconds = (System.nanoTime() - t0) / 1e9;
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ML_READING_RAW (TENANT_ID BIGINT NOT NULL, METER_ID BIGINT NOT NULL, ITEM BIGINT "
                    + "NOT NULL, READ_AT TIMESTAMP NOT NULL, READING_VALUE DECIMAL(31,6) NOT NULL, QUALITY SMALLINT NOT "
                    + "NULL, CONSTRAINT ML_READING_RAW_PK PRIMARY KEY (TENANT_ID, METER_ID, ITEM, READ_AT))");
        }
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        long t1 = System.nanoTime();
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ML_READING_RAW VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int m = 0; m < meters; m++) {
                    for (Reading r : rowsOf(1_000_000L + m, day)) {
                        ps.setLong(1, TENANT);
                        ps.setLong(2, r.meterId());
                        ps.setLong(3, key(r.item()));
                        ps.setTimestamp(4, Timestamp.from(r.at()), utc);
                        ps.setBigDecimal(5, r.value());
                        ps.setShort(6, (short) 0);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    c.commit();
                }
            }
        }
        double rawSeconds = (System.nanoTime() - t1) / 1e9;
        print("%s the same %,d rows, one commit per meter: store %.1f s (%,.0f rows/s), raw JDBC batch %.1f s "
                + "(%,.0f rows/s): store / raw = %.2f%n", db.name(), rows, storeSeconds, rows / storeSeconds, rawSeconds,
                rows / rawSeconds, rawSeconds / storeSeconds);
    }

    private static List<Reading> rowsOf(long meter, Instant day) {
        List<Reading> out = new ArrayList<>(390);
        for (int i = 0; i < REGISTERS.size(); i++) {
            out.add(Reading.good(meter, REGISTERS.get(i), day, BigDecimal.valueOf(1000 + i)));
        }
        for (int q = 1; q <= 96; q++) {
            for (int ch = 0; ch < 4; ch++) {
                out.add(Reading.good(meter, REGISTERS.get(ch), day.plusSeconds(900L * q), BigDecimal.valueOf(q * 10L + ch)));
            }
        }
        return out;
    }

    private static long key(ObisCode o) {
        return ((long) o.a() << 40) | ((long) o.b() << 32) | ((long) o.c() << 24) | ((long) o.d() << 16)
                | ((long) o.e() << 8) | o.f();
    }

    private static double percentile(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        int i = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
        return sorted.get(Math.max(0, i)) / 1e6;
    }

    private static long task(CollectionStore store, TaskTemplate template) {
        return store.inTenant(TENANT, em -> {
            TaskEntity t = new TaskEntity();
            t.name = template.id() + "-bench";
            t.template = template;
            t.gridId = 1;
            t.startTime = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            t.intervalMinutes = 1440;
            t.enabled = false;
            em.persist(t);
            em.flush();
            return t.id;
        });
    }

    private static TaskRun await(CollectionStore store, TaskRun run) throws InterruptedException {
        TaskRun now = run;
        while (now.state() == RunState.RUNNING) {
            Thread.sleep(200);
            now = store.getRun(TENANT, run.id());
        }
        return now;
    }

    /** A fresh database: embedded Derby in a folder, or a new schema of a (throwaway) PostgreSQL. */
    private record Database(String name, DataSource dataSource, AutoCloseable closer) implements AutoCloseable {
        static Database open(String kind, Path work) throws Exception {
            if ("postgresql".equals(kind)) {
                PgServer pg = PgServer.obtain(true);
                pg.dropSchema("collection_bench");
                org.postgresql.ds.PGSimpleDataSource plain = pg.newSchema("collection_bench");
                // pooled, as the distribution's DataSource is (pax-jdbc-pool-dbcp2): a new PostgreSQL
                // connection per transaction would measure connection set-up, not the collection
                org.apache.commons.dbcp2.BasicDataSource pooled = new org.apache.commons.dbcp2.BasicDataSource();
                pooled.setDriverClassName("org.postgresql.Driver");
                pooled.setUrl(pg.url() + (pg.url().contains("?") ? "&" : "?") + "currentSchema=collection_bench");
                pooled.setUsername(plain.getUser());
                pooled.setPassword(plain.getPassword());
                pooled.setMaxTotal(20);
                return new Database("PostgreSQL", pooled, () -> {
                    pooled.close();
                    pg.close();
                });
            }
            EmbeddedDataSource ds = new EmbeddedDataSource();
            ds.setDatabaseName(work.resolve("derby-" + System.nanoTime()).toString());
            ds.setCreateDatabase("create");
            return new Database("Derby", ds, () -> { });
        }

        long count(String table) throws Exception {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        @Override
        public void close() throws Exception {
            closer.close();
        }
    }
}
