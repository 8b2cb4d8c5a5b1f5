package org.meterline.driver.dlms.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.meterline.core.api.ObisCode;
import org.meterline.driver.api.ItemResult;
import org.meterline.driver.api.LoadProfile;
import org.meterline.driver.api.MeterSession;
import org.meterline.driver.api.ProfileEntry;
import org.meterline.driver.api.Result;
import org.meterline.driver.api.SessionSettings;
import org.meterline.simulator.Fleet;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SecurityMode;
import org.meterline.simulator.SimulatedMeter;

/**
 * Reads N simulated meters (default 1,000) — the ten registers of the contract's table plus one day of
 * the 15-minute, 4-channel load profile each — with bounded parallelism (default 16), once through the
 * driver and once with a plain jDLMS client loop doing the same requests, and prints values/s of both
 * and their ratio. Not a test: run it as described in the README.
 *
 * <p>System properties: {@code meters} (1000), {@code parallel} (16), {@code port} (24159),
 * {@code security} (hls5-gmac | lls | none), {@code rounds} (2).
 */
public final class DlmsBenchmark {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DlmsBenchmark.class);

    /** Figures go to the log (slf4j-simple prints them), one line each. */
    private static void print(String format, Object... args) {
        LOG.info(String.format(java.util.Locale.ROOT, format, args).stripTrailing());
    }

    private static final List<ObisCode> REGISTERS = List.of("1.0.1.8.0.255", "1.0.2.8.0.255", "1.0.3.8.0.255",
            "1.0.4.8.0.255", "1.0.1.8.1.255", "1.0.1.8.2.255", "1.0.32.7.0.255", "1.0.31.7.0.255", "1.0.1.7.0.255",
            "1.0.1.6.0.255").stream().map(ObisCode::parse).toList();
    private static final ObisCode LOAD_PROFILE = ObisCode.parse("1.0.99.1.0.255");
    private static final Duration CONNECT = Duration.ofSeconds(60);
    private static final Duration RESPONSE = Duration.ofSeconds(30);

    private DlmsBenchmark() {
    }

    /** One pass over the fleet: values read, failures, time. */
    private record Pass(String name, long values, long failures, Duration took) {
        double perSecond() {
            return values / (took.toNanos() / 1e9);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-7s %,10d values %5d failures %8.2f s %,12.0f values/s", name, values,
                    failures, took.toNanos() / 1e9, perSecond());
        }
    }

    @FunctionalInterface
    private interface Reader {
        /** Reads one meter; returns the number of values, or -1 on failure. */
        long read(SimulatedMeter meter, Instant from, Instant to) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int meters = Integer.getInteger("meters", 1000);
        int parallel = Integer.getInteger("parallel", 16);
        int port = Integer.getInteger("port", 24159);
        int rounds = Integer.getInteger("rounds", 2);
        SecurityMode security = switch (System.getProperty("security", "hls5-gmac")) {
            case "none" -> SecurityMode.NONE;
            case "lls" -> SecurityMode.LLS;
            default -> SecurityMode.HLS5_GMAC;
        };
        Path counters = Files.createTempDirectory("dlms-bench-counters");
        print("DLMS benchmark: %d meters, %d in parallel, %s, Java %s, %d cores%n", meters, parallel,
                security, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        try (Fleet fleet = Fleet.start(FleetSpec.of(meters, port).withName("bench").withSecurity(security))) {
            DlmsDriver driver = new DlmsDriver(new DlmsDriver.Settings(Optional.empty(), Duration.ZERO, counters, 1000,
                    true, 16, meters * 2));
            Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS);
            Instant from = to.minus(Duration.ofDays(1));
            Reader viaDriver = (m, f, t) -> readWithDriver(driver, m, f, t);
            Reader raw = DlmsBenchmark::readRaw;
            // warm-up: first contact (counter sync, identification), class loading, JIT
            LOG.info("{}", run("warm-up", fleet.meters(), parallel, viaDriver, from, to));
            LOG.info("{}", run("warm-up", fleet.meters().subList(0, Math.min(100, meters)), parallel, raw, from, to));
            Pass bestDriver = null;
            Pass bestRaw = null;
            for (int r = 0; r < rounds; r++) {
                Pass p = run("raw", fleet.meters(), parallel, raw, from, to);
                LOG.info("{}", p);
                bestRaw = bestRaw == null || p.perSecond() > bestRaw.perSecond() ? p : bestRaw;
                p = run("driver", fleet.meters(), parallel, viaDriver, from, to);
                LOG.info("{}", p);
                bestDriver = bestDriver == null || p.perSecond() > bestDriver.perSecond() ? p : bestDriver;
            }
            print("best of %d: driver %,.0f values/s, raw jDLMS %,.0f values/s, ratio %.2f%n",
                    rounds, bestDriver.perSecond(), bestRaw.perSecond(), bestDriver.perSecond() / bestRaw.perSecond());
        }
    }

    private static Pass run(String name, List<SimulatedMeter> meters, int parallel, Reader reader, Instant from,
            Instant to) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        AtomicLong values = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long t0 = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SimulatedMeter m : meters) {
                futures.add(pool.submit(() -> {
                    try {
                        long n = reader.read(m, from, to);
                        if (n < 0) {
                            failures.incrementAndGet();
                        } else {
                            values.addAndGet(n);
                        }
                    } catch (Exception e) {
                        if (failures.incrementAndGet() <= 3) {
                            LOG.warn("{}", name + " " + m.serialNumber() + ": " + e);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.incrementAndGet();
                }
            }
        } finally {
            pool.shutdown();
        }
        return new Pass(name, values.get(), failures.get(), Duration.ofNanos(System.nanoTime() - t0));
    }

    private static long readWithDriver(DlmsDriver driver, SimulatedMeter m, Instant from, Instant to) {
        SessionSettings settings = new SessionSettings(m.serialNumber(), m.host(), m.port(), m.logicalDevice(),
                m.clientId(), SimulatorSupport.security(m), CONNECT, RESPONSE);
        Result<MeterSession> open = driver.open(settings);
        if (!open.isOk()) {
            LOG.warn("{}", open.error());
            return -1;
        }
        try (MeterSession s = open.value()) {
            long n = 0;
            for (ItemResult r : s.read(REGISTERS)) {
                if (r.result().isOk()) {
                    n++;
                }
            }
            Result<LoadProfile> p = s.readLoadProfile(LOAD_PROFILE, from, to);
            if (!p.isOk()) {
                LOG.warn("{}", p.error());
                return -1;
            }
            for (ProfileEntry e : p.value().entries()) {
                n += e.values().size();
            }
            return n;
        }
    }

    /** The same requests with jDLMS alone: registers (value + scaler_unit), capture objects, buffer, units. */
    private static long readRaw(SimulatedMeter m, Instant from, Instant to) throws IOException {
        return RawJdlms.read(m, REGISTERS, LOAD_PROFILE, from, to, RESPONSE);
    }
}
