package org.meterline.simulator.internal.shell;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.meterline.core.api.CallerPrincipal;
import org.meterline.core.api.NotFoundException;
import org.meterline.simulator.Fleet;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SimulatedMeter;
import org.meterline.simulator.SimulatorService;
import org.meterline.simulator.internal.MeterState;
import org.meterline.simulator.internal.SecurityModes;

@Service
@Command(scope = "meterline", name = "simulator-list",
        description = "Lists the simulated meter fleets, or the meters of one fleet")
public class SimulatorListCommand implements Action {

    private static final int DEFAULT_METER_ROWS = 50;

    @Reference
    Session session;

    @Reference
    SimulatorService simulator;

    @Argument(index = 0, name = "fleet", description = "List this fleet's meters", required = false)
    @Completion(FleetNameCompleter.class)
    String fleetName;

    @Option(name = "--all", description = "All meters of the fleet, not only the first 50")
    boolean all;

    @Override
    public Object execute() {
        CallerPrincipal.requireCurrent();
        if (fleetName == null) {
            listFleets();
        } else {
            Fleet fleet = simulator.fleet(fleetName).orElseThrow(() -> new NotFoundException("No fleet " + fleetName));
            listMeters(fleet);
        }
        return null;
    }

    private void listFleets() {
        ShellTable table = new ShellTable();
        table.column("Fleet");
        table.column("Meters");
        table.column("Serials");
        table.column("Listen");
        table.column("Per server");
        table.column("Security");
        table.column("Client");
        for (Fleet f : simulator.fleets()) {
            FleetSpec s = f.spec();
            List<Integer> ports = f.ports();
            table.addRow().addContent(s.name(), s.count(), s.serialOf(0) + ".." + s.serialOf(s.count() - 1),
                    s.bindHost() + ":" + ports.get(0) + (ports.size() > 1 ? ".." + ports.get(ports.size() - 1) : ""),
                    s.metersPerServer(), SecurityModes.id(s.security()), s.security().clientId());
        }
        table.print(session.getConsole());
    }

    private void listMeters(Fleet fleet) {
        ShellTable table = new ShellTable();
        table.column("Serial");
        table.column("Port");
        table.column("Logical device");
        table.column("Relay");
        table.column("Firmware");
        table.column("Faults");
        List<SimulatedMeter> meters = fleet.meters();
        int rows = all ? meters.size() : Math.min(DEFAULT_METER_ROWS, meters.size());
        for (SimulatedMeter m : meters.subList(0, rows)) {
            String faults = m instanceof MeterState state
                    ? state.faults().stream().map(Faults::name).collect(Collectors.joining(", ")) : "";
            table.addRow().addContent(m.serialNumber(), m.port(), m.logicalDevice(),
                    m.relayControlState() == 1 ? "connected" : m.relayControlState() == 0 ? "disconnected"
                            : "ready",
                    m.activeFirmware(), faults);
        }
        table.print(session.getConsole());
        if (rows < meters.size()) {
            session.getConsole().println((meters.size() - rows) + " more meters (--all)");
        }
    }
}
