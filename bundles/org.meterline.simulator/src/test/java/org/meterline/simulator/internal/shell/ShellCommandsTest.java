package org.meterline.simulator.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.security.auth.Subject;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.console.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meterline.core.api.Caller;
import org.meterline.core.api.CallerPrincipal;
import org.meterline.core.api.ForbiddenException;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.Role;
import org.meterline.simulator.Fault;
import org.meterline.simulator.Fleet;
import org.meterline.simulator.SecurityMode;
import org.meterline.simulator.SimulatedMeter;
import org.meterline.simulator.internal.MeterState;
import org.meterline.simulator.internal.SimulatorServiceImpl;

/** The simulator commands as the Karaf shell runs them: as a logged-in account, printing to the session. */
class ShellCommandsTest {

    private final Caller admin = new Caller("root", 1, 1, 1, EnumSet.of(Role.SYSTEM_ADMIN));
    private final Caller operator = new Caller("op", 2, 10, 10, EnumSet.of(Role.OPERATOR));
    private final SimulatorServiceImpl simulator = new SimulatorServiceImpl();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Session session = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(),
            new Class<?>[] {Session.class}, (proxy, m, args) -> {
                if ("getConsole".equals(m.getName())) {
                    return new PrintStream(out, true, StandardCharsets.UTF_8);
                }
                throw new UnsupportedOperationException(m.getName());
            });

    @AfterEach
    void stop() {
        List.copyOf(simulator.fleets()).forEach(f -> simulator.stop(f.spec().name()));
    }

    private List<String> run(Caller caller, Action command) throws Exception {
        out.reset();
        Subject subject = new Subject(false, Set.of(new CallerPrincipal(caller)), Set.of(), Set.of());
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) command::execute);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
        return new ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private SimulatorStartCommand start(int count, String security, String prefix) {
        SimulatorStartCommand c = new SimulatorStartCommand();
        c.session = session;
        c.simulator = simulator;
        c.count = count;
        c.port = 0;
        c.security = security;
        c.prefix = prefix;
        c.name = "shell";
        return c;
    }

    @Test
    void startListFaultAndStop() throws Exception {
        List<String> started = run(admin, start(3, "lls", "SH"));
        assertTrue(started.get(0).startsWith("Started Fleet[shell, 3 meters, LLS"), started.toString());
        Fleet fleet = simulator.fleet("shell").orElseThrow();
        assertEquals(SecurityMode.LLS, fleet.spec().security());

        SimulatorListCommand list = new SimulatorListCommand();
        list.session = session;
        list.simulator = simulator;
        List<String> fleets = run(operator, list);
        assertTrue(fleets.stream().anyMatch(l -> l.startsWith("shell") && l.contains("SH000001..SH000003")
                && l.contains("lls")), fleets.toString());

        SimulatorFaultCommand fault = new SimulatorFaultCommand();
        fault.session = session;
        fault.simulator = simulator;
        fault.serial = "SH000002";
        fault.fault = "slow";
        fault.delayMillis = 250;
        run(admin, fault);
        SimulatedMeter meter = fleet.meter("SH000002").orElseThrow();
        assertEquals(List.of(new Fault.SlowAnswer(java.time.Duration.ofMillis(250))), ((MeterState) meter).faults());
        fault.fault = "drop-mid-profile";
        run(admin, fault);
        list.fleetName = "shell";
        List<String> meters = run(operator, list);
        assertTrue(meters.stream().anyMatch(l -> l.startsWith("SH000002") && l.contains("slow 250 ms")
                && l.contains("drop-mid-profile")), meters.toString());
        fault.fault = "none";
        run(admin, fault);
        assertEquals(List.of(), ((MeterState) meter).faults());
        fault.fault = "melt";
        assertThrows(IllegalArgumentException.class, () -> run(admin, fault));
        fault.serial = "XX000001";
        fault.fault = "garbage";
        assertThrows(NotFoundException.class, () -> run(admin, fault));

        SimulatorStopCommand stop = new SimulatorStopCommand();
        stop.session = session;
        stop.simulator = simulator;
        stop.name = "shell";
        assertEquals(List.of("Stopped shell"), run(admin, stop));
        assertFalse(fleet.isRunning());
        assertThrows(NotFoundException.class, () -> run(admin, stop));
    }

    @Test
    void onlySystemAdminsStartStopAndFault() throws Exception {
        assertThrows(ForbiddenException.class, () -> run(operator, start(1, "none", "OP")));
        assertTrue(simulator.fleets().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> run(admin, start(1, "hls", "OP")));
        assertTrue(simulator.fleets().isEmpty());
    }
}
