package org.meterline.driver.internal.shell;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.meterline.core.api.CallerPrincipal;
import org.meterline.driver.api.DriverRegistry;
import org.meterline.driver.api.MeterDriver;
import org.meterline.driver.api.ModelRef;
import org.meterline.driver.internal.RefusedDrivers;

@Service
@Command(scope = "meterline", name = "driver-list",
        description = "Lists the installed meter drivers and the models they serve, and the driver bundles refused for their SPI version")
public class DriverListCommand implements Action {

    @Reference
    Session session;

    @Reference
    DriverRegistry registry;

    @Reference
    RefusedDrivers refused;

    @Override
    public Object execute() {
        CallerPrincipal.requireCurrent();
        ShellTable table = new ShellTable();
        table.column("Driver");
        table.column("Protocol");
        table.column("SPI");
        table.column("Models");
        for (MeterDriver d : registry.drivers()) {
            table.addRow().addContent(d.id(), d.protocol(), d.spiVersion(),
                    d.models().stream().map(ModelRef::toString).sorted().collect(Collectors.joining(", ")));
        }
        table.print(session.getConsole());
        session.getConsole().println("Driver SPI " + MeterDriver.SPI_VERSION);

        List<RefusedDrivers.Refusal> refusals = refused.list();
        if (!refusals.isEmpty()) {
            session.getConsole().println();
            session.getConsole().println("Refused driver bundles (not used):");
            ShellTable refusedTable = new ShellTable();
            refusedTable.column("Bundle");
            refusedTable.column("Version");
            refusedTable.column("SPI");
            refusedTable.column("Reason");
            refusedTable.column("Where");
            for (RefusedDrivers.Refusal r : refusals) {
                refusedTable.addRow().addContent(r.bundle(), r.version(), r.spi(), r.reason(),
                        r.source() + ": " + r.state());
            }
            refusedTable.print(session.getConsole());
        }
        return null;
    }
}
