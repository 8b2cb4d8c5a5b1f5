package org.meterline.archive.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.meterline.archive.api.AcquisitionModule;
import org.meterline.archive.api.AcquisitionModuleService;
import org.meterline.core.api.Caller;
import org.meterline.core.api.CallerPrincipal;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;

/** {@code meterline:acquisition-module-list}. */
@Service
@Command(scope = "meterline", name = "acquisition-module-list",
        description = "Lists the acquisition modules of your customer")
public class AcquisitionModuleListCommand implements Action {

    @Reference
    Session session;

    @Reference
    AcquisitionModuleService modules;

    @Option(name = "-q", aliases = "--filter",
            description = "Only modules whose serial number, IMEI, ICCID or address contains this")
    String filter;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Serial number");
        table.column("Type");
        table.column("IMEI");
        table.column("ICCID");
        table.column("Address");
        table.column("Status");
        Caller caller = CallerPrincipal.requireCurrent();
        Page<AcquisitionModule> page;
        int offset = 0;
        do {
            page = modules.listModules(caller,
                    new PageRequest(offset, PageRequest.MAX_LIMIT, "serialNumber", true, filter));
            for (AcquisitionModule m : page.items()) {
                table.addRow().addContent(m.id(), m.serialNumber(), m.type(), text(m.imei()), text(m.iccid()),
                        text(m.address()), m.status());
            }
            offset += PageRequest.MAX_LIMIT;
        } while (offset < page.total() && !page.items().isEmpty());
        table.print(session.getConsole());
        return null;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
