package org.meterline.collection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.collection.api.MeterOutcome;
import org.meterline.collection.api.OutcomeStatus;
import org.meterline.collection.api.RunState;
import org.meterline.collection.api.TaskRun;
import org.meterline.collection.api.TaskTemplate;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.PageRequest;
import org.meterline.driver.api.DriverError;
import org.meterline.driver.api.MeterDriver;
import org.meterline.readings.api.Reading;
import org.meterline.readings.api.ReadingStore;
import org.meterline.simulator.Fault;
import org.meterline.simulator.Fleet;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SecurityMode;
import org.meterline.simulator.SimulatedMeter;

/**
 * The collection routes end to end in plain JUnit: a real CamelContext with the route set, a simulated
 * DLMS fleet read through the real DLMS driver, the real readings store and the collection tables on
 * embedded Derby. Meter i of the fleet has id 100 + i and sits behind module 1 (even i) or 2 (odd i).
 */
class CollectionRoutesTest {

    private static final long TENANT = 7;
    private static final int METERS = 12;
    private static Fleet fleet;

    @TempDir
    Path dir;

    private EmbeddedDataSource ds;
    private EntityManagerFactory emf;
    private CollectionStore store;
    private ReadingStore readings;
    private MeterDriver driver;
    private CollectionRoutes routes;
    private final Map<Long, SimulatedMeter> byId = new HashMap<>();

    @BeforeAll
    static void startFleet() throws Exception {
        fleet = Fleet.start(FleetSpec.of(METERS, 0).withName("collection-test").withSecurity(SecurityMode.NONE)
                .withHistoryDays(10));
    }

    @AfterAll
    static void stopFleet() {
        fleet.close();
    }

    @BeforeEach
    void start() throws Exception {
        ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        emf = Persistence.createEntityManagerFactory("meterline.collection", Map.of("javax.persistence.nonJtaDataSource", ds));
        store = new CollectionStore(ds, emf);
        readings = Configs.construct("org.meterline.readings.internal.ReadingStoreImpl", ReadingStore.class, ds,
                Configs.of("org.meterline.readings.internal.ReadingStoreImpl$Config", Map.of()));
        driver = Configs.construct("org.meterline.driver.dlms.internal.DlmsDriver", MeterDriver.class,
                Configs.of("org.meterline.driver.dlms.internal.Config", Map.of("profileDirectory", "",
                        "counterDirectory", dir.resolve("counters").toString())));
        for (int i = 0; i < METERS; i++) {
            byId.put(100L + i, fleet.meters().get(i));
        }
    }

    @AfterEach
    void stop() {
        if (routes != null) {
            routes.deactivate();
        }
        emf.close();
        fleet.meters().forEach(SimulatedMeter::clearFaults);
    }

    private CollectionRoutes routes(Settings settings, List<MeterSelector.Target> targets) throws Exception {
        return routes(new DefaultCamelContext(), settings, targets);
    }

    private CollectionRoutes routes(org.apache.camel.CamelContext camel, Settings settings,
            List<MeterSelector.Target> targets) throws Exception {
        FleetAccess access = new FleetAccess(byId, driver, Duration.ofSeconds(3), Duration.ofSeconds(2));
        routes = new CollectionRoutes(camel, settings, store, access, readings, (caller, task) -> targets);
        return routes;
    }

    private static List<MeterSelector.Target> fleetTargets() {
        List<MeterSelector.Target> out = new ArrayList<>();
        for (int i = 0; i < METERS; i++) {
            out.add(new MeterSelector.Target(100L + i, fleet.meters().get(i).serialNumber(), i % 2 == 0 ? 1L : 2L));
        }
        return out;
    }

    private long task(TaskTemplate template, int intervalMinutes) {
        return store.inTenant(TENANT, em -> {
            TaskEntity t = new TaskEntity();
            t.name = template.id() + "-" + System.nanoTime();
            t.template = template;
            t.gridId = 1;
            t.startTime = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            t.intervalMinutes = intervalMinutes;
            t.enabled = false;
            em.persist(t);
            em.flush();
            return t.id;
        });
    }

    private TaskRun await(TaskRun run) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        TaskRun now = run;
        while (now.state() == RunState.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = store.getRun(TENANT, run.id());
        }
        assertFalse(now.state() == RunState.RUNNING, "run did not finish: " + now);
        return now;
    }

    private Map<String, MeterOutcome> outcomes(TaskRun run) {
        return store.listOutcomes(TENANT, run.id(), PageRequest.first(1000)).items().stream()
                .collect(Collectors.toMap(MeterOutcome::meterSerial, Function.identity()));
    }

    private static Settings fast() {
        return Settings.defaults().withRetries(3, 50).withParallelism(4, 2);
    }

    @Test
    void registersOfEveryMeterAreReadAndStored() throws Exception {
        routes(fast(), fleetTargets());
        long task = task(TaskTemplate.DAILY_REGISTERS, 1440);
        TaskRun run = await(routes.launch(TENANT, task, "test", Instant.now()));

        assertEquals(RunState.FINISHED, run.state());
        assertEquals(METERS, run.metersTotal());
        assertEquals(METERS, run.metersSucceeded(), () -> outcomes(run).toString());
        assertEquals(0, run.metersFailed());
        for (MeterOutcome o : outcomes(run).values()) {
            assertEquals(OutcomeStatus.SUCCEEDED, o.status());
            assertEquals(1, o.attempts());
            assertEquals(6, o.valuesStored(), o.toString());
        }
        List<Reading> stored = readings.readings(CollectionRoutes.system(TENANT), 100L, ObisCode.parse("1.0.1.8.0.255"),
                run.periodStart().minus(Duration.ofDays(1)), Instant.now().plusSeconds(60), 100).readings();
        assertEquals(1, stored.size());
        assertTrue(stored.get(0).value().signum() > 0);
    }

    @Test
    void loadProfileIsGapFilledFromTheLastStoredIntervalAndReplaysAreIdempotent() throws Exception {
        SimulatedMeter first = fleet.meters().get(0);
        SimulatedMeter second = fleet.meters().get(1);
        routes(fast(), List.of(new MeterSelector.Target(100L, first.serialNumber(), 1L),
                new MeterSelector.Target(101L, second.serialNumber(), 1L)));
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        // meter 100 was last read 2 days before: its profile is read from there on, meter 101's only for the hour
        Instant lastStored = end.minus(Duration.ofDays(2));
        readings.write(CollectionRoutes.system(TENANT), List.of(Reading.good(100L, TemplateReader.GAP_CHANNEL,
                lastStored, BigDecimal.ONE)));
        long task = task(TaskTemplate.LOAD_PROFILE, 60);

        TaskRun run = await(routes.launch(TENANT, task, "test", end));
        assertEquals(2, run.metersSucceeded(), () -> outcomes(run).toString());
        Map<String, MeterOutcome> o = outcomes(run);
        int channels = 4;
        assertEquals(2 * 24 * 4 * channels, o.get(first.serialNumber()).valuesStored(), o.toString());
        assertEquals(4 * channels, o.get(second.serialNumber()).valuesStored(), o.toString());

        TaskRun replay = await(routes.launch(TENANT, task, "test", end));
        Map<String, MeterOutcome> again = outcomes(replay);
        assertEquals(2, replay.metersSucceeded());
        // the gap is filled now: meter 100 reads only the run's hour, and nothing is stored twice
        assertEquals(4 * channels, again.get(first.serialNumber()).valuesStored(), again.toString());
        assertTrue(again.get(first.serialNumber()).message().contains("already stored"), again.toString());
        assertEquals(2 * 24 * 4 + 1, readings.readings(CollectionRoutes.system(TENANT), 100L, TemplateReader.GAP_CHANNEL,
                lastStored, end.plusSeconds(1), ReadingStore.MAX_LIMIT).readings().size());
    }

    @Test
    void metersThatContinueFromTheirLastRunNeedNoGapLookupOfTheirOwn() throws Exception {
        ReadingStore real = readings;
        List<Long> lookedUp = java.util.Collections.synchronizedList(new ArrayList<>());
        readings = (ReadingStore) java.lang.reflect.Proxy.newProxyInstance(ReadingStore.class.getClassLoader(),
                new Class<?>[] {ReadingStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("readings")) {
                        lookedUp.add((Long) args[1]);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        routes(fast(), fleetTargets().subList(0, 3));
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant start = end.minus(Duration.ofHours(1));
        // meters 100 and 101 ended their previous run at this period's start; 102 was never read
        real.write(CollectionRoutes.system(TENANT), List.of(Reading.good(100L, TemplateReader.GAP_CHANNEL, start,
                BigDecimal.ONE), Reading.good(101L, TemplateReader.GAP_CHANNEL, start, BigDecimal.ONE)));
        long task = task(TaskTemplate.LOAD_PROFILE, 60);

        TaskRun run = await(routes.launch(TENANT, task, "test", end));

        assertEquals(3, run.metersSucceeded(), () -> outcomes(run).toString());
        // the hour's four intervals of four channels each, for all three
        outcomes(run).values().forEach(o -> assertEquals(16, o.valuesStored(), o.toString()));
        assertFalse(lookedUp.contains(100L), lookedUp.toString());
        assertFalse(lookedUp.contains(101L), lookedUp.toString());
        assertTrue(lookedUp.contains(102L), lookedUp.toString());
    }

    @Test
    void faultsEndInTheRightOutcomeAndRetryableOnesAreRetried() throws Exception {
        List<MeterSelector.Target> targets = new ArrayList<>(fleetTargets().subList(0, 4));
        targets.add(new MeterSelector.Target(999L, "NOMODULE", null));
        routes(fast(), targets);
        fleet.meters().get(0).inject(new Fault.NoAnswer());
        fleet.meters().get(1).inject(new Fault.Garbage());
        fleet.meters().get(2).inject(new Fault.DropMidProfile());
        long task = task(TaskTemplate.LOAD_PROFILE, 60);

        TaskRun run = await(routes.launch(TENANT, task, "test", Instant.now().truncatedTo(ChronoUnit.MINUTES)));
        Map<String, MeterOutcome> o = outcomes(run);
        assertEquals(5, run.metersTotal());
        assertEquals(1, run.metersSucceeded(), o.toString());
        assertEquals(4, run.metersFailed(), o.toString());

        MeterOutcome noAnswer = o.get(fleet.meters().get(0).serialNumber());
        assertEquals(DriverError.Kind.TIMEOUT.name(), noAnswer.errorKind());
        assertEquals(3, noAnswer.attempts(), "retried up to maxAttempts");

        MeterOutcome garbage = o.get(fleet.meters().get(1).serialNumber());
        assertEquals(DriverError.Kind.PROTOCOL_ERROR.name(), garbage.errorKind());
        assertEquals(1, garbage.attempts(), "not retryable: fails at once");

        MeterOutcome dropped = o.get(fleet.meters().get(2).serialNumber());
        assertEquals(DriverError.Kind.CONNECTION_FAILED.name(), dropped.errorKind());
        assertEquals(3, dropped.attempts());

        MeterOutcome healthy = o.get(fleet.meters().get(3).serialNumber());
        assertEquals(OutcomeStatus.SUCCEEDED, healthy.status());
        assertEquals(1, healthy.attempts());

        MeterOutcome unconfigured = o.get("NOMODULE");
        assertEquals(DriverError.Kind.NOT_CONFIGURED.name(), unconfigured.errorKind());
        assertEquals(1, unconfigured.attempts());
    }

    @Test
    void parallelismIsBoundedGloballyAndPerModule() throws Exception {
        routes(Settings.defaults().withRetries(1, 0).withParallelism(3, 2), fleetTargets());
        fleet.meters().forEach(m -> m.inject(new Fault.SlowAnswer(Duration.ofMillis(150))));
        long task = task(TaskTemplate.CLOCK_CHECK, 60);

        TaskRun run = await(routes.launch(TENANT, task, "test", Instant.now()));
        assertEquals(METERS, run.metersSucceeded(), () -> outcomes(run).toString());
        assertTrue(routes.maxConcurrentReads() <= 3, "global bound: " + routes.maxConcurrentReads());
        assertTrue(routes.maxConcurrentReads() >= 2, "reads ran in parallel: " + routes.maxConcurrentReads());
        assertTrue(routes.maxConcurrentPerModule() <= 2, "module bound: " + routes.maxConcurrentPerModule());
        assertTrue(outcomes(run).values().iterator().next().message().startsWith("clock deviation"));
    }

    @Test
    void everyTemplateReadsSomething() throws Exception {
        routes(fast(), fleetTargets().subList(4, 6));
        for (TaskTemplate t : List.of(TaskTemplate.EVENT_LOGS, TaskTemplate.MODULE_SIGNAL)) {
            long task = task(t, 7 * 24 * 60);
            TaskRun run = await(routes.launch(TENANT, task, "test", Instant.now()));
            assertEquals(2, run.metersSucceeded(), () -> t + ": " + outcomes(run));
        }
    }

    @Test
    void aTaskRunsOnceAtATimeAndARunWithoutMetersFinishesAtOnce() throws Exception {
        routes(fast(), List.of());
        long task = task(TaskTemplate.DAILY_REGISTERS, 60);
        TaskRun run = await(routes.launch(TENANT, task, "test", Instant.now()));
        assertEquals(RunState.FINISHED, run.state());
        assertEquals(0, run.metersTotal());
        assertEquals(1, store.listRuns(TENANT, task, PageRequest.first(10)).total());
    }

    @Test
    void routesHaveTheirIdsAndTheStoreEndpointIsConfiguration() throws Exception {
        routes(fast().withStoreEndpoint("direct:readings-test"), fleetTargets().subList(0, 1));
        List<String> ids = routes.camel().getRoutes().stream().map(r -> r.getRouteId()).sorted().toList();
        assertEquals(List.of("collection-read", "collection-run", "collection-store"), ids);
        assertEquals("direct://readings-test", routes.camel().getRoute("collection-store").getEndpoint().getEndpointUri());
        long task = task(TaskTemplate.DAILY_REGISTERS, 60);
        assertEquals(1, await(routes.launch(TENANT, task, "test", Instant.now())).metersSucceeded());
    }

    @Test
    void withTheJsonFormatResultsTravelAsJsonAndAreStoredTheSame() throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        List<Object> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        camel.getManagementStrategy().addEventNotifier(new org.apache.camel.support.EventNotifierSupport() {
            @Override
            public void notify(org.apache.camel.spi.CamelEvent event) {
                if (event instanceof org.apache.camel.spi.CamelEvent.ExchangeSendingEvent e
                        && e.getEndpoint().getEndpointUri().startsWith("seda://json-wire")) {
                    sent.add(e.getExchange().getIn().getBody());
                }
            }
        });
        routes(camel, fast().withStoreEndpoint("seda:json-wire?concurrentConsumers=2").withStoreJson(true),
                fleetTargets().subList(0, 4));
        long task = task(TaskTemplate.DAILY_REGISTERS, 1440);
        TaskRun run = await(routes.launch(TENANT, task, "test", Instant.now()));

        assertEquals(4, run.metersSucceeded(), () -> outcomes(run).toString());
        assertEquals(4, sent.size());
        for (Object body : sent) {
            // what a broker would carry: the versioned JSON, six registers of one meter
            String json = new String((byte[]) body, java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(json.startsWith("{\"format\":\"meterline.read-result\",\"version\":1"), json);
            assertEquals(6, ReadResultJson.fromJson(json).readings().size());
        }
        for (long meter = 100; meter < 104; meter++) {
            assertEquals(1, readings.readings(CollectionRoutes.system(TENANT), meter, ObisCode.parse("1.0.1.8.0.255"),
                    run.periodStart().minus(Duration.ofDays(1)), Instant.now().plusSeconds(60), 100).readings().size());
        }
    }

    @Test
    void anUnknownStoreFormatIsRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Settings.json("xml"));
        assertEquals("storeFormat must be object or json, not 'xml'", e.getMessage());
        assertTrue(Settings.json(" JSON "));
        assertFalse(Settings.json("object"));
    }

    static DataSource unused() {
        return null;
    }
}
