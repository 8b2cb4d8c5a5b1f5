package org.meterline.driver.dlms.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.meterline.driver.api.MeterSession;
import org.meterline.driver.api.Result;
import org.meterline.driver.api.Security;
import org.meterline.driver.api.SessionSettings;
import org.meterline.simulator.SecurityMode;
import org.meterline.simulator.SimulatedMeter;

/** Helpers shared by the tests that talk to the simulator. */
final class SimulatorSupport {

    /** Generous: the build machine is shared (2 cores, other builds); the fault tests use their own. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(15);

    private SimulatorSupport() {
    }

    static DlmsDriver driver(Path profiles, Path counters, int window, Duration refresh) {
        return new DlmsDriver(new DlmsDriver.Settings(Optional.ofNullable(profiles), refresh, counters, window, true, 16,
                1000));
    }

    static Security security(SimulatedMeter m) {
        return security(m, m.security());
    }

    static Security security(SimulatedMeter m, SecurityMode mode) {
        switch (mode) {
            case NONE:
                return new Security.None();
            case LLS:
                return new Security.Password(m.password());
            default:
                return new Security.Keys(m.authenticationKey(), m.encryptionKey(), m.masterKey());
        }
    }

    static SessionSettings settings(SimulatedMeter m) {
        return new SessionSettings(m.serialNumber(), m.host(), m.port(), m.logicalDevice(), m.clientId(), security(m),
                CONNECT_TIMEOUT, RESPONSE_TIMEOUT);
    }

    static SessionSettings settings(SimulatedMeter m, Duration connect, Duration response) {
        return new SessionSettings(m.serialNumber(), m.host(), m.port(), m.logicalDevice(), m.clientId(), security(m),
                connect, response);
    }

    static DlmsSession open(DlmsDriver driver, SimulatedMeter m) {
        Result<MeterSession> r = driver.open(settings(m));
        if (!r.isOk()) {
            fail("open " + m.serialNumber() + ": " + r.error());
        }
        return (DlmsSession) r.value();
    }

    static <T> T ok(Result<T> r) {
        if (!r.isOk()) {
            fail(r.error().toString());
        }
        return r.value();
    }

    /** Threads of jDLMS clients and of the driver's connect guard. */
    static int clientThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("jDLMS - WRAPPER") || t.getName().startsWith("dlms-connect"))
                .count();
    }

    /** Open file descriptors of this process (sockets included); -1 where /proc is missing. */
    static int openFiles() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    /**
     * Waits (bounded) until the client threads and open files are back to what they were: closing is
     * asynchronous on the simulator's side, so this is a bounded settle, not a speed check.
     */
    static void assertNothingLeaked(int threadsBefore, int filesBefore) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int threads;
        int files;
        do {
            threads = clientThreads();
            files = openFiles();
            if (threads <= threadsBefore && files <= filesBefore) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        assertTrue(threads <= threadsBefore, "client threads leaked: " + threadsBefore + " before, " + threads + " after");
        assertTrue(files <= filesBefore, "open files/sockets leaked: " + filesBefore + " before, " + files + " after");
    }
}
