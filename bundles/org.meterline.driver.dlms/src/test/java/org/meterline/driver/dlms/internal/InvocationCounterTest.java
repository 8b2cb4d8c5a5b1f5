package org.meterline.driver.dlms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meterline.driver.dlms.internal.SimulatorSupport.ok;
import static org.meterline.driver.dlms.internal.SimulatorSupport.open;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.core.api.ObisCode;
import org.meterline.simulator.Fleet;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SimulatedMeter;

/** HLS invocation counters never repeat: across sessions, window extensions, kills and a fresh store. */
class InvocationCounterTest {

    private static final List<ObisCode> REGISTERS = List.of(ObisCode.parse("1.0.1.8.0.255"),
            ObisCode.parse("1.0.2.8.0.255"), ObisCode.parse("1.0.32.7.0.255"));

    @TempDir
    static Path work;

    static Fleet fleet;

    @BeforeAll
    static void start() throws Exception {
        fleet = Fleet.start(FleetSpec.of(4, 0).withName("counters"));
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    /** Enough frames to run through several 16-counter windows. */
    private static void work(DlmsSession s) {
        for (int i = 0; i < 12; i++) {
            s.read(REGISTERS).forEach(r -> ok(r.result()));
        }
        ok(s.readLoadProfile(ObisCode.parse("1.0.99.1.0.255"), Instant.now().minus(Duration.ofDays(1)), Instant.now()));
    }

    @Test
    void theMeterSeesStrictlyIncreasingCountersAcrossSessions() {
        SimulatedMeter m = fleet.meters().get(0);
        DlmsDriver driver = SimulatorSupport.driver(null, work.resolve("a"), 16, Duration.ZERO);
        long previous = m.highestInvocationCounter();
        for (int session = 0; session < 5; session++) {
            try (DlmsSession s = open(driver, m)) {
                FrameCounterGuard guard = s.guard().orElseThrow();
                assertTrue(guard.start() > previous, "session " + session + " starts at " + guard.start()
                        + ", the meter has seen " + previous);
                work(s);
                assertEquals(m.highestInvocationCounter(), guard.highestSent(),
                        "the guard saw exactly the counters the meter received");
                assertTrue(guard.window().end() > guard.window().start() + 16, "the window was extended: " + guard.window());
                assertTrue(guard.framesSent() > 13, "AARQ, HLS reply and every block request count: "
                        + guard.framesSent());
                long stored = driver.counterStore().highWater(m.serialNumber(), m.clientId()).getAsLong();
                assertTrue(stored > guard.highestSent(), "stored " + stored + " > sent " + guard.highestSent());
            } catch (CounterStore.CounterStoreException e) {
                throw new AssertionError(e);
            }
            long now = m.highestInvocationCounter();
            assertTrue(now > previous, "the meter's counter rose: " + previous + " -> " + now);
            previous = now;
        }
    }

    @Test
    void afterAKillTheNextSessionStartsAboveEverythingSent() {
        SimulatedMeter m = fleet.meters().get(1);
        Path store = work.resolve("b");
        DlmsDriver first = SimulatorSupport.driver(null, store, 16, Duration.ZERO);
        DlmsSession killed = open(first, m);
        work(killed);
        long seen = m.highestInvocationCounter();
        // "kill": the driver and its store are dropped, the session is never closed, nothing is flushed
        first = null;
        DlmsDriver restarted = SimulatorSupport.driver(null, store, 16, Duration.ZERO);
        try (DlmsSession s = open(restarted, m)) {
            assertTrue(s.guard().orElseThrow().start() > seen, s.guard().orElseThrow().start() + " vs " + seen);
            work(s);
            assertTrue(m.highestInvocationCounter() > seen);
        } finally {
            killed.close();
        }
    }

    @Test
    void aFreshStoreStartsAboveTheMetersOwnCounter() {
        SimulatedMeter m = fleet.meters().get(2);
        try (DlmsSession s = open(SimulatorSupport.driver(null, work.resolve("c1"), 16, Duration.ZERO), m)) {
            work(s);
        }
        long seen = m.highestInvocationCounter();
        assertTrue(seen > 16);
        // another installation (empty store) reads the meter's counter through the public client first
        try (DlmsSession s = open(SimulatorSupport.driver(null, work.resolve("c2"), 16, Duration.ZERO), m)) {
            assertTrue(s.guard().orElseThrow().start() > seen, s.guard().orElseThrow().start() + " vs " + seen);
            assertTrue(s.readClock().isOk());
        }
    }

    @Test
    void parallelSessionsToDifferentMetersKeepTheirOwnCounters() throws Exception {
        DlmsDriver driver = SimulatorSupport.driver(null, work.resolve("d"), 16, Duration.ZERO);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (SimulatedMeter m : List.of(fleet.meters().get(3), fleet.meters().get(0))) {
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; i < 3; i++) {
                        long before = m.highestInvocationCounter();
                        try (DlmsSession s = open(driver, m)) {
                            assertTrue(s.guard().orElseThrow().start() > before);
                            work(s);
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), failures);
    }
}
