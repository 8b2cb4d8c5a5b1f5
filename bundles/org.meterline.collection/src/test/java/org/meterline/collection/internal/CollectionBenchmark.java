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
import org.meterline.collection.api.RunState;
import org.meterline.collection.api.TaskRun;
import org.meterline.collection.api.TaskTemplate;
import org.meterline.core.api.ObisCode;
import org.meterline.driver.api.MeterDriver;
import org.meterline.driver.api.MeterSession;
import org.meterline.driver.api.Result;
import org.meterline.driver.api.Security;
import org.meterline.driver.api.SessionSettings;
import org.meterline.driver.dlms.internal.RawJdlms;
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
 * driver and store them in the real readings store, on Derby and on PostgreSQL. Before that, in rounds
 * (-Drounds, 5): the same reads as a raw jDLMS client loop and as a plain driver loop (no routes, no
 * store), and the collection with the values discarded at the store (its reading side), each round's
 * collection compared with the raw loop of the same round; the median of the rounds is the figure. An
 * on-demand read every 50 ms runs during each collection (its latency), and the same rows are written
 * through the store and through a raw JDBC batch insert. The simulated meters run in a JVM of their own
 * ({@link SimulatorProcess}; -Dsimulator=inline for this one), so the CPU figures separate the head-end
 * from the meters. Not a test: a main class that prints figures.
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
        String[] databases = java.util.Arrays.stream(System.getProperty("databases", "derby,postgresql").split(","))
                .map(String::trim).filter(d -> !d.isEmpty()).toArray(String[]::new);
        Path work = Files.createTempDirectory("ml-collection-bench");
        // a whole day of intervals, ending at the last midnight (UTC)
        Instant end = Instant.now().truncatedTo(ChronoUnit.DAYS);
        print("Collection benchmark: %,d meters, %d read threads, day %s..%s, Java %s, %d cores%n", meters,
                threads, end.minus(Duration.ofDays(1)), end, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        long t = System.nanoTime();
        int port = Integer.getInteger("port", 25059);
        // the simulator in a JVM of its own by default (-Dsimulator=inline: in this one): the measured JVM is the
        // head-end's alone, and the simulator's garbage is collected elsewhere
        boolean inline = "inline".equals(System.getProperty("simulator", "process"));
        AutoCloseable simulator;
        List<SimulatedMeter> fleet;
        if (inline) {
            Fleet f = Fleet.start(FleetSpec.of(meters, port).withName("bench").withSecurity(SecurityMode.NONE)
                    .withHistoryDays(2));
            simulator = f;
            fleet = f.meters();
            simulatorCpu = () -> 0L;
        } else {
            SimulatorProcess p = SimulatorProcess.start(meters, port, List.of(System.getProperty("simulatorJvm",
                    "-Xmx4g -XX:+UseParallelGC").split(" ")));
            simulator = p;
            fleet = p.meters();
            simulatorCpu = () -> p.cpu().toNanos();
        }
        try (simulator) {
            print("simulator: %,d meters started in %.1f s, %s%n", meters, (System.nanoTime() - t) / 1e9,
                    inline ? "in this JVM" : "in a JVM of its own");
            Map<Long, SimulatedMeter> byId = new HashMap<>();
            List<MeterSelector.Target> targets = new ArrayList<>();
            for (int i = 0; i < meters; i++) {
                byId.put(1L + i, fleet.get(i));
                targets.add(new MeterSelector.Target(1L + i, fleet.get(i).serialNumber(), 1L + i / METERS_PER_MODULE));
            }
            MeterDriver driver = Configs.construct("org.meterline.driver.dlms.internal.DlmsDriver", MeterDriver.class,
                    Configs.of("org.meterline.driver.dlms.internal.Config", Map.of("profileDirectory", "",
                            "counterDirectory", work.resolve("counters").toString())));

            // warm-up (class loading, JIT, first contact): the loops with a tenth of the fleet, the collection with
            // -DwarmUp (half) of it; the collection's code (Camel, Derby, the batcher) runs per meter and per batch, far
            // less often than the DLMS code per value, and the JIT takes longer to finish with it
            List<SimulatedMeter> tenth = fleet.subList(0, Math.max(1, meters / 10));
            loop("warm-up", tenth, threads,
                    m -> RawJdlms.read(m, REGISTERS, PROFILE, end.minus(Duration.ofDays(1)), end, Duration.ofSeconds(20)),
                    m -> 0);
            // one database for the outcomes of all values-discarded runs, as a running platform has one: a new
            // embedded database per round would make Derby generate and the JIT compile its statements again each time
            Database outcomes = Database.open("derby", work);
            double warmUp = Double.parseDouble(System.getProperty("warmUp", "0.5"));
            collect(outcomes, "warm-up", true, byId, targets.subList(0, Math.max(1, (int) (meters * warmUp))), driver,
                    threads, end, 0);
            // the reading side: rounds of the raw jDLMS loop, the driver loop and the collection with the values
            // discarded at the store, side by side; on shared cores single passes vary by a third, so each round's
            // collection is compared with the raw loop of the same round, and the median of the rounds is the figure
            int rounds = Integer.getInteger("rounds", 5);
            List<Double> ratios = new ArrayList<>();
            List<Double> driverRatios = new ArrayList<>();
            List<Double> raws = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                boolean last = r == rounds;
                double raw = rawLoop(fleet, threads, end);
                profile(last, "driver-loop");
                double loop = driverLoop(fleet, driver, threads, end);
                profile(last, null);
                profile(last, "collection");
                double collected = collect(outcomes, "round " + r + ": values discarded", true, byId, targets, driver,
                        threads, end, raw);
                profile(last, null);
                raws.add(raw);
                ratios.add(collected / raw);
                driverRatios.add(loop / raw);
            }
            outcomes.close();
            double raw = median(raws);
            print("reading side, median of %d rounds: raw jDLMS loop %,.0f values/s; driver loop / raw jDLMS loop = %.2f;"
                    + " collection (values discarded) / raw jDLMS loop = %.2f (rounds: %s)%n", rounds, raw,
                    median(driverRatios), median(ratios), ratios.stream().map(x -> String.format(java.util.Locale.ROOT,
                            "%.2f", x)).toList());
            for (String db : databases) {
                try (Database database = Database.open(db.trim(), work)) {
                    collect(database, database.name(), false, byId, targets, driver, threads, end, raw);
                }
            }
        }
    }

    /**
     * With -DasyncProfiler=/path/to/libasyncProfiler.so (and its jar on the class path) the last round's driver
     * loop and collection are CPU-profiled into collapsed stacks (-DprofileDir, default the temp folder): a
     * developer's aid for finding where the collection's extra CPU goes. Starts with a name, stops with null.
     */
    private static void profile(boolean when, String name) {
        String library = System.getProperty("asyncProfiler");
        if (!when || library == null) {
            return;
        }
        try {
            Object profiler = Class.forName("one.profiler.AsyncProfiler").getMethod("getInstance", String.class)
                    .invoke(null, library);
            java.lang.reflect.Method execute = profiler.getClass().getMethod("execute", String.class);
            if (name != null) {
                profiling = Path.of(System.getProperty("profileDir", System.getProperty("java.io.tmpdir")),
                        "collection-bench-" + name + ".collapsed");
                execute.invoke(profiler, "start,event=cpu,interval=1ms,threads");
            } else {
                execute.invoke(profiler, "stop,collapsed,file=" + profiling);
                print("CPU profile written to %s%n", profiling);
            }
        } catch (ReflectiveOperationException e) {
            print("async-profiler not usable: %s%n", e);
        }
    }

    private static Path profiling;

    /** CPU time of the simulator's JVM so far (0 when it runs in this one, whose CPU then includes it). */
    private static java.util.function.LongSupplier simulatorCpu = () -> 0L;

    private static double median(List<Double> xs) {
        List<Double> sorted = new ArrayList<>(xs);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Reads one meter in a pass; answers the values read, or -1 when it failed. */
    @FunctionalInterface
    private interface MeterRead {
        long read(SimulatedMeter m) throws Exception;
    }

    /**
     * The same reads as the collection's two tasks, outside it: a registers pass and a load-profile pass
     * over the fleet (one association per meter and pass, as the two tasks make). Answers values/s.
     */
    private static double loop(String name, List<SimulatedMeter> meters, int threads, MeterRead registers, MeterRead profile)
            throws Exception {
        AtomicLong values = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        long sim0 = simulatorCpu.getAsLong();
        long[] gc0 = gcAndJit();
        Map<String, Long> threads0 = threadCpu();
        Map<String, Long> threads1 = new HashMap<>();
        for (MeterRead pass : List.of(registers, profile)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(meters.size());
            for (SimulatedMeter m : meters) {
                pool.execute(() -> {
                    try {
                        long n = pass.read(m);
                        if (n < 0) {
                            failures.incrementAndGet();
                        } else {
                            values.addAndGet(n);
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();
            threads1.putAll(threadCpu()); // the pool's threads while they live
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.HOURS);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        double sim = (simulatorCpu.getAsLong() - sim0) / 1e9;
        double rate = values.get() / seconds;
        print("%s: %,d values, %d failures, %.1f s, %,.0f values/s; CPU %s; %s%n", name, values.get(),
                failures.get(), seconds, rate, cpuFigures(cpu, sim, values.get()), gcAndJitSince(gc0));
        print("%s: CPU by thread: %s%n", name, byThreadGroup(threads0, threads1, cpu));
        return rate;
    }

    /** The driver loop: the same reads through the DLMS driver, no routes, no store. */
    private static double driverLoop(List<SimulatedMeter> fleet, MeterDriver driver, int threads, Instant end) throws Exception {
        Instant from = end.minus(Duration.ofDays(1)).plusSeconds(1);
        return loop("driver loop (no routes, no store)", fleet, threads, m -> {
            Result<MeterSession> open = driver.open(settings(m));
            if (!open.isOk()) {
                return -1;
            }
            try (MeterSession s = open.value()) {
                return s.read(REGISTERS).stream().filter(r -> r.result().isOk()).count();
            }
        }, m -> {
            Result<MeterSession> open = driver.open(settings(m));
            if (!open.isOk()) {
                return -1;
            }
            try (MeterSession s = open.value()) {
                var lp = s.readLoadProfile(PROFILE, from, end.plusSeconds(1));
                return lp.isOk() ? lp.value().entries().stream().mapToLong(e -> e.values().size()).sum() : -1;
            }
        });
    }

    /** The raw jDLMS client loop: the same requests with jDLMS alone. */
    private static double rawLoop(List<SimulatedMeter> fleet, int threads, Instant end) throws Exception {
        Instant from = end.minus(Duration.ofDays(1)).plusSeconds(1);
        Duration response = Duration.ofSeconds(20);
        return loop("raw jDLMS loop (no driver, no routes, no store)", fleet, threads,
                m -> RawJdlms.read(m, REGISTERS, null, from, end, response),
                m -> RawJdlms.read(m, List.of(), PROFILE, from, end.plusSeconds(1), response));
    }

    private static SessionSettings settings(SimulatedMeter m) {
        return new SessionSettings(m.serialNumber(), m.host(), m.port(), m.logicalDevice(), m.clientId(),
                new Security.None(), Duration.ofSeconds(30), Duration.ofSeconds(20));
    }

    /**
     * Runs the two tasks through the collection routes into the database; with {@code discard} the
     * readings store counts the values handed to it and drops them (outcomes and runs are still
     * recorded in the database): the collection's reading side alone.
     */
    private static double collect(Database db, String name, boolean discard, Map<Long, SimulatedMeter> byId,
            List<MeterSelector.Target> targets, MeterDriver driver, int threads, Instant end, double rawLoop)
            throws Exception {
        AtomicLong commits = new AtomicLong();
        DataSource counted = countingCommits(db.dataSource(), commits);
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("meterline.collection",
                Map.of("javax.persistence.nonJtaDataSource", counted));
        try {
            CollectionStore store = new CollectionStore(counted, emf);
            AtomicLong handed = new AtomicLong();
            ReadingStore real = Configs.construct("org.meterline.readings.internal.ReadingStoreImpl",
                    ReadingStore.class, counted,
                    Configs.of("org.meterline.readings.internal.ReadingStoreImpl$Config", Map.of()));
            ReadingStore readings = (ReadingStore) Proxy.newProxyInstance(ReadingStore.class.getClassLoader(),
                    new Class<?>[] {ReadingStore.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("write")) {
                            List<?> rows = (List<?>) args[1];
                            handed.addAndGet(rows.size());
                            if (discard && method.getName().equals("writeByMeter")) {
                                Map<Long, org.meterline.readings.api.WriteOutcome> out = new HashMap<>();
                                for (Object r : rows) {
                                    out.merge(((Reading) r).meterId(), new org.meterline.readings.api.WriteOutcome(1, 0),
                                            org.meterline.readings.api.WriteOutcome::plus);
                                }
                                return out;
                            }
                            if (discard) {
                                return new org.meterline.readings.api.WriteOutcome(rows.size(), 0);
                            }
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
                // a daily collection in its steady state: every meter ended yesterday's run with the interval at
                // midnight (the load-profile run continues from there without a gap lookup of its own)
                long seeded = seedYesterday(real, targets, end.minus(Duration.ofDays(1)));
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
                long cpu0 = cpuNanos();
                long sim0 = simulatorCpu.getAsLong();
                Map<String, Long> threads0 = threadCpu();
                long[] gc0 = gcAndJit();
                onDemand.start();
                TaskRun r1 = await(store, routes.launch(TENANT, registers, "bench", end));
                TaskRun r2 = await(store, routes.launch(TENANT, profile, "bench", end));
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpu = (cpuNanos() - cpu0) / 1e9;
                double sim = (simulatorCpu.getAsLong() - sim0) / 1e9;
                Map<String, Long> threads1 = threadCpu();
                collecting.set(false);
                onDemand.join();
                long rows = discard ? handed.get() : db.count("ML_READING") - seeded;
                double rate = rows / seconds;
                print("%s collection: registers %d/%d meters, profile %d/%d meters; %,d values %s in "
                        + "%.1f s (%.1f min): %,.0f values/s, %,.0f commits/s, %.1f meters per store batch; "
                        + "%sCPU %s%n",
                        name, r1.metersSucceeded(), r1.metersTotal(), r2.metersSucceeded(), r2.metersTotal(), rows,
                        discard ? "read" : "stored", seconds, seconds / 60, rate, commits.get() / seconds,
                        routes.meanStoreBatch(), rawLoop > 0 ? String.format(java.util.Locale.ROOT,
                                "%s / raw jDLMS loop = %.2f; ", discard ? "reading side" : "end to end (read and store)",
                                rate / rawLoop) : "",
                        cpuFigures(cpu, sim, rows));
                print("%s CPU by thread: %s; %s%n", name, byThreadGroup(threads0, threads1, cpu),
                        gcAndJitSince(gc0));
                print("%s on-demand reads during the collection: %d, p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                        name, latencies.size(), percentile(latencies, 0.50), percentile(latencies, 0.95),
                        percentile(latencies, 1.0));
                if (!discard && !Boolean.getBoolean("skipStoreComparison")) {
                    storeVersusRaw(db, real, byId.size());
                }
                return rate;
            } finally {
                routes.deactivate();
            }
        } finally {
            emf.close();
        }
    }

    /** Stores each meter's profile interval at {@code midnight} (channel 1.0.1.8.0.255); answers how many. */
    private static long seedYesterday(ReadingStore store, List<MeterSelector.Target> targets, Instant midnight) {
        List<Reading> rows = targets.stream()
                .map(t -> Reading.good(t.meterId(), TemplateReader.GAP_CHANNEL, midnight, BigDecimal.ONE)).toList();
        store.write(CollectionRoutes.system(TENANT), rows);
        return rows.size();
    }

    /** "head-end JVM 30.1 s (7.7 us a value), simulator JVM …": the CPU a phase took, per value. */
    private static String cpuFigures(double cpu, double simulator, long values) {
        long n = Math.max(1, values);
        if (simulator <= 0) {
            return String.format(java.util.Locale.ROOT, "of this JVM (head-end and simulator) %.1f s, %.2f us a value",
                    cpu, cpu * 1e6 / n);
        }
        return String.format(java.util.Locale.ROOT, "head-end JVM %.1f s (%.2f us a value), simulator JVM %.1f s "
                + "(%.2f us a value)", cpu, cpu * 1e6 / n, simulator, simulator * 1e6 / n);
    }

    /** Collections so far, their time (ms) and the JIT's compilation time (ms). */
    private static long[] gcAndJit() {
        long count = 0;
        long millis = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory
                .getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis, java.lang.management.ManagementFactory.getCompilationMXBean()
                .getTotalCompilationTime()};
    }

    private static String gcAndJitSince(long[] before) {
        long[] now = gcAndJit();
        return String.format(java.util.Locale.ROOT, "GC %d collections %.1f s, JIT %.1f s", now[0] - before[0],
                (now[1] - before[1]) / 1e3, (now[2] - before[2]) / 1e3);
    }

    /** CPU time of each live thread of this JVM, by "name#id". */
    private static Map<String, Long> threadCpu() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new HashMap<>();
        for (java.lang.management.ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (ti != null) {
                long ns = mx.getThreadCpuTime(ti.getThreadId());
                if (ns > 0) {
                    out.put(ti.getThreadName() + "#" + ti.getThreadId(), ns);
                }
            }
        }
        return out;
    }

    /**
     * "read threads 9.1 s, store threads 4.0 s, …, other (GC, JIT, ended threads) 3.2 s": what a phase's CPU
     * went to, threads grouped by their names without numbers.
     */
    private static String byThreadGroup(Map<String, Long> before, Map<String, Long> after, double cpuSeconds) {
        Map<String, Long> groups = new java.util.TreeMap<>();
        long sum = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (d > 0) {
                String name = e.getKey().substring(0, e.getKey().lastIndexOf('#')).replaceAll("[0-9]+", "N");
                groups.merge(name, d, Long::sum);
                sum += d;
            }
        }
        StringBuilder out = new StringBuilder();
        groups.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() >= 50_000_000L)
                .forEach(e -> out.append(String.format(java.util.Locale.ROOT, "%s %.1f s, ", e.getKey(),
                        e.getValue() / 1e9)));
        return out.append(String.format(java.util.Locale.ROOT, "other (GC, JIT, ended threads) %.1f s",
                cpuSeconds - sum / 1e9)).toString();
    }

    /** CPU time of this JVM (all threads: driver, routes, Derby, the simulator when inline; not a PostgreSQL server). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The data source with every commit counted (the store's and the outcomes' transactions). */
    private static DataSource countingCommits(DataSource ds, AtomicLong commits) {
        java.lang.reflect.InvocationHandler sources = (proxy, method, args) -> {
            Object out;
            try {
                out = method.invoke(ds, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
            if (!(out instanceof Connection c)) {
                return out;
            }
            return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (p, m, a) -> {
                        if (m.getName().equals("commit")) {
                            commits.incrementAndGet();
                        }
                        try {
                            return m.invoke(c, a);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                sources);
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

    private static final AtomicLong TASKS = new AtomicLong();

    private static long task(CollectionStore store, TaskTemplate template) {
        return store.inTenant(TENANT, em -> {
            TaskEntity t = new TaskEntity();
            t.name = template.id() + "-bench-" + TASKS.incrementAndGet(); // rounds share a database
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
            // pooled as in the distribution (etc/org.ops4j.datasource-meterline.cfg: pool = dbcp2)
            org.apache.commons.dbcp2.BasicDataSource pooled = new org.apache.commons.dbcp2.BasicDataSource();
            pooled.setDriverClassName("org.apache.derby.jdbc.EmbeddedDriver");
            pooled.setUrl("jdbc:derby:" + work.resolve("derby-" + System.nanoTime()) + ";create=true");
            pooled.setMaxTotal(20);
            return new Database("Derby", pooled, pooled::close);
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
