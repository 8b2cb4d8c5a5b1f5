package org.meterline.simulator.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.meterline.simulator.SimulatorService;

/** Completes the names of the running fleets. */
@Service
public class FleetNameCompleter implements Completer {

    @Reference
    SimulatorService simulator;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(simulator.fleets().stream().map(f -> f.spec().name()).toList())
                .complete(session, commandLine, candidates);
    }
}
