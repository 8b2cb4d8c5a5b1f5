package org.meterline.driver.dlms.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * Persistent high-water marks of the DLMS invocation (frame) counters, one small file per meter serial
 * and client id. The file holds the first counter no session has been given yet: every counter below it
 * may have been sent. A reservation moves the mark up by a window and is on disk (written to a temporary
 * file, fsynced, atomically renamed, directory fsynced) before the caller may use any counter of the
 * window. So after a crash, a kill or a power loss the next session starts above anything ever sent.
 *
 * <p>A session leases the whole reserved remainder and gives back what it did not use when it ends, so
 * the next session continues in memory without touching the disk until the window runs low. Nothing
 * given back is ever above the durable mark, and a session that never ends (killed process, lost
 * thread) simply leaves its lease unused. One process per directory.
 *
 * <p>Thread-safe; operations for the same meter and client are serialised (striped locks).
 */
final class CounterStore {

    /** The largest invocation counter (32 bits). */
    static final long MAX_COUNTER = 0xFFFF_FFFFL;

    /** Meters whose unused remainder is remembered; beyond it the oldest are forgotten (safe: disk rules). */
    static final int MAX_REMEMBERED = 200_000;

    private final Path directory;
    private final Object[] locks = new Object[64];
    private final java.util.concurrent.ConcurrentHashMap<Path, Lease> leases = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong diskWrites = new java.util.concurrent.atomic.AtomicLong();

    /** In memory: the first counter not leased yet, and the durable mark (both guarded by the stripe lock). */
    private static final class Lease {
        long next;
        long end;

        Lease(long next, long end) {
            this.next = next;
            this.end = end;
        }
    }

    CounterStore(Path directory) {
        this.directory = directory;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    Path directory() {
        return directory;
    }

    /** A reserved range [start, end) of counters. */
    record Window(long start, long end) {
    }

    /** Thrown when the store cannot give a reservation (disk trouble, corrupt file, counters exhausted). */
    static final class CounterStoreException extends Exception {
        private static final long serialVersionUID = 1L;

        CounterStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The stored (durable) high-water mark, if the meter has one. */
    OptionalLong highWater(String serial, int clientId) throws CounterStoreException {
        Path file = file(serial, clientId);
        synchronized (lock(file)) {
            return read(file);
        }
    }

    /** Whether counters were ever reserved for this meter and client. */
    boolean known(String serial, int clientId) throws CounterStoreException {
        Path file = file(serial, clientId);
        return leases.containsKey(file) || highWater(serial, clientId).isPresent();
    }

    /** Durable writes so far (for tests and figures). */
    long diskWrites() {
        return diskWrites.get();
    }

    /**
     * Leases counters from the first unused one (at least {@code floor}) up to the durable mark; when
     * fewer than {@code size / 4} are left there, the mark first moves up by {@code size} (on disk).
     */
    Window reserve(String serial, int clientId, long floor, int size) throws CounterStoreException {
        Path file = file(serial, clientId);
        synchronized (lock(file)) {
            Lease lease = leases.get(file);
            if (lease == null) {
                long stored = read(file).orElse(1L);
                lease = new Lease(stored, stored);
            }
            long start = Math.max(lease.next, Math.max(floor, 1L));
            if (lease.end - start < Math.max(2, size / 4)) {
                long end = start + size;
                if (end > MAX_COUNTER + 1) {
                    throw new CounterStoreException("the invocation counter of " + serial + " (client " + clientId
                            + ") is exhausted: new keys are needed", null);
                }
                write(file, end);
                lease.end = end;
            }
            lease.next = lease.end;
            remember(file, lease);
            return new Window(start, lease.end);
        }
    }

    /** Extends a leased window by {@code size} counters: the new end is durable when this returns. */
    Window extend(String serial, int clientId, Window window, int size) throws CounterStoreException {
        Path file = file(serial, clientId);
        synchronized (lock(file)) {
            Lease lease = leases.get(file);
            long stored = lease != null ? lease.end : read(file).orElse(window.end());
            boolean othersLeased = lease != null && lease.next != window.end();
            if (stored != window.end() || othersLeased) {
                // another session leased after this one: never hand out counters it may use
                throw new CounterStoreException("the invocation counter store of " + serial + " (client "
                        + clientId + ") moved on while this session held [" + window.start() + ", " + window.end()
                        + "): another session talks to the same meter", null);
            }
            long end = window.end() + size;
            if (end > MAX_COUNTER + 1) {
                throw new CounterStoreException("the invocation counter of " + serial + " (client " + clientId
                        + ") is exhausted: new keys are needed", null);
            }
            write(file, end);
            Lease updated = lease != null ? lease : new Lease(end, end);
            updated.end = end;
            updated.next = end;
            remember(file, updated);
            return new Window(window.start(), end);
        }
    }

    /**
     * Gives back the part of a lease above {@code highestUsed} once its connection is closed (no frame
     * can be sent any more). Ignored when another lease followed it.
     */
    void release(String serial, int clientId, Window window, long highestUsed) {
        Path file = file(serial, clientId);
        synchronized (lock(file)) {
            Lease lease = leases.get(file);
            if (lease != null && lease.next == window.end() && lease.end == window.end()) {
                lease.next = Math.max(window.start(), highestUsed + 1);
            }
        }
    }

    private void remember(Path file, Lease lease) {
        leases.put(file, lease);
        if (leases.size() > MAX_REMEMBERED) {
            // forgetting is always safe: the next lease starts at the durable mark
            int drop = MAX_REMEMBERED / 10;
            for (var it = leases.keySet().iterator(); it.hasNext() && drop > 0; drop--) {
                Path p = it.next();
                if (!p.equals(file)) {
                    it.remove();
                }
            }
        }
    }

    private Object lock(Path file) {
        return locks[Math.floorMod(file.getFileName().hashCode(), locks.length)];
    }

    Path file(String serial, int clientId) {
        StringBuilder name = new StringBuilder();
        for (char c : serial.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' ? c : '_');
        }
        if (!name.toString().equals(serial) || serial.isEmpty()) {
            // keep distinct serials distinct even when their safe spellings collide
            name.append('~').append(HexFormat.of().formatHex(serial.getBytes(StandardCharsets.UTF_8)));
        }
        return directory.resolve(name + ".c" + clientId + ".counter");
    }

    private static OptionalLong read(Path file) throws CounterStoreException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new CounterStoreException("cannot read the invocation counter store " + file + ": " + e, e);
        }
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new NumberFormatException("negative");
            }
            return OptionalLong.of(value);
        } catch (NumberFormatException e) {
            throw new CounterStoreException("the invocation counter store " + file + " is corrupt ('" + text
                    + "'): refusing to guess a counter; repair it with a value above every counter ever sent", e);
        }
    }

    private void write(Path file, long value) throws CounterStoreException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(directory);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap((value + "\n").getBytes(StandardCharsets.US_ASCII));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory();
            diskWrites.incrementAndGet();
        } catch (IOException e) {
            throw new CounterStoreException("cannot write the invocation counter store " + file + ": " + e, e);
        }
    }

    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms cannot open a directory; the rename is still atomic there
        }
    }
}
