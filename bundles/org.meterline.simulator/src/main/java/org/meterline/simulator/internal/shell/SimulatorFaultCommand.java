package org.meterline.simulator.internal.shell;

import java.time.Duration;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.meterline.core.api.NotFoundException;
import org.meterline.simulator.Fault;
import org.meterline.simulator.SimulatedMeter;
import org.meterline.simulator.SimulatorService;

@Service
@Command(scope = "meterline", name = "simulator-fault",
        description = "Injects a fault into a simulated meter, or clears its faults (none)")
public class SimulatorFaultCommand implements Action {

    @Reference
    Session session;

    @Reference
    SimulatorService simulator;

    @Argument(index = 0, name = "serial", description = "Serial number of the simulated meter", required = true)
    String serial;

    @Argument(index = 1, name = "fault",
            description = "none, no-answer, slow, garbage, drop-mid-profile or wrong-keys", required = true)
    @Completion(FaultCompleter.class)
    String fault;

    @Option(name = "--delay", description = "Delay of every answer for 'slow', in milliseconds")
    long delayMillis = 5_000;

    @Override
    public Object execute() {
        Access.requireSystemAdmin();
        SimulatedMeter meter = simulator.meter(serial.trim())
                .orElseThrow(() -> new NotFoundException("No simulated meter " + serial));
        Fault f = Faults.parse(fault, Duration.ofMillis(delayMillis));
        if (f == null) {
            meter.clearFaults();
            session.getConsole().println(meter.serialNumber() + ": faults cleared");
        } else {
            meter.inject(f);
            session.getConsole().println(meter.serialNumber() + ": " + Faults.name(f));
        }
        return null;
    }
}
