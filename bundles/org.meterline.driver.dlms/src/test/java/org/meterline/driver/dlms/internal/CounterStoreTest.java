package org.meterline.driver.dlms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.driver.dlms.internal.CounterStore.CounterStoreException;
import org.meterline.driver.dlms.internal.CounterStore.Window;

class CounterStoreTest {

    @TempDir
    Path dir;

    @Test
    void reservationsFollowEachOtherAndAreOnDiskBeforeUse() throws Exception {
        CounterStore store = new CounterStore(dir.resolve("counters"));
        Window w1 = store.reserve("SIM000001", 1, 1, 100);
        assertEquals(new Window(1, 101), w1);
        assertEquals("101", Files.readString(store.file("SIM000001", 1)).trim(), "durable before use");
        Window w2 = store.reserve("SIM000001", 1, 1, 100);
        assertEquals(new Window(101, 201), w2);
        Window w3 = store.extend("SIM000001", 1, w2, 50);
        assertEquals(new Window(101, 251), w3);
        assertEquals(251, store.highWater("SIM000001", 1).getAsLong());
        // another client of the same meter has its own counter
        assertEquals(new Window(1, 101), store.reserve("SIM000001", 2, 1, 100));
        // a floor (the meter's own counter + 1) lifts the start
        assertEquals(new Window(5000, 5100), store.reserve("SIM000002", 1, 5000, 100));
        assertEquals(new Window(5100, 5200), store.reserve("SIM000002", 1, 17, 100));
        try (Stream<Path> files = Files.list(store.directory())) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")));
        }
    }

    @Test
    void whatASessionDidNotUseIsUsedNextWithoutTouchingTheDisk() throws Exception {
        CounterStore store = new CounterStore(dir);
        Window w = store.reserve("M", 1, 1, 100);
        assertEquals(new Window(1, 101), w);
        long writes = store.diskWrites();
        store.release("M", 1, w, 10);
        w = store.reserve("M", 1, 1, 100);
        assertEquals(new Window(11, 101), w);
        store.release("M", 1, w, 50);
        w = store.reserve("M", 1, 1, 100);
        assertEquals(new Window(51, 101), w);
        assertEquals(writes, store.diskWrites(), "still inside the durable window");
        assertEquals(101, store.highWater("M", 1).getAsLong());
        store.release("M", 1, w, 90);
        w = store.reserve("M", 1, 1, 100);
        assertEquals(new Window(91, 191), w, "fewer than a quarter left: the mark moves first");
        assertEquals(writes + 1, store.diskWrites());
        assertEquals(191, store.highWater("M", 1).getAsLong());
        // a release after another lease changes nothing
        Window other = store.reserve("M", 1, 1, 100);
        store.release("M", 1, w, 95);
        assertTrue(store.reserve("M", 1, 1, 100).start() >= other.end());
    }

    @Test
    void afterAKillTheNextSessionStartsAboveEverythingReserved() throws Exception {
        CounterStore first = new CounterStore(dir);
        Window w = first.reserve("SIM000007", 1, 1, 1000);
        w = first.extend("SIM000007", 1, w, 1000);
        // the process dies here: nothing is closed, the object is dropped
        first = null;
        CounterStore reopened = new CounterStore(dir);
        Window next = reopened.reserve("SIM000007", 1, 1, 1000);
        assertTrue(next.start() >= w.end(), next + " must start at or above " + w);
    }

    @Test
    void extendingAfterAnotherReservationIsRefused() throws Exception {
        CounterStore store = new CounterStore(dir);
        Window a = store.reserve("M", 1, 1, 100);
        store.reserve("M", 1, 1, 100);
        CounterStoreException e = assertThrows(CounterStoreException.class, () -> store.extend("M", 1, a, 100));
        assertTrue(e.getMessage().contains("another session"), e.getMessage());
    }

    @Test
    void aCorruptFileStopsTheMeterInsteadOfGuessing() throws Exception {
        CounterStore store = new CounterStore(dir);
        Files.writeString(store.file("SIM000003", 1), "garbage");
        CounterStoreException e = assertThrows(CounterStoreException.class, () -> store.reserve("SIM000003", 1, 1, 10));
        assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains("SIM000003"), e.getMessage());
    }

    @Test
    void theCounterNeverPassesThirtyTwoBits() throws Exception {
        CounterStore store = new CounterStore(dir);
        Window w = store.reserve("BIG", 1, CounterStore.MAX_COUNTER - 150, 100);
        CounterStoreException e = assertThrows(CounterStoreException.class, () -> store.extend("BIG", 1, w, 100));
        assertTrue(e.getMessage().contains("exhausted"), e.getMessage());
    }

    @Test
    void oddSerialsGetDistinctSafeFiles() {
        CounterStore store = new CounterStore(dir);
        Path a = store.file("A/B", 1);
        Path b = store.file("A_B", 1);
        Path c = store.file("../x", 1);
        assertNotEquals(a, b);
        assertEquals(dir, a.getParent());
        assertEquals(dir, c.getParent());
    }

    @Test
    void concurrentReservationsAreDisjoint() throws Exception {
        CounterStore store = new CounterStore(dir);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Window>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                futures.add(pool.submit(() -> store.reserve("SHARED", 1, 1, 10)));
            }
            List<Long> starts = new ArrayList<>();
            for (Future<Window> f : futures) {
                starts.add(f.get().start());
            }
            Collections.sort(starts);
            for (int i = 0; i < starts.size(); i++) {
                assertEquals(1 + 10L * i, starts.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
