package org.meterline.archive.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.meterline.archive.api.MeterModel;
import org.meterline.archive.api.MeterModelService;
import org.meterline.core.api.CallerPrincipal;
import org.meterline.core.api.PageRequest;

/** {@code meterline:meter-model-list}. */
@Service
@Command(scope = "meterline", name = "meter-model-list", description = "Lists the meter models of your customer")
public class MeterModelListCommand implements Action {

    @Reference
    Session session;

    @Reference
    MeterModelService models;

    @Option(name = "-q", aliases = "--filter", description = "Only models whose manufacturer or model contains this")
    String filter;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Manufacturer");
        table.column("Model");
        table.column("Protocol");
        table.column("Phases").alignRight();
        table.column("Wiring");
        for (MeterModel m : models.listMeterModels(CallerPrincipal.requireCurrent(),
                new PageRequest(0, PageRequest.MAX_LIMIT, "manufacturer", true, filter)).items()) {
            table.addRow().addContent(m.id(), m.manufacturer(), m.model(), m.protocol(), m.phases(), m.wiring());
        }
        table.print(session.getConsole());
        return null;
    }
}
