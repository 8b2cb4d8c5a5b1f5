package org.meterline.simulator.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.meterline.simulator.Fault;
import org.meterline.simulator.SecurityMode;
import org.meterline.simulator.SimulatedMeter;

/**
 * State and values of one simulated meter. Energy values are computed, not stored; only what a client
 * changed (relay, clock offset, ratios, firmware, image transfer, appended events, faults) is kept, most of
 * it allocated on first use, so a meter costs a few hundred bytes besides its jDLMS objects.
 */
public final class MeterState implements SimulatedMeter {

    /** Most appended events kept per log; older ones are dropped. */
    static final int MAX_APPENDED_EVENTS = 1000;
    /** Image block size of the Image Transfer object. */
    public static final int IMAGE_BLOCK_SIZE = 192;

    private final FleetContext fleet;
    private final int index;
    private final String serial;
    private final int port;
    private final int logicalDevice;
    private final Secrets secrets;

    private final int scaleImport;
    private final int scaleExport;
    private final int shift;
    private final int offsetImport;
    private final int signalBase;

    private volatile List<Fault> faults = List.of();
    private volatile Consumer<Boolean> wrongKeysSwitch = wrong -> { };
    private volatile boolean dropArmed;
    private final AtomicLong highestInvocationCounter = new AtomicLong(-1);
    private final AtomicLong rejectedInvocationCounters = new AtomicLong();
    private final java.util.Map<String, Long> highestBySender = new java.util.HashMap<>();

    private volatile int relayState = 1;
    private volatile long ctRatio = 1;
    private volatile long ptRatio = 1;
    private volatile String firmware = "FW-1.0.0";
    private volatile long clockOffsetSeconds;
    private ImageState image;
    private List<Event>[] appended;

    public MeterState(FleetContext fleet, int index, int port) {
        this.fleet = fleet;
        this.index = index;
        this.serial = fleet.spec().serialOf(index);
        this.port = port;
        this.logicalDevice = 1 + index % fleet.spec().metersPerServer();
        this.secrets = Secrets.derive(fleet.spec().seed(), serial);
        SplittableRandom r = new SplittableRandom(fleet.spec().seed() * 0x9E3779B97F4A7C15L + serial.hashCode());
        this.scaleImport = 1 + r.nextInt(8);
        this.scaleExport = r.nextInt(3) == 0 ? 1 + r.nextInt(4) : 0;
        this.shift = r.nextInt(8);
        this.offsetImport = r.nextInt(3_000_000);
        this.signalBase = 6 + r.nextInt(22);
    }

    // ---- identity and secrets

    public int index() {
        return index;
    }

    public FleetContext fleet() {
        return fleet;
    }

    @Override
    public String serialNumber() {
        return serial;
    }

    /** The bind host, or the loopback address when the fleet listens on all interfaces. */
    @Override
    public String host() {
        String bind = fleet.spec().bindHost();
        return bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public int logicalDevice() {
        return logicalDevice;
    }

    @Override
    public int clientId() {
        return fleet.spec().security().clientId();
    }

    @Override
    public SecurityMode security() {
        return fleet.spec().security();
    }

    public Secrets secrets() {
        return secrets;
    }

    @Override
    public byte[] password() {
        return secrets.password();
    }

    @Override
    public byte[] authenticationKey() {
        return secrets.authenticationKey();
    }

    @Override
    public byte[] encryptionKey() {
        return secrets.encryptionKey();
    }

    @Override
    public byte[] masterKey() {
        return secrets.masterKey();
    }

    // ---- faults

    @Override
    public void inject(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        synchronized (this) {
            List<Fault> next = new ArrayList<>(faults.size() + 1);
            for (Fault f : faults) {
                if (f.getClass() != fault.getClass()) {
                    next.add(f);
                }
            }
            next.add(fault);
            faults = List.copyOf(next);
        }
        if (fault instanceof Fault.WrongKeys) {
            wrongKeysSwitch.accept(true);
        }
    }

    @Override
    public void clearFaults() {
        boolean hadWrongKeys;
        synchronized (this) {
            hadWrongKeys = has(Fault.WrongKeys.class);
            faults = List.of();
            dropArmed = false;
        }
        if (hadWrongKeys) {
            wrongKeysSwitch.accept(false);
        }
    }

    public List<Fault> faults() {
        return faults;
    }

    public boolean has(Class<? extends Fault> kind) {
        for (Fault f : faults) {
            if (kind.isInstance(f)) {
                return true;
            }
        }
        return false;
    }

    public <F extends Fault> F fault(Class<F> kind) {
        for (Fault f : faults) {
            if (kind.isInstance(f)) {
                return kind.cast(f);
            }
        }
        return null;
    }

    /** Called by whoever holds the jDLMS logical device: true installs wrong secrets, false the right ones. */
    void onWrongKeys(Consumer<Boolean> keySwitch) {
        this.wrongKeysSwitch = keySwitch;
    }

    /** The load profile buffer was read while DropMidProfile is injected: the next answer is cut. */
    public void armDrop() {
        if (has(Fault.DropMidProfile.class)) {
            dropArmed = true;
        }
    }

    public boolean takeDropArmed() {
        if (dropArmed) {
            dropArmed = false;
            return true;
        }
        return false;
    }

    /**
     * Records a counter from the management client sent by {@code sender} (its system title); false
     * (and counted) when it is not above every earlier one of that sender.
     */
    public synchronized boolean receivedInvocationCounter(String sender, long counter) {
        Long last = highestBySender.get(sender);
        if (last != null && counter <= last) {
            rejectedInvocationCounters.incrementAndGet();
            return false;
        }
        highestBySender.put(sender, counter);
        highestInvocationCounter.accumulateAndGet(counter, Math::max);
        return true;
    }

    @Override
    public long rejectedInvocationCounters() {
        return rejectedInvocationCounters.get();
    }

    @Override
    public long highestInvocationCounter() {
        return highestInvocationCounter.get();
    }

    // ---- time

    /** The meter's clock. */
    public Instant now() {
        return Instant.now().plusSeconds(clockOffsetSeconds);
    }

    public void setClock(Instant time) {
        clockOffsetSeconds = time.getEpochSecond() - Instant.now().getEpochSecond();
        append(EventLogKind.STANDARD, new Event(time.getEpochSecond(), Event.CLOCK_SET));
    }

    // ---- energy

    @Override
    public long energyAt(int channel, Instant intervalEnd) {
        return energy(channel, LoadModel.intervalOf(intervalEnd));
    }

    /** Register value of channel 1..4 at the end of interval k. */
    public long energy(int channel, long k) {
        LoadModel m = fleet.model();
        return switch (channel) {
            case ACTIVE_IMPORT -> offsetImport + (long) scaleImport * m.units(1, k, shift);
            case ACTIVE_EXPORT -> (scaleExport == 0 ? 0 : offsetImport / 7) + (long) scaleExport * m.units(2, k, shift);
            case REACTIVE_IMPORT -> offsetImport / 4 + (long) scaleImport * m.units(3, k, shift);
            case REACTIVE_EXPORT -> offsetImport / 50 + m.units(4, k, shift);
            default -> throw new IllegalArgumentException("channel must be 1..4: " + channel);
        };
    }

    /** A+ tariff 1 (06–22 UTC) at the end of interval k; tariff 2 is A+ minus tariff 1. */
    public long tariff1(long k) {
        return offsetImport / 5 * 3 + (long) scaleImport * fleet.model().units(0, k, shift);
    }

    /** Register value now: last interval end plus the elapsed part of the current interval. */
    public long registerNow(int channel) {
        if (channel < 1 || channel > 4) {
            throw new IllegalArgumentException("channel must be 1..4: " + channel);
        }
        return interpolate(channel);
    }

    /** Channel 0 = A+ tariff 1, 1..4 as {@link #energy}. */
    private long interpolate(int channel) {
        long t = now().getEpochSecond();
        long k = Math.floorDiv(t, LoadModel.INTERVAL);
        long elapsed = t - k * LoadModel.INTERVAL;
        long e0 = channel == 0 ? tariff1(k) : energy(channel, k);
        long e1 = channel == 0 ? tariff1(k + 1) : energy(channel, k + 1);
        return e0 + (e1 - e0) * elapsed / LoadModel.INTERVAL;
    }

    public long tariffNow(int tariff) {
        long t1 = interpolate(0);
        return tariff == 1 ? t1 : registerNow(ACTIVE_IMPORT) - t1;
    }

    /** Average active import power of interval k+1 (the one ending at k+1), in W. */
    public long power(long k) {
        return (energy(ACTIVE_IMPORT, k + 1) - energy(ACTIVE_IMPORT, k)) * 4;
    }

    public long powerNow() {
        return power(Math.floorDiv(now().getEpochSecond(), LoadModel.INTERVAL));
    }

    /** Voltage L1 in 0.1 V. */
    public int voltageNow() {
        long k = Math.floorDiv(now().getEpochSecond(), LoadModel.INTERVAL);
        return 2300 + (int) Math.floorMod(k * 31 + index * 17L, 61) - 30;
    }

    /** Current L1 in 0.01 A. */
    public int currentNow() {
        return (int) Math.min(65535, powerNow() * 1000 / voltageNow());
    }

    /** Max demand (W) since the start of the month and the end of the interval it was measured in. */
    public long[] maxDemand() {
        Instant now = now();
        long k = Math.floorDiv(now.getEpochSecond(), LoadModel.INTERVAL);
        LocalDate monthStart = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
        long first = monthStart.atStartOfDay().toEpochSecond(ZoneOffset.UTC) / LoadModel.INTERVAL;
        long best = -1;
        long bestEnd = first;
        for (long i = first; i < k; i++) {
            long p = power(i);
            if (p > best) {
                best = p;
                bestEnd = i + 1;
            }
        }
        if (best < 0) {
            best = power(k);
            bestEnd = k + 1;
        }
        return new long[] {best, bestEnd * LoadModel.INTERVAL};
    }

    /** GSM signal quality 0..31. */
    public int signalQuality() {
        long hour = Math.floorDiv(now().getEpochSecond(), 3600);
        return Math.max(0, Math.min(31, signalBase + (int) Math.floorMod(hour * 7 + index, 5) - 2));
    }

    // ---- relay, ratios, firmware

    @Override
    public int relayControlState() {
        return relayState;
    }

    public synchronized void operateRelay(boolean connect) {
        relayState = connect ? 1 : 0;
        append(EventLogKind.DISCONNECT, new Event(now().getEpochSecond(),
                connect ? Event.RELAY_CONNECTED : Event.RELAY_DISCONNECTED));
    }

    @Override
    public long ctRatio() {
        return ctRatio;
    }

    public void ctRatio(long value) {
        ctRatio = value;
    }

    @Override
    public long ptRatio() {
        return ptRatio;
    }

    public void ptRatio(long value) {
        ptRatio = value;
    }

    @Override
    public String activeFirmware() {
        return firmware;
    }

    // ---- image transfer

    /** Image transfer state; methods synchronize on the meter. */
    public static final class ImageState {
        public byte[] identifier = new byte[0];
        public long size;
        public BitSet blocks = new BitSet();
        /** 0 not initiated, 1 initiated, 3 verification successful, 4 verification failed, 6 activated. */
        public int status;

        public int blockCount() {
            return (int) ((size + IMAGE_BLOCK_SIZE - 1) / IMAGE_BLOCK_SIZE);
        }

        public long firstMissing() {
            return blocks.nextClearBit(0);
        }
    }

    public synchronized ImageState image() {
        if (image == null) {
            image = new ImageState();
        }
        return image;
    }

    public synchronized void activateImage(String identifier) {
        firmware = identifier;
    }

    @Override
    public synchronized int receivedImageBlocks() {
        return image == null ? 0 : image.blocks.cardinality();
    }

    // ---- events

    @Override
    public void openTerminalCover() {
        append(EventLogKind.FRAUD, new Event(now().getEpochSecond(), Event.COVER_OPENED));
    }

    @SuppressWarnings("unchecked")
    synchronized void append(EventLogKind log, Event event) {
        if (appended == null) {
            appended = new List[EventLogKind.values().length];
        }
        List<Event> list = appended[log.ordinal()];
        if (list == null) {
            list = new ArrayList<>();
            appended[log.ordinal()] = list;
        }
        if (list.size() >= MAX_APPENDED_EVENTS) {
            list.remove(0);
        }
        list.add(event);
    }

    /**
     * Entries of a log with {@code from <= time <= to} (epoch seconds), oldest first: generated power off/on
     * events (standard log, every few days) and the appended ones.
     */
    public List<Event> events(EventLogKind log, long from, long to) {
        List<Event> result = new ArrayList<>();
        long start = Math.max(from, fleet.historyStartSecond());
        long end = Math.min(to, now().getEpochSecond());
        if (log == EventLogKind.STANDARD && start <= end) {
            for (long day = Math.floorDiv(start, 86_400) - 1; day <= Math.floorDiv(end, 86_400); day++) {
                long h = mix(fleet.spec().seed() ^ (day * 0x632BE59BD9B4E019L) ^ ((long) index << 20));
                if (Math.floorMod(h, 4) != 0) {
                    continue;
                }
                long off = day * 86_400 + Math.floorMod(h >>> 8, 86_400L);
                long on = off + 60 + Math.floorMod(h >>> 32, 3_540L);
                if (off >= start && off <= end) {
                    result.add(new Event(off, Event.POWER_OFF));
                }
                if (on >= start && on <= end) {
                    result.add(new Event(on, Event.POWER_ON));
                }
            }
        }
        synchronized (this) {
            List<Event> list = appended == null ? null : appended[log.ordinal()];
            if (list != null) {
                for (Event e : list) {
                    if (e.epochSecond() >= from && e.epochSecond() <= to) {
                        result.add(e);
                    }
                }
            }
        }
        result.sort(null);
        return result;
    }

    /** Code of the newest entry of a log, 0 if none. */
    public int lastEventCode(EventLogKind log) {
        List<Event> all = events(log, Long.MIN_VALUE, Long.MAX_VALUE);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).code();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    @Override
    public String toString() {
        return "SimulatedMeter[" + serial + " " + host() + ":" + port + " ld " + logicalDevice + " client "
                + clientId() + " " + security() + "]";
    }
}
