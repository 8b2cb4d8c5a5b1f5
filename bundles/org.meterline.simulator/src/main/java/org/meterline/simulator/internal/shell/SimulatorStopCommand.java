package org.meterline.simulator.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.meterline.core.api.NotFoundException;
import org.meterline.simulator.SimulatorService;

@Service
@Command(scope = "meterline", name = "simulator-stop", description = "Stops a fleet of simulated meters")
public class SimulatorStopCommand implements Action {

    @Reference
    Session session;

    @Reference
    SimulatorService simulator;

    @Argument(index = 0, name = "fleet", description = "Fleet name", required = true)
    @Completion(FleetNameCompleter.class)
    String name;

    @Override
    public Object execute() {
        Access.requireSystemAdmin();
        if (!simulator.stop(name)) {
            throw new NotFoundException("No fleet " + name);
        }
        session.getConsole().println("Stopped " + name);
        return null;
    }
}
