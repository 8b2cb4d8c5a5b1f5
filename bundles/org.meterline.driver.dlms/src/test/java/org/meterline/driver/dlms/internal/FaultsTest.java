package org.meterline.driver.dlms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meterline.driver.dlms.internal.SimulatorSupport.assertNothingLeaked;
import static org.meterline.driver.dlms.internal.SimulatorSupport.clientThreads;
import static org.meterline.driver.dlms.internal.SimulatorSupport.ok;
import static org.meterline.driver.dlms.internal.SimulatorSupport.open;
import static org.meterline.driver.dlms.internal.SimulatorSupport.openFiles;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.core.api.ObisCode;
import org.meterline.driver.api.DriverError.Kind;
import org.meterline.driver.api.MeterSession;
import org.meterline.driver.api.Result;
import org.meterline.driver.api.Security;
import org.meterline.driver.api.SessionSettings;
import org.meterline.simulator.Fault;
import org.meterline.simulator.Fleet;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SecurityMode;
import org.meterline.simulator.SimulatedMeter;

/**
 * Each injected fault ends in the right typed error within the timeout, and leaves no thread or
 * socket behind.
 */
class FaultsTest {

    private static final Duration CONNECT = Duration.ofSeconds(10);
    private static final Duration RESPONSE = Duration.ofSeconds(4);
    /** Scheduling slack on a shared 2-core machine: a bound for correctness, not a speed target. */
    private static final Duration SLACK = Duration.ofSeconds(5);

    @TempDir
    static Path work;

    static Fleet hls;
    static Fleet lls;
    static DlmsDriver driver;

    private int threadsBefore;
    private int filesBefore;

    @BeforeAll
    static void start() throws Exception {
        hls = Fleet.start(FleetSpec.of(8, 0).withName("faults-hls"));
        lls = Fleet.start(FleetSpec.of(2, 0).withName("faults-lls").withSecurity(SecurityMode.LLS));
        driver = SimulatorSupport.driver(null, work.resolve("counters"), 64, Duration.ZERO);
        // warm up: identify the meters and load classes, so the counts below compare like with like
        for (SimulatedMeter m : hls.meters()) {
            open(driver, m).close();
        }
        for (SimulatedMeter m : lls.meters()) {
            open(driver, m).close();
        }
    }

    @AfterAll
    static void stop() {
        hls.close();
        lls.close();
    }

    @BeforeEach
    void count() throws InterruptedException {
        Thread.sleep(100);
        threadsBefore = clientThreads();
        filesBefore = openFiles();
    }

    @AfterEach
    void clear() {
        hls.meters().forEach(SimulatedMeter::clearFaults);
        lls.meters().forEach(SimulatedMeter::clearFaults);
    }

    private static SessionSettings settings(SimulatedMeter m) {
        return SimulatorSupport.settings(m, CONNECT, RESPONSE);
    }

    /** Runs {@code call}, checks its error kind and that it came within {@code bound}. */
    private static <T> Result<T> expect(Kind kind, Duration bound, java.util.function.Supplier<Result<T>> call) {
        long t0 = System.nanoTime();
        Result<T> r = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertFalse(r.isOk(), "expected " + kind + ", got " + r);
        assertEquals(kind, r.error().kind(), r.error().toString());
        assertTrue(took.compareTo(bound.plus(SLACK)) <= 0, "took " + took + ", the bound is " + bound);
        assertFalse(r.error().message().isBlank());
        return r;
    }

    @Test
    void noAnswerWhileAssociatingIsATimeout() throws Exception {
        SimulatedMeter m = hls.meters().get(0);
        m.inject(new Fault.NoAnswer());
        expect(Kind.TIMEOUT, CONNECT, () -> driver.open(settings(m)));
        // the connecting thread ends with jDLMS's own response timeout
        assertNothingLeaked(threadsBefore, filesBefore);
    }

    @Test
    void noAnswerInASessionIsATimeoutAndClosesTheSession() throws Exception {
        SimulatedMeter m = hls.meters().get(1);
        MeterSession s = ok(driver.open(settings(m)));
        m.inject(new Fault.NoAnswer());
        expect(Kind.TIMEOUT, RESPONSE, s::readClock);
        expect(Kind.CONNECTION_FAILED, Duration.ZERO, s::readRelay);
        s.close();
        assertNothingLeaked(threadsBefore, filesBefore);
    }

    @Test
    void slowAnswersBeyondTheResponseTimeoutAreATimeout() throws Exception {
        SimulatedMeter m = hls.meters().get(2);
        MeterSession s = ok(driver.open(settings(m)));
        m.inject(new Fault.SlowAnswer(RESPONSE.multipliedBy(2)));
        expect(Kind.TIMEOUT, RESPONSE, () -> s.readLoadProfile(ObisCode.parse("1.0.99.1.0.255"),
                Instant.now().minus(Duration.ofDays(1)), Instant.now()));
        s.close();
        // the meter is slow on association too
        expect(Kind.TIMEOUT, CONNECT, () -> driver.open(settings(m)));
        m.clearFaults();
        assertNothingLeaked(threadsBefore, filesBefore);
    }

    @Test
    void slowAnswersWithinTheResponseTimeoutAreFine() throws Exception {
        SimulatedMeter m = hls.meters().get(3);
        m.inject(new Fault.SlowAnswer(Duration.ofMillis(200)));
        try (MeterSession s = ok(driver.open(settings(m)))) {
            assertTrue(s.readClock().isOk());
        }
        assertNothingLeaked(threadsBefore, filesBefore);
    }

    @Test
    void garbageIsAProtocolError() throws Exception {
        SimulatedMeter m = hls.meters().get(4);
        MeterSession s = ok(driver.open(settings(m)));
        m.inject(new Fault.Garbage());
        expect(Kind.PROTOCOL_ERROR, RESPONSE, s::readClock);
        expect(Kind.CONNECTION_FAILED, Duration.ZERO, s::readClock);
        s.close();
        expect(Kind.PROTOCOL_ERROR, CONNECT, () -> driver.open(settings(m)));
        assertNothingLeaked(threadsBefore, filesBefore);
    }

    @Test
    void aLinkDroppedInTheMiddleOfAProfileClosesTheSession() throws Exception {
        SimulatedMeter m = hls.meters().get(5);
        MeterSession s = ok(driver.open(settings(m)));
        m.inject(new Fault.DropMidProfile());
        Result<?> r = expect(Kind.CONNECTION_FAILED, RESPONSE, () -> s.readLoadProfile(ObisCode.parse("1.0.99.1.0.255"),
                Instant.now().minus(Duration.ofDays(1)), Instant.now()));
        assertTrue(r.error().retryable());
        expect(Kind.CONNECTION_FAILED, Duration.ZERO, s::readClock);
        List<?> items = s.read(List.of(ObisCode.parse("1.0.1.8.0.255")));
        assertEquals(1, items.size());
        s.close();
        assertNothingLeaked(threadsBefore, filesBefore);
    }

    @Test
    void wrongKeysAreAnAuthenticationFailure() throws Exception {
        SimulatedMeter m = hls.meters().get(6);
        m.inject(new Fault.WrongKeys());
        Result<?> r = expect(Kind.AUTHENTICATION_FAILED, CONNECT, () -> driver.open(settings(m)));
        assertFalse(r.error().retryable());
        m.clearFaults();
        assertTrue(driver.open(settings(m)).map(s -> {
            s.close();
            return true;
        }).isOk(), "with the right keys again, the meter answers (counters stayed ahead)");
        assertNothingLeaked(threadsBefore, filesBefore);
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailure() throws Exception {
        SimulatedMeter m = lls.meters().get(0);
        m.inject(new Fault.WrongKeys());
        expect(Kind.AUTHENTICATION_FAILED, CONNECT, () -> driver.open(settings(m)));
        SessionSettings typo = new SessionSettings(m.serialNumber(), m.host(), m.port(), m.logicalDevice(), m.clientId(),
                new Security.Password("wrong!!!".getBytes()), CONNECT, RESPONSE);
        m.clearFaults();
        expect(Kind.AUTHENTICATION_FAILED, CONNECT, () -> driver.open(typo));
        assertNothingLeaked(threadsBefore, filesBefore);
    }

    @Test
    void unusableKeysAreRefusedBeforeConnecting() {
        SimulatedMeter m = hls.meters().get(7);
        SessionSettings shortKeys = new SessionSettings(m.serialNumber(), m.host(), m.port(), m.logicalDevice(),
                m.clientId(), new Security.Keys(new byte[3], new byte[3], null), CONNECT, RESPONSE);
        Result<?> r = expect(Kind.AUTHENTICATION_FAILED, Duration.ZERO, () -> driver.open(shortKeys));
        assertFalse(r.error().message().contains("000000"), "no key material in messages");
    }

    @Test
    void nothingListeningIsAConnectionFailure() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        SessionSettings s = new SessionSettings("NOBODY", "127.0.0.1", port, 1, 16, new Security.None(), CONNECT,
                RESPONSE);
        expect(Kind.CONNECTION_FAILED, CONNECT, () -> driver.open(s));
        SessionSettings unknownHost = new SessionSettings("NOBODY", "no-such-host.invalid", port, 1, 16,
                new Security.None(), CONNECT, RESPONSE);
        expect(Kind.CONNECTION_FAILED, CONNECT, () -> driver.open(unknownHost));
        assertNothingLeaked(threadsBefore, filesBefore);
    }

    @Test
    void aTcpConnectThatHangsEndsAtTheConnectTimeout() throws Exception {
        // a listener that never accepts, with its backlog filled: further SYNs go unanswered
        List<java.net.Socket> fillers = new java.util.ArrayList<>();
        try (ServerSocket deaf = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 8; i++) {
                java.net.Socket f = new java.net.Socket();
                fillers.add(f);
                try {
                    f.connect(deaf.getLocalSocketAddress(), 200);
                } catch (java.io.IOException e) {
                    break;
                }
            }
            Duration connect = Duration.ofSeconds(2);
            SessionSettings s = new SessionSettings("DEAF", "127.0.0.1", deaf.getLocalPort(), 1, 16,
                    new Security.None(), connect, Duration.ofSeconds(30));
            expect(Kind.TIMEOUT, connect, () -> driver.open(s));
        } finally {
            for (java.net.Socket f : fillers) {
                f.close();
            }
        }
        assertNothingLeaked(threadsBefore, filesBefore);
    }

    @Test
    void aFleetThatGoesAwayEndsOpenSessionsWithConnectionFailed() throws Exception {
        try (Fleet shortLived = Fleet.start(FleetSpec.of(1, 0).withName("faults-gone").withSecurity(SecurityMode.NONE))) {
            SimulatedMeter m = shortLived.meters().get(0);
            MeterSession s = ok(driver.open(settings(m)));
            shortLived.close();
            Function<MeterSession, Result<?>> call = MeterSession::readClock;
            expect(Kind.CONNECTION_FAILED, RESPONSE, () -> call.apply(s));
            s.close();
        }
        assertNothingLeaked(threadsBefore, filesBefore);
    }
}
