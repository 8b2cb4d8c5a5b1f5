package org.meterline.collection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.collection.api.MeterOutcome;
import org.meterline.collection.api.OutcomeStatus;
import org.meterline.collection.api.TaskRun;
import org.meterline.collection.api.TaskTemplate;
import org.meterline.collection.internal.Messages.MeterJob;
import org.meterline.collection.internal.Messages.ReadResult;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.PageRequest;
import org.meterline.readings.api.Reading;
import org.meterline.readings.api.ReadingStore;

/**
 * The group commit of the store route, on the real readings store and collection tables (embedded
 * Derby): results handed in at once share commits, every value and outcome arrives, and a meter the
 * store refuses fails alone.
 */
class StoreBatcherTest {

    private static final long TENANT = 7;
    private static final ObisCode ITEM = ObisCode.parse("1.0.1.8.0.255");
    private static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");

    @TempDir
    Path dir;

    private EmbeddedDataSource ds;
    private EntityManagerFactory emf;
    private CollectionStore store;
    private ReadingStore real;
    /** The meter ids of each write call the batcher made, in order. */
    private final List<List<Long>> writeCalls = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger calls = new AtomicInteger();
    private long runId;

    @BeforeEach
    void start() throws Exception {
        ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        emf = Persistence.createEntityManagerFactory("meterline.collection",
                Map.of("javax.persistence.nonJtaDataSource", ds));
        store = new CollectionStore(ds, emf);
        real = Configs.construct("org.meterline.readings.internal.ReadingStoreImpl", ReadingStore.class, ds,
                Configs.of("org.meterline.readings.internal.ReadingStoreImpl$Config", Map.of()));
        long taskId = store.inTenant(TENANT, em -> {
            TaskEntity t = new TaskEntity();
            t.name = "batch";
            t.template = TaskTemplate.LOAD_PROFILE;
            t.gridId = 1;
            t.startTime = DAY;
            t.intervalMinutes = 1440;
            em.persist(t);
            em.flush();
            return t.id;
        });
        TaskRun run = store.startRun(TENANT, taskId, "test", DAY, DAY.plus(1, ChronoUnit.DAYS));
        runId = run.id();
    }

    @AfterEach
    void stop() {
        emf.close();
    }

    /** The real store behind a proxy that records each write call and makes the first one slow. */
    private ReadingStore recording(long firstCallMillis) {
        return (ReadingStore) Proxy.newProxyInstance(ReadingStore.class.getClassLoader(),
                new Class<?>[] {ReadingStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("writeByMeter")) {
                        List<?> rows = (List<?>) args[1];
                        writeCalls.add(rows.stream().map(r -> ((Reading) r).meterId()).distinct().toList());
                        if (calls.getAndIncrement() == 0) {
                            Thread.sleep(firstCallMillis); // the others queue up meanwhile
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private ReadResult result(long meterId, int values, BigDecimal value) {
        MeterJob job = new MeterJob(TENANT, runId, TaskTemplate.LOAD_PROFILE, DAY, DAY.plus(1, ChronoUnit.DAYS),
                meterId, "SN" + meterId, 1L);
        List<Reading> rows = new ArrayList<>();
        for (int q = 1; q <= values; q++) {
            rows.add(Reading.good(meterId, ITEM, DAY.plusSeconds(900L * q), value.add(BigDecimal.valueOf(q))));
        }
        return ReadResult.ok(job, 1, values + " intervals", rows, List.of());
    }

    /** Hands every result in from its own thread at the same moment; answers the outcomes by meter. */
    private Map<Long, MeterOutcome> storeAtOnce(StoreBatcher batcher, List<ReadResult> results) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(results.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<MeterOutcome>> futures = new ArrayList<>();
            for (ReadResult r : results) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return batcher.store(r);
                }));
            }
            go.countDown();
            Map<Long, MeterOutcome> out = new ConcurrentHashMap<>();
            for (Future<MeterOutcome> f : futures) {
                MeterOutcome o = f.get(30, TimeUnit.SECONDS);
                out.put(o.meterId(), o);
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private long storedRows() throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ML_READING")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Map<Long, MeterOutcome> recordedOutcomes() {
        return store.listOutcomes(TENANT, runId, PageRequest.first(500)).items().stream()
                .collect(Collectors.toMap(MeterOutcome::meterId, Function.identity()));
    }

    @Test
    void resultsHandedInTogetherShareCommitsAndAllArrive() throws Exception {
        StoreBatcher batcher = new StoreBatcher(recording(300), store, 10_000, 0);
        List<ReadResult> results = new ArrayList<>();
        for (long m = 1; m <= 12; m++) {
            results.add(result(m, 96, BigDecimal.TEN));
        }
        Map<Long, MeterOutcome> answered = storeAtOnce(batcher, results);

        assertEquals(12, answered.size());
        answered.values().forEach(o -> assertEquals(OutcomeStatus.SUCCEEDED, o.status(), o.message()));
        answered.values().forEach(o -> assertEquals(96, o.valuesStored()));
        assertEquals(12 * 96, storedRows());
        Map<Long, MeterOutcome> recorded = recordedOutcomes();
        assertEquals(answered.keySet(), recorded.keySet());
        // the first write held the lock for 300 ms: the other eleven waited and went together
        assertTrue(writeCalls.size() < 12, "write calls " + writeCalls);
        assertTrue(writeCalls.stream().anyMatch(meters -> meters.size() > 1), "write calls " + writeCalls);
        assertTrue(batcher.meanBatch() > 1, "mean batch " + batcher.meanBatch());
    }

    @Test
    void aBatchLingersForResultsThatArriveShortlyAfter() throws Exception {
        // lingering up to 500 ms, quiet spells of up to 200 ms allowed
        StoreBatcher batcher = new StoreBatcher(recording(0), store, 10_000, 500, 200_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<MeterOutcome>> futures = new ArrayList<>();
            for (long m = 1; m <= 4; m++) {
                ReadResult r = result(m, 96, BigDecimal.TEN);
                futures.add(pool.submit(() -> batcher.store(r)));
                Thread.sleep(30); // one after the other, well within the linger
            }
            for (Future<MeterOutcome> f : futures) {
                assertEquals(OutcomeStatus.SUCCEEDED, f.get(30, TimeUnit.SECONDS).status());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(List.of(1L, 2L, 3L, 4L)), writeCalls, "one write for all four");
        assertEquals(4 * 96, storedRows());
    }

    @Test
    void aBatchStopsLingeringWhenNothingMoreComes() throws Exception {
        StoreBatcher batcher = new StoreBatcher(recording(0), store, 10_000, 5_000);
        long t0 = System.nanoTime();
        assertEquals(OutcomeStatus.SUCCEEDED, batcher.store(result(1, 96, BigDecimal.TEN)).status());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        // a lone result is written after a quiet spell of 2 ms, not after the 5 s linger
        assertTrue(millis < 2_000, millis + " ms");
    }

    @Test
    void eachMeterOfABatchIsToldWhatWasStoredAlready() throws Exception {
        // meter 2 was read before: 40 of its 96 intervals are stored
        real.write(CollectionRoutes.system(TENANT), result(2, 40, BigDecimal.TEN).readings());
        StoreBatcher batcher = new StoreBatcher(recording(300), store, 10_000, 0);
        List<ReadResult> results = new ArrayList<>();
        for (long m = 1; m <= 4; m++) {
            results.add(result(m, 96, BigDecimal.TEN));
        }
        Map<Long, MeterOutcome> answered = storeAtOnce(batcher, results);

        assertTrue(writeCalls.stream().anyMatch(meters -> meters.size() > 1), "write calls " + writeCalls);
        for (long m = 1; m <= 4; m++) {
            MeterOutcome o = answered.get(m);
            assertEquals(96, o.valuesStored(), o.toString());
            assertEquals(m == 2, o.message().contains("already stored"), o.toString());
        }
        assertTrue(answered.get(2L).message().endsWith("(40 already stored)"), answered.get(2L).message());
        assertEquals(4 * 96, storedRows());
    }

    @Test
    void theBatchIsCutAtMaxRows() throws Exception {
        StoreBatcher batcher = new StoreBatcher(recording(300), store, 200, 0);
        List<ReadResult> results = new ArrayList<>();
        for (long m = 1; m <= 8; m++) {
            results.add(result(m, 96, BigDecimal.TEN));
        }
        storeAtOnce(batcher, results);

        assertEquals(8 * 96, storedRows());
        // 96 values a meter, 200 at most a batch: never more than two meters share a write
        assertTrue(writeCalls.stream().allMatch(meters -> meters.size() <= 2), "write calls " + writeCalls);
    }

    @Test
    void aMeterTheStoreRefusesFailsAloneAndTheOthersAreStored() throws Exception {
        StoreBatcher batcher = new StoreBatcher(recording(300), store, 10_000, 0);
        List<ReadResult> results = new ArrayList<>();
        for (long m = 1; m <= 6; m++) {
            // meter 4's values are beyond what the store accepts (|value| < 1E25)
            results.add(result(m, 96, m == 4 ? new BigDecimal("1E30") : BigDecimal.ONE));
        }
        MeterJob failedJob = new MeterJob(TENANT, runId, TaskTemplate.LOAD_PROFILE, DAY, DAY.plus(1, ChronoUnit.DAYS),
                7, "SN7", 1L);
        results.add(ReadResult.failed(failedJob, 3, "TIMEOUT", "no answer within 2 s"));
        Map<Long, MeterOutcome> answered = storeAtOnce(batcher, results);

        Map<Long, MeterOutcome> recorded = recordedOutcomes();
        assertEquals(7, recorded.size());
        for (long m = 1; m <= 6; m++) {
            MeterOutcome o = recorded.get(m);
            if (m == 4) {
                assertEquals(OutcomeStatus.FAILED, o.status());
                assertEquals("STORE_FAILED", o.errorKind());
            } else {
                assertEquals(OutcomeStatus.SUCCEEDED, o.status(), o.message());
            }
            assertEquals(o.status(), answered.get(m).status());
        }
        assertEquals(OutcomeStatus.FAILED, recorded.get(7L).status());
        assertEquals("TIMEOUT", recorded.get(7L).errorKind());
        assertEquals(3, recorded.get(7L).attempts());
        assertEquals(5 * 96, storedRows());
    }
}
