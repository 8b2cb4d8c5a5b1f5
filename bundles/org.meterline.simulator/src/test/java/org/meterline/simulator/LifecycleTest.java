package org.meterline.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openmuc.jdlms.DlmsConnection;

/** Addressing of many meters behind few ports, and that start failures and close() leave nothing behind. */
class LifecycleTest {

    @Test
    void threeServersAddressEveryMeterByPortAndLogicalDevice() throws Exception {
        int base = freePorts(3);
        FleetSpec spec = FleetSpec.of(10, base).withMetersPerServer(4).withSecurity(SecurityMode.NONE)
                .withSerialPrefix("ADR").withFirstNumber(100);
        try (Fleet fleet = Fleet.start(spec)) {
            assertEquals(List.of(base, base + 1, base + 2), fleet.ports());
            assertEquals(10, fleet.meters().size());
            for (int i = 0; i < 10; i++) {
                SimulatedMeter m = fleet.meters().get(i);
                assertEquals(String.format("ADR%06d", 100 + i), m.serialNumber());
                assertEquals(base + i / 4, m.port());
                assertEquals(1 + i % 4, m.logicalDevice());
                assertEquals(m, fleet.meter(m.serialNumber()).orElseThrow());
                try (DlmsConnection c = Clients.connect(m)) {
                    assertEquals(m.serialNumber(), ObjectMapTest.ascii(Clients.get(c, 1, "0.0.96.1.0.255", 2)));
                    assertEquals("MLS" + m.serialNumber(), ObjectMapTest.ascii(Clients.get(c, 1, "0.0.42.0.0.255", 2)));
                }
            }
            assertTrue(fleet.meter("ADR000099").isEmpty());
            // the third server has two meters: logical device 3 does not exist there
            assertThrows(IOException.class, () -> Clients.builder(fleet.meters().get(9)).setLogicalDeviceId(3)
                    .setClientId(16).setResponseTimeout(2_000).build().close());
        }
    }

    @Test
    void everyMeterBehindAPortHasItsOwnKeys() throws Exception {
        int base = freePorts(2);
        try (Fleet fleet = Fleet.start(FleetSpec.of(4, base).withMetersPerServer(2).withName("keys"))) {
            SimulatedMeter m = fleet.meters().get(3);
            SimulatedMeter other = fleet.meters().get(2);
            assertEquals(base + 1, m.port());
            assertEquals(2, m.logicalDevice());
            try (DlmsConnection c = Clients.connect(m)) {
                assertEquals(m.serialNumber(), ObjectMapTest.ascii(Clients.get(c, 1, "0.0.96.1.0.255", 2)));
            }
            assertThrows(IOException.class, () -> Clients.connect(m, m.password(), other.authenticationKey(),
                    other.encryptionKey()).close());
        }
    }

    @Test
    void closeReleasesEveryPortAndThread() throws Exception {
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        long socketsBefore = openSockets();
        int base = freePorts(2);
        Fleet fleet = Fleet.start(FleetSpec.of(6, base).withMetersPerServer(3).withSecurity(SecurityMode.NONE));
        List<DlmsConnection> open = new ArrayList<>();
        for (SimulatedMeter m : fleet.meters()) {
            open.add(Clients.connect(m));
        }
        Socket idle = new Socket(InetAddress.getLoopbackAddress(), base);
        fleet.meters().get(1).inject(new Fault.NoAnswer());
        assertTrue(openSockets() > socketsBefore);

        fleet.close();
        fleet.close();
        assertFalse(fleet.isRunning());
        for (DlmsConnection c : open) {
            try {
                c.close();
            } catch (IOException ignored) {
                // the server went away
            }
        }
        idle.close();

        for (int port : List.of(base, base + 1)) {
            assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
        }
        awaitNoNewThreads(threadsBefore);
        awaitSockets(socketsBefore);
    }

    @Test
    void aPortInUseFailsTheStartAndLeavesNothingOpen() throws Exception {
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        long socketsBefore = openSockets();
        int base = freePorts(3);
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), base + 1));
            assertThrows(IOException.class,
                    () -> Fleet.start(FleetSpec.of(9, base).withMetersPerServer(3).withSecurity(SecurityMode.NONE)));
        }
        for (int port : List.of(base, base + 2)) {
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            }
        }
        awaitNoNewThreads(threadsBefore);
        awaitSockets(socketsBefore);
    }

    /** A base port with {@code n} free ports from it (bound and released again). */
    static int freePorts(int n) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 60_000);
            List<ServerSocket> probes = new ArrayList<>();
            try {
                for (int i = 0; i < n; i++) {
                    ServerSocket s = new ServerSocket();
                    probes.add(s);
                    s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), base + i));
                }
                return base;
            } catch (IOException e) {
                // try another range
            } finally {
                for (ServerSocket s : probes) {
                    s.close();
                }
            }
        }
        throw new IOException("no free port range");
    }

    /** Sockets this process holds (Linux: /proc/self/fd), -1 where that is not available. */
    static long openSockets() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        try (Stream<Path> s = Files.list(fds)) {
            return s.filter(p -> {
                try {
                    return Files.readSymbolicLink(p).toString().startsWith("socket:");
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }

    static void awaitSockets(long before) throws Exception {
        long now = openSockets();
        for (int i = 0; i < 100 && now > before; i++) {
            Thread.sleep(100);
            now = openSockets();
        }
        assertTrue(now <= before, "sockets before " + before + ", after close " + now);
    }

    static void awaitNoNewThreads(Set<Thread> before) throws Exception {
        Set<String> extra = Set.of();
        for (int i = 0; i < 100; i++) {
            extra = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                    .map(Thread::getName).collect(Collectors.toSet());
            if (extra.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        assertEquals(Set.of(), extra, "threads left after close");
    }
}
