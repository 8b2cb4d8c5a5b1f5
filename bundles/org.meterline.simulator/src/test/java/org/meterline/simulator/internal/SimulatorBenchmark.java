package org.meterline.simulator.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SecurityMode;
import org.openmuc.jdlms.AccessResultCode;
import org.openmuc.jdlms.AttributeAddress;
import org.openmuc.jdlms.AuthenticationMechanism;
import org.openmuc.jdlms.DlmsConnection;
import org.openmuc.jdlms.SecuritySuite;
import org.openmuc.jdlms.SecuritySuite.EncryptionMechanism;
import org.openmuc.jdlms.SecuritySuite.SecurityPolicy;
import org.openmuc.jdlms.TcpConnectionBuilder;

/**
 * Prints the figures of the README: start time and heap for 1,000 and 10,000 meters, and register GETs per
 * second through 1 and 16 connections, through the front and directly to the jDLMS servers behind it.
 * Not a test: run it by hand (see README), e.g. with {@code -Xmx1g}.
 * Arguments: base port (default 24059), seconds per throughput run (default 5).
 */
public final class SimulatorBenchmark {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SimulatorBenchmark.class);

    /** Figures go to the log (slf4j-simple prints them), one line each. */
    private static void print(String format, Object... args) {
        LOG.info(String.format(java.util.Locale.ROOT, format, args).stripTrailing());
    }

    private static final AttributeAddress ENERGY = new AttributeAddress(3, "1.0.1.8.0.255", 2);

    private SimulatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int base = args.length > 0 ? Integer.parseInt(args[0]) : 24059;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        print("Java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        for (int count : new int[] {1_000, 10_000}) {
            long heapBefore = usedHeap();
            int threadsBefore = Thread.activeCount();
            long t0 = System.nanoTime();
            FleetRuntime fleet = FleetRuntime.start(FleetSpec.of(count, base).withSecurity(SecurityMode.HLS5_GMAC));
            long startMillis = (System.nanoTime() - t0) / 1_000_000;
            long heap = usedHeap() - heapBefore;
            print("start %,6d meters (%d servers, HLS5-GMAC): %,6d ms, heap +%,d MB (%,d bytes/meter), "
                    + "threads +%d%n", count, fleet.ports().size(), startMillis, heap >> 20, heap / count,
                    Thread.activeCount() - threadsBefore);
            fleet.close();
        }

        FleetRuntime none = FleetRuntime.start(FleetSpec.of(1_000, base).withSecurity(SecurityMode.NONE));
        try {
            for (int connections : new int[] {1, 16, 32}) {
                double front = run(none, connections, seconds, false);
                double direct = run(none, connections, seconds, true);
                print("NONE      %2d connections: %,8.0f GETs/s through the front, %,8.0f GETs/s "
                        + "directly to jDLMS (front %.0f%%)%n", connections, front, direct, 100 * front / direct);
            }
        } finally {
            none.close();
        }
        FleetRuntime hls = FleetRuntime.start(FleetSpec.of(1_000, base).withSecurity(SecurityMode.HLS5_GMAC));
        try {
            for (int connections : new int[] {1, 16}) {
                double front = run(hls, connections, seconds, false);
                print("HLS5-GMAC %2d connections: %,8.0f GETs/s through the front%n", connections, front);
            }
            for (int parallel : new int[] {1, 16}) {
                long[] result = sessions(hls, parallel, seconds);
                print("HLS5-GMAC %2d parallel short sessions (connect, associate, 1 GET, release): "
                        + "%,6.0f sessions/s, %d failed%n", parallel, result[0] / (double) seconds, result[1]);
            }
        } finally {
            hls.close();
        }
    }

    /** GETs per second of {@code connections} clients, each on its own meter, spread over the servers. */
    private static double run(FleetRuntime fleet, int connections, int seconds, boolean direct) throws Exception {
        List<DlmsConnection> clients = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                MeterState m = fleet.meters().get((i * 263) % fleet.meters().size());
                int port = direct ? fleet.internalPorts().get(fleet.ports().indexOf(m.port())) : m.port();
                clients.add(connect(m, port));
            }
            AtomicLong gets = new AtomicLong();
            CountDownLatch done = new CountDownLatch(connections);
            long warmupEnd = System.nanoTime() + 1_000_000_000L;
            long end = warmupEnd + seconds * 1_000_000_000L;
            for (DlmsConnection c : clients) {
                Thread t = new Thread(() -> {
                    try {
                        long n = 0;
                        while (System.nanoTime() < end) {
                            if (c.get(ENERGY).getResultCode() != AccessResultCode.SUCCESS) {
                                throw new IllegalStateException("GET failed");
                            }
                            if (System.nanoTime() > warmupEnd) {
                                n++;
                            }
                        }
                        gets.addAndGet(n);
                    } catch (IOException e) {
                        e.printStackTrace();
                    } finally {
                        done.countDown();
                    }
                });
                t.start();
            }
            done.await();
            return gets.get() / (double) seconds;
        } finally {
            for (DlmsConnection c : clients) {
                c.close();
            }
        }
    }

    /** Sessions per second and failures of {@code parallel} threads opening short sessions to all meters. */
    private static long[] sessions(FleetRuntime fleet, int parallel, int seconds) throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CountDownLatch done = new CountDownLatch(parallel);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int t = 0; t < parallel; t++) {
            int offset = t;
            new Thread(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    MeterState m = fleet.meters().get(i % fleet.meters().size());
                    i += parallel;
                    try (DlmsConnection c = connect(m, m.port())) {
                        if (c.get(ENERGY).getResultCode() != AccessResultCode.SUCCESS) {
                            throw new IOException("GET failed");
                        }
                        ok.incrementAndGet();
                    } catch (IOException | RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
                done.countDown();
            }).start();
        }
        done.await();
        return new long[] {ok.get(), failed.get()};
    }

    private static DlmsConnection connect(MeterState m, int port) throws IOException {
        TcpConnectionBuilder b = new TcpConnectionBuilder(InetAddress.getLoopbackAddress()).setPort(port).useWrapper()
                .setLogicalDeviceId(m.logicalDevice()).setClientId(m.clientId()).setResponseTimeout(10_000);
        if (m.security() == SecurityMode.HLS5_GMAC) {
            b.setSecuritySuite(SecuritySuite.builder().setAuthenticationMechanism(AuthenticationMechanism.HLS5_GMAC)
                    .setEncryptionMechanism(EncryptionMechanism.AES_GCM_128)
                    .setSecurityPolicy(SecurityPolicy.AUTHENTICATED_AND_ENCRYPTED)
                    .setAuthenticationKey(m.authenticationKey()).setGlobalUnicastEncryptionKey(m.encryptionKey())
                    .build()).setSystemTitle("MLC", 1)
                    .setFrameCounter(Math.max(1, m.highestInvocationCounter() + 1));
        }
        return b.build();
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
