package org.meterline.collection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.archive.api.AcquisitionModule;
import org.meterline.archive.api.AcquisitionModuleService;
import org.meterline.archive.api.ModuleStatus;
import org.meterline.archive.api.ModuleType;
import org.meterline.collection.api.CollectionService;
import org.meterline.collection.api.ModuleSignal;
import org.meterline.collection.api.RunState;
import org.meterline.collection.api.SignalPoint;
import org.meterline.collection.api.TaskRun;
import org.meterline.collection.api.TaskTemplate;
import org.meterline.core.api.Caller;
import org.meterline.core.api.ForbiddenException;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Role;
import org.meterline.core.api.ValidationException;
import org.meterline.driver.api.MeterDriver;
import org.meterline.driver.api.MeterSession;
import org.meterline.driver.api.Security;
import org.meterline.driver.api.SessionSettings;
import org.meterline.driver.api.Signal;
import org.meterline.readings.api.ReadingStore;
import org.meterline.simulator.Fault;
import org.meterline.simulator.Fleet;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SecurityMode;
import org.meterline.simulator.SimulatedMeter;

/**
 * Network Monitor end to end: MODULE_SIGNAL runs through the real routes, the real DLMS driver and simulated
 * meters, the real readings store and collection tables on Derby; the archive's modules are a small fake.
 * Meter 200 + i sits behind module i + 1 (one meter per module).
 */
class NetworkMonitorTest {

    private static final long TENANT = 9;
    private static Fleet fleet;

    @TempDir
    Path dir;

    private EntityManagerFactory emf;
    private CollectionStore store;
    private ReadingStore readings;
    private MeterDriver driver;
    private CollectionRoutes routes;
    private CollectionServiceImpl service;
    private final Map<Long, SimulatedMeter> byId = new HashMap<>();
    private final Caller viewer = new Caller("viewer", 900L, TENANT, TENANT, EnumSet.of(Role.VIEWER));

    private static final List<AcquisitionModule> MODULES = List.of(
            new AcquisitionModule(1, "MOD-A1", ModuleType.GPRS, null, null, "127.0.0.1:1", ModuleStatus.ONLINE),
            new AcquisitionModule(2, "MOD-A2", ModuleType.LTE, null, null, "127.0.0.1:2", ModuleStatus.ONLINE),
            new AcquisitionModule(3, "MOD-B3", ModuleType.GPRS, null, null, "127.0.0.1:3", ModuleStatus.ONLINE),
            new AcquisitionModule(4, "MOD-B4", ModuleType.NB_IOT, null, null, "127.0.0.1:4", ModuleStatus.ONLINE));

    @BeforeAll
    static void startFleet() throws Exception {
        fleet = Fleet.start(FleetSpec.of(4, 0).withName("netmon-test").withSecurity(SecurityMode.NONE));
    }

    @AfterAll
    static void stopFleet() {
        fleet.close();
    }

    /** The archive's modules of customer {@link #TENANT}: list (filter on the serial) and get. */
    private static AcquisitionModuleService modules() {
        return (AcquisitionModuleService) Proxy.newProxyInstance(AcquisitionModuleService.class.getClassLoader(),
                new Class<?>[] {AcquisitionModuleService.class}, (p, m, args) -> {
                    Caller c = (Caller) args[0];
                    List<AcquisitionModule> mine = c.tenantId() == TENANT ? MODULES : List.of();
                    if (m.getName().equals("listModules")) {
                        PageRequest page = (PageRequest) args[1];
                        List<AcquisitionModule> hits = mine.stream().filter(x -> x.serialNumber().toLowerCase(Locale.ROOT)
                                .contains(page.filter().toLowerCase(Locale.ROOT))).toList();
                        return new Page<>(hits.stream().skip(page.offset()).limit(page.limit()).toList(), hits.size());
                    }
                    if (m.getName().equals("getModule")) {
                        return mine.stream().filter(x -> x.id() == (Long) args[1]).findFirst()
                                .orElseThrow(() -> NotFoundException.of("Acquisition module", args[1]));
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    @BeforeEach
    void start() throws Exception {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        emf = Persistence.createEntityManagerFactory("meterline.collection", Map.of("javax.persistence.nonJtaDataSource", ds));
        store = new CollectionStore(ds, emf);
        readings = Configs.construct("org.meterline.readings.internal.ReadingStoreImpl", ReadingStore.class, ds,
                Configs.of("org.meterline.readings.internal.ReadingStoreImpl$Config", Map.of()));
        driver = Configs.construct("org.meterline.driver.dlms.internal.DlmsDriver", MeterDriver.class,
                Configs.of("org.meterline.driver.dlms.internal.Config", Map.of("profileDirectory", "",
                        "counterDirectory", dir.resolve("counters").toString())));
        List<MeterSelector.Target> targets = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byId.put(200L + i, fleet.meters().get(i));
            targets.add(new MeterSelector.Target(200L + i, fleet.meters().get(i).serialNumber(), i + 1L));
        }
        routes = new CollectionRoutes(new DefaultCamelContext(), Settings.defaults().withRetries(2, 20)
                .withParallelism(4, 2), store, new FleetAccess(byId, driver, Duration.ofSeconds(2), Duration.ofSeconds(1)),
                readings, (caller, task) -> targets);
        service = new CollectionServiceImpl(store, routes, null, null, modules(), readings, 0);
    }

    @AfterEach
    void stop() {
        routes.deactivate();
        emf.close();
        fleet.meters().forEach(SimulatedMeter::clearFaults);
    }

    private long signalTask(int intervalMinutes) {
        return store.inTenant(TENANT, em -> {
            TaskEntity t = new TaskEntity();
            t.name = "signal-" + System.nanoTime();
            t.template = TaskTemplate.MODULE_SIGNAL;
            t.gridId = 1;
            t.startTime = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            t.intervalMinutes = intervalMinutes;
            t.enabled = true;
            em.persist(t);
            em.flush();
            return t.id;
        });
    }

    private TaskRun run(long task) throws InterruptedException {
        TaskRun run = routes.launch(TENANT, task, "test", Instant.now());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (run.state() == RunState.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(50);
            run = store.getRun(TENANT, run.id());
        }
        assertEquals(RunState.FINISHED, run.state(), run.toString());
        return run;
    }

    /** What the simulated meter's module reports now, read through the DLMS driver. */
    private Signal signalOf(SimulatedMeter m) {
        MeterSession s = driver.open(new SessionSettings(m.serialNumber(), m.host(), m.port(), m.logicalDevice(),
                m.clientId(), new Security.None(), Duration.ofSeconds(2), Duration.ofSeconds(2))).value();
        try {
            return s.readSignal().value();
        } finally {
            s.close();
        }
    }

    private Map<String, ModuleSignal> monitor(String filter) {
        return service.networkModules(viewer, new PageRequest(0, 50, "serialNumber", true, filter)).items().stream()
                .collect(Collectors.toMap(ModuleSignal::serialNumber, Function.identity()));
    }

    @Test
    void modulesShowTheirSignalLastContactAndOnlineStatus() throws Exception {
        long task = signalTask(60);
        // module 4's meter never answers; module 3's answers the first run only
        fleet.meters().get(3).inject(new Fault.NoAnswer());
        TaskRun first = run(task);
        assertEquals(3, first.metersSucceeded());
        Thread.sleep(20);
        fleet.meters().get(2).inject(new Fault.NoAnswer());
        TaskRun second = run(task);
        assertEquals(2, second.metersSucceeded());

        Map<String, ModuleSignal> m = monitor("");
        assertEquals(4, m.size());
        for (int i = 0; i < 2; i++) {
            ModuleSignal ms = m.get("MOD-A" + (i + 1));
            Signal expected = signalOf(fleet.meters().get(i));
            assertEquals(-113 + 2 * expected.quality(), expected.rssiDbm());
            assertEquals(expected.rssiDbm(), ms.signalDbm(), ms.toString());
            assertEquals(expected.quality(), ms.signalQuality(), ms.toString());
            assertTrue(ms.online(), ms.toString());
            assertNotNull(ms.lastContact());
            assertFalse(ms.lastContact().isBefore(second.started()), ms.toString());
            assertEquals(120, ms.onlineWindowMinutes(), "twice the enabled signal task's interval");
            assertEquals("gprs", m.get("MOD-A1").type());
        }
        ModuleSignal older = m.get("MOD-B3");
        assertNotNull(older.lastContact());
        assertTrue(older.lastContact().isBefore(second.started()), "last contact is the first run's: " + older);
        assertTrue(older.lastContact().isBefore(m.get("MOD-A1").lastContact()));
        assertNotNull(older.signalDbm(), "the signal of the first run stays the latest");

        ModuleSignal never = m.get("MOD-B4");
        assertFalse(never.online(), never.toString());
        assertNull(never.lastContact());
        assertNull(never.signalDbm());
        assertNull(never.signalQuality());

        // just after module 3's last contact plus the window: module 3 is offline, module 1 still online
        Instant later = older.lastContact().plus(Duration.ofMinutes(120)).plusMillis(1);
        Map<String, ModuleSignal> t = new NetworkMonitor(store, modules(), readings, 0)
                .modules(viewer, PageRequest.first(10), later).items().stream()
                .collect(Collectors.toMap(ModuleSignal::serialNumber, Function.identity()));
        assertTrue(t.get("MOD-A1").online(), t.toString());
        assertFalse(t.get("MOD-B3").online(), t.toString());

        assertEquals(List.of("MOD-B3", "MOD-B4"), monitor("b").keySet().stream().sorted().toList());
        assertEquals(4, service.networkModules(viewer, PageRequest.first(2)).total());
        assertEquals(2, service.networkModules(viewer, PageRequest.first(2)).items().size());
    }

    @Test
    void historyListsTheModulesSignalReadingsOfAPeriod() throws Exception {
        long task = signalTask(1440);
        run(task);
        Thread.sleep(20);
        run(task);
        Instant now = Instant.now();
        List<SignalPoint> h = service.moduleSignalHistory(viewer, 1, now.minus(Duration.ofDays(7)), now.plusSeconds(1));
        assertEquals(2, h.size(), h.toString());
        assertTrue(h.get(0).at().isBefore(h.get(1).at()), "oldest first");
        Signal expected = signalOf(fleet.meters().get(0));
        for (SignalPoint p : h) {
            assertEquals(200L, p.meterId());
            assertEquals(fleet.meters().get(0).serialNumber(), p.meterSerial());
            assertEquals(expected.rssiDbm(), p.dbm());
            assertEquals(expected.quality(), p.quality());
        }
        assertEquals(0, service.moduleSignalHistory(viewer, 1, now.minus(Duration.ofDays(9)),
                now.minus(Duration.ofDays(8))).size());
        List<SignalPoint> fourth = service.moduleSignalHistory(viewer, 4, now.minus(Duration.ofDays(7)), now.plusSeconds(1));
        assertEquals(2, fourth.size(), fourth.toString());
        assertTrue(fourth.stream().allMatch(p -> p.meterId() == 203L), "only the module's own meter: " + fourth);

        ValidationException tooLong = assertThrows(ValidationException.class, () -> service.moduleSignalHistory(viewer, 1,
                now.minus(Duration.ofDays(CollectionService.MAX_HISTORY_DAYS + 1)), now));
        assertEquals("to", tooLong.errors().get(0).field());
        assertThrows(ValidationException.class, () -> service.moduleSignalHistory(viewer, 1, now, now));
        Caller other = new Caller("other", 901L, TENANT + 1, TENANT + 1, EnumSet.of(Role.VIEWER));
        assertThrows(NotFoundException.class, () -> service.moduleSignalHistory(other, 1, now.minusSeconds(60), now));
        assertEquals(0, service.networkModules(other, PageRequest.first(10)).total());
        Caller nobody = new Caller("nobody", 902L, TENANT, TENANT, EnumSet.noneOf(Role.class));
        assertThrows(ForbiddenException.class, () -> service.networkModules(nobody, PageRequest.first(10)));
    }

    @Test
    void qualityIsTheCsqOfTheStrength() {
        assertEquals(0, SignalPoint.qualityOf(-120));
        assertEquals(0, SignalPoint.qualityOf(-113));
        assertEquals(21, SignalPoint.qualityOf(-71));
        assertEquals(31, SignalPoint.qualityOf(-51));
        assertEquals(31, SignalPoint.qualityOf(-40));
    }
}
