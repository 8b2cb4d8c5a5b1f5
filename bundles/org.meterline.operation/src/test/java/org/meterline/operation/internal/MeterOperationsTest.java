package org.meterline.operation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.archive.api.Meter;
import org.meterline.core.api.Caller;
import org.meterline.core.api.ForbiddenException;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Role;
import org.meterline.core.api.ValidationException;
import org.meterline.operation.api.ItemValue;
import org.meterline.operation.api.MeterOperations;
import org.meterline.operation.api.OperationOutcome;
import org.meterline.operation.api.OperationRecord;
import org.meterline.operation.api.OperationType;
import org.meterline.operation.api.ReadOutcome;
import org.meterline.operation.api.ReadingItem;
import org.meterline.operation.api.ReadingItemSettings;
import org.meterline.operation.api.RelayAction;
import org.meterline.operation.api.RelayOutcome;
import org.meterline.simulator.Fault;
import org.meterline.simulator.Fleet;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SimulatedMeter;

/**
 * Meter operation against the real archive, driver registry, meter access and DLMS driver on
 * embedded Derby, talking HLS5-GMAC to a simulated fleet on loopback.
 */
class MeterOperationsTest {

    private static final ObisCode ENERGY = ObisCode.parse("1.0.1.8.0.255");
    private static final ObisCode VOLTAGE = ObisCode.parse("1.0.32.7.0.255");
    private static Fleet fleet;

    @TempDir
    static Path counters;

    @TempDir
    Path dir;

    private Platform platform;
    private MeterOperationsImpl ops;
    private final Caller acme = new Caller("ann", 1, 10, 10, EnumSet.of(Role.OPERATOR));
    private final Caller acmeViewer = new Caller("vic", 2, 10, 10, EnumSet.of(Role.VIEWER));
    private final Caller beta = new Caller("bob", 3, 20, 20, EnumSet.of(Role.OPERATOR));
    private long model;
    private Meter first;
    private Meter second;
    private Meter third;

    @BeforeAll
    static void startFleet() throws Exception {
        fleet = Fleet.start(FleetSpec.of(3, 0).withName("op-test").withSerialPrefix("OPT"));
    }

    @AfterAll
    static void stopFleet() {
        fleet.close();
    }

    @BeforeEach
    void start() {
        platform = new Platform(dir, counters);
        ops = platform.operations(2, 10, 30);
        model = platform.model(acme, "Iskra", "AM550");
        long module = platform.module(acme, "MOD-1", "127.0.0.1:" + fleet.ports().get(0));
        first = platform.meter(acme, model, module, fleet.meters().get(0));
        second = platform.meter(acme, model, module, fleet.meters().get(1));
        third = platform.meter(acme, model, module, fleet.meters().get(2));
        fleet.meters().forEach(SimulatedMeter::clearFaults);
    }

    @AfterEach
    void stop() {
        ops.deactivate();
        platform.close();
    }

    @Test
    void readsTheDefaultItemsWhenNoneAreNamed() {
        ReadOutcome r = ops.readNow(acme, first.id(), List.of());
        assertEquals(OperationOutcome.SUCCESS, r.outcome(), r.toString());
        assertEquals(List.of(ENERGY, MeterOperations.CONNECTION_STATUS),
                r.values().stream().map(ItemValue::item).collect(Collectors.toList()));
        ItemValue energy = r.values().get(0);
        assertEquals("Wh", energy.unit());
        assertEquals("good", energy.quality());
        assertTrue(energy.value().compareTo(BigDecimal.ZERO) > 0, energy.toString());
        assertEquals("Active energy import (A+) total", energy.name());
        assertNotNull(energy.readAt());
        ItemValue relay = r.values().get(1);
        assertEquals("connected", relay.text());
        assertEquals(BigDecimal.ONE, relay.value());

        OperationRecord logged = ops.operations(acme, first.id(), PageRequest.first(10)).items().get(0);
        assertEquals(r.operationId(), logged.id());
        assertEquals(OperationType.READ, logged.operation());
        assertEquals(OperationOutcome.SUCCESS, logged.outcome());
        assertEquals("ann", logged.username());
        assertEquals("OPT000001", logged.serialNumber());
        assertEquals("1.0.1.8.0.255,0.0.96.3.10.255", logged.items());
        assertNotNull(logged.durationMillis());
        assertNull(logged.errorKind());
    }

    @Test
    void anItemTheMeterLacksIsAnErrorOfThatItemOnly() {
        ObisCode missing = ObisCode.parse("1.0.99.97.0.255");
        ReadOutcome r = ops.readNow(acme, first.id(), List.of(VOLTAGE, missing));
        assertEquals(OperationOutcome.PARTIAL, r.outcome());
        assertTrue(r.values().get(0).ok());
        assertEquals("V", r.values().get(0).unit());
        assertFalse(r.values().get(1).ok());
        assertNotNull(r.values().get(1).errorKind());
        assertEquals(OperationOutcome.PARTIAL,
                ops.operations(acme, null, PageRequest.first(1)).items().get(0).outcome());
    }

    @Test
    void disconnectsAndConnectsTheRelayAndReadsTheStateBack() {
        SimulatedMeter sim = fleet.meter(second.serialNumber()).orElseThrow();
        RelayOutcome off = ops.relay(acme, second.id(), RelayAction.DISCONNECT);
        assertEquals(OperationOutcome.SUCCESS, off.outcome(), off.toString());
        assertEquals("disconnected", off.state());
        assertEquals(0, sim.relayControlState());
        assertEquals("disconnected", ops.relay(acmeViewer, second.id(), RelayAction.STATUS).state());
        assertEquals("disconnected", ops.readNow(acmeViewer, second.id(), List.of(MeterOperations.CONNECTION_STATUS))
                .values().get(0).text());
        RelayOutcome on = ops.relay(acme, second.id(), RelayAction.CONNECT);
        assertEquals("connected", on.state());
        assertEquals(1, sim.relayControlState());

        List<OperationType> log = ops.operations(acme, second.id(), PageRequest.first(10)).items().stream()
                .map(OperationRecord::operation).collect(Collectors.toList());
        assertEquals(List.of(OperationType.RELAY_CONNECT, OperationType.READ, OperationType.RELAY_STATUS,
                OperationType.RELAY_DISCONNECT), log);
    }

    @Test
    void permissionsAndTenancy() {
        assertThrows(ForbiddenException.class, () -> ops.relay(acmeViewer, first.id(), RelayAction.DISCONNECT));
        assertThrows(ForbiddenException.class, () -> ops.saveItemSettings(acmeViewer, model, List.of(VOLTAGE)));
        assertThrows(NotFoundException.class, () -> ops.readNow(beta, first.id(), List.of()));
        assertThrows(NotFoundException.class, () -> ops.relay(beta, first.id(), RelayAction.STATUS));
        assertThrows(NotFoundException.class, () -> ops.itemSettings(beta, model));
        assertThrows(ValidationException.class, () -> ops.relay(acme, first.id(), null));
        ops.readNow(acme, first.id(), List.of(ENERGY));
        assertEquals(0, ops.operations(beta, null, PageRequest.first(10)).total());
        assertEquals(1, ops.operations(acmeViewer, null, PageRequest.first(10)).total());
        assertEquals(1, fleet.meter(first.serialNumber()).orElseThrow().relayControlState(),
                "a refused disconnect never reaches the meter");
    }

    @Test
    void readingItemSettingsPerModelAndCustomer() {
        List<ReadingItem> items = ops.readingItems(acme, first.id());
        assertEquals(ENERGY, items.get(0).item(), "the driver's catalogue, energy registers first");
        assertEquals(MeterOperations.CONNECTION_STATUS, items.get(items.size() - 1).item());

        ReadingItemSettings defaults = ops.itemSettings(acme, model);
        assertFalse(defaults.saved());
        assertEquals("Iskra AM550", defaults.modelName());
        assertEquals(List.of(ENERGY, MeterOperations.CONNECTION_STATUS), codes(defaults.items()));

        ReadingItemSettings saved = ops.saveItemSettings(acme, model, List.of(VOLTAGE, ENERGY, VOLTAGE));
        assertTrue(saved.saved());
        assertEquals(List.of(VOLTAGE, ENERGY), codes(saved.items()));
        assertEquals("Voltage L1", saved.items().get(0).name());
        assertEquals(List.of(VOLTAGE, ENERGY), codes(ops.defaultItems(acmeViewer, third.id())));
        assertEquals(List.of(VOLTAGE, ENERGY), ops.readNow(acme, third.id(), List.of()).values().stream()
                .map(ItemValue::item).collect(Collectors.toList()));

        // another customer's model of the same name has its own settings
        long betaModel = platform.model(beta, "Iskra", "AM550");
        assertFalse(ops.itemSettings(beta, betaModel).saved());

        ValidationException bad = assertThrows(ValidationException.class,
                () -> ops.saveItemSettings(acme, model, List.of(ObisCode.parse("1.0.99.97.0.255"))));
        assertEquals("items", bad.errors().get(0).field());
        assertTrue(bad.getMessage().contains("1.0.99.97.0.255"), bad.getMessage());

        assertFalse(ops.saveItemSettings(acme, model, List.of()).saved(), "empty goes back to the defaults");
        assertEquals(List.of(ENERGY, MeterOperations.CONNECTION_STATUS), codes(ops.itemSettings(acme, model).items()));
    }

    @Test
    void aMeterThatDoesNotAnswerTimesOutInItsOwnLaneAndAFullQueueIsRefused() throws Exception {
        ops.deactivate();
        ops = platform.operations(1, 1, 2);
        fleet.meter(first.serialNumber()).orElseThrow().inject(new Fault.NoAnswer());
        long t0 = System.nanoTime();
        CompletableFuture<ReadOutcome> running = ops.readAsync(acme, first.id(), List.of(ENERGY)).toCompletableFuture();
        CompletableFuture<ReadOutcome> waiting = ops.readAsync(acme, second.id(), List.of(ENERGY)).toCompletableFuture();
        ReadOutcome refused = ops.readAsync(acme, third.id(), List.of(ENERGY)).toCompletableFuture()
                .get(1, TimeUnit.SECONDS);
        assertEquals(OperationOutcome.FAILED, refused.outcome());
        assertEquals("temporary_failure", refused.errorKind());

        ReadOutcome timedOut = running.get(10, TimeUnit.SECONDS);
        assertEquals(OperationOutcome.FAILED, timedOut.outcome());
        assertEquals("timeout", timedOut.errorKind());
        assertEquals("timeout", timedOut.values().get(0).errorKind());
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toMillis() < 6000);

        Page<OperationRecord> log = ops.operations(acme, first.id(), PageRequest.first(5));
        assertEquals("timeout", log.items().get(0).errorKind());
        assertEquals(OperationOutcome.FAILED, log.items().get(0).outcome());
        waiting.get(10, TimeUnit.SECONDS);
    }

    @Test
    void operationsStillRunningAtAStopAreLoggedAsFailedAtTheNextStart() throws Exception {
        long id = new OperationStore(platform.ds, platform.operationEmf).start(acme, first.id(), "OPT000001",
                OperationType.RELAY_DISCONNECT, List.of());
        ops.deactivate();
        ops = platform.operations(2, 10, 30);
        OperationRecord r = ops.operations(acme, first.id(), PageRequest.first(5)).items().get(0);
        assertEquals(id, r.id());
        assertEquals(OperationOutcome.FAILED, r.outcome());
        assertEquals("cancelled", r.errorKind());
    }

    private static List<ObisCode> codes(List<ReadingItem> items) {
        return items.stream().map(ReadingItem::item).collect(Collectors.toList());
    }
}
