package org.meterline.driver.internal.shell;

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

@Service
@Command(scope = "meterline", name = "driver-list", description = "Lists the installed meter drivers and the models they serve")
public class DriverListCommand implements Action {

    @Reference
    Session session;

    @Reference
    DriverRegistry registry;

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
        return null;
    }
}
