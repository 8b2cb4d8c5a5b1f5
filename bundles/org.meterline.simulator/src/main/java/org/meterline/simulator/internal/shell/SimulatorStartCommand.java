package org.meterline.simulator.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.meterline.simulator.Fleet;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SimulatorService;
import org.meterline.simulator.internal.SecurityModes;

@Service
@Command(scope = "meterline", name = "simulator-start", description = "Starts a fleet of simulated DLMS meters")
public class SimulatorStartCommand implements Action {

    @Reference
    Session session;

    @Reference
    SimulatorService simulator;

    @Option(name = "--count", description = "Number of meters")
    int count = 100;

    @Option(name = "--port", description = "TCP port of the first server")
    int port = 4059;

    @Option(name = "--security", description = "none, lls or hls5-gmac")
    @Completion(SecurityCompleter.class)
    String security = "hls5-gmac";

    @Option(name = "--prefix", description = "Serial number prefix")
    String prefix = "SIM";

    @Option(name = "--first", description = "Number of the first serial")
    int first = 1;

    @Option(name = "--per-server", description = "Meters (logical devices) per TCP port")
    int perServer = FleetSpec.DEFAULT_METERS_PER_SERVER;

    @Option(name = "--seed", description = "Seed of values and secrets")
    long seed = 1L;

    @Option(name = "--name", description = "Fleet name (default fleet-<port>)")
    String name;

    @Option(name = "--host", description = "Address to listen on")
    String host = "127.0.0.1";

    @Override
    public Object execute() throws Exception {
        Access.requireSystemAdmin();
        FleetSpec spec = FleetSpec.of(count, port).withName(name == null ? "fleet-" + port : name)
                .withSecurity(SecurityModes.parse(security)).withSerialPrefix(prefix).withFirstNumber(first)
                .withMetersPerServer(perServer).withSeed(seed).withBindHost(host);
        Fleet fleet = simulator.start(spec);
        session.getConsole().println("Started " + fleet + ": serials " + spec.serialOf(0) + ".."
                + spec.serialOf(count - 1) + ", client " + spec.security().clientId());
        return null;
    }
}
