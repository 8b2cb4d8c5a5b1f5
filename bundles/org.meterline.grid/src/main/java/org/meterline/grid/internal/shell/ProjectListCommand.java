package org.meterline.grid.internal.shell;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.meterline.core.api.Caller;
import org.meterline.core.api.CallerPrincipal;
import org.meterline.core.api.ValidationException;
import org.meterline.grid.api.GridService;
import org.meterline.grid.api.Project;
import org.meterline.grid.api.ProjectStatus;

/** {@code meterline:project-list [--status planned]}. */
@Service
@Command(scope = "meterline", name = "project-list", description = "Lists the projects of your customer (manual §2.2)")
public class ProjectListCommand implements Action {

    @Reference
    Session session;

    @Reference
    GridService grid;

    @Option(name = "-s", aliases = "--status", description = "Only projects in this status: planned, "
            + "under-construction, in-operation or closed")
    @Completion(ProjectStatusCompleter.class)
    String status;

    @Option(name = "-q", aliases = "--filter", description = "Only projects whose name, short name or site contains this")
    String filter;

    @Override
    public Object execute() {
        Caller caller = CallerPrincipal.requireCurrent();
        ProjectStatus wanted = status == null ? null : ProjectStatus.fromId(status).orElseThrow(
                () -> new ValidationException("status", "must be one of " + Arrays.stream(ProjectStatus.values())
                        .map(ProjectStatus::id).collect(Collectors.joining(", "))));
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Short name");
        table.column("Site");
        table.column("Status");
        table.column("Start");
        table.column("End");
        table.column("Billing start");
        table.column("Rates");
        for (Project p : Pages.all(page -> grid.listProjects(caller, page), "name", filter)) {
            if (wanted == null || p.status() == wanted) {
                table.addRow().addContent(p.id(), p.name(), Pages.text(p.shortName()), p.siteName(), p.status().id(),
                        Pages.text(p.startDate()), Pages.text(p.endDate()), Pages.text(p.billingStartDate()),
                        p.serviceRateIds().size());
            }
        }
        table.print(session.getConsole());
        return null;
    }
}
