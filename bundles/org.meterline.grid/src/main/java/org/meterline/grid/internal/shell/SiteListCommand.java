package org.meterline.grid.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.meterline.core.api.Caller;
import org.meterline.core.api.CallerPrincipal;
import org.meterline.grid.api.GridService;
import org.meterline.grid.api.Site;

/** {@code meterline:site-list}. */
@Service
@Command(scope = "meterline", name = "site-list", description = "Lists the sites of your customer (manual §2.1)")
public class SiteListCommand implements Action {

    @Reference
    Session session;

    @Reference
    GridService grid;

    @Option(name = "-q", aliases = "--filter", description = "Only sites whose name or short name contains this")
    String filter;

    @Override
    public Object execute() {
        Caller caller = CallerPrincipal.requireCurrent();
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Short name");
        table.column("Time zone");
        table.column("Latitude").alignRight();
        table.column("Longitude").alignRight();
        for (Site s : Pages.all(page -> grid.listSites(caller, page), "name", filter)) {
            table.addRow().addContent(s.id(), s.name(), Pages.text(s.shortName()), s.timeZone(),
                    Pages.text(s.latitude()), Pages.text(s.longitude()));
        }
        table.print(session.getConsole());
        return null;
    }
}
