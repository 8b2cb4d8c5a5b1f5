package org.meterline.grid.internal.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.meterline.core.api.CallerPrincipal;
import org.meterline.grid.api.GridService;
import org.meterline.grid.api.PowerGrid;

/** {@code meterline:power-grid-list}: the hierarchy, each grid indented below its superior. */
@Service
@Command(scope = "meterline", name = "power-grid-list",
        description = "Lists the power grids of your customer as a tree (manual §2.3)")
public class PowerGridListCommand implements Action {

    static final String INDENT = "  ";

    @Reference
    Session session;

    @Reference
    GridService grid;

    @Override
    public Object execute() {
        List<PowerGrid> tree = grid.powerGridTree(CallerPrincipal.requireCurrent());
        ShellTable table = new ShellTable();
        table.column("Name");
        table.column("Short name");
        table.column("Id").alignRight();
        table.column("Latitude").alignRight();
        table.column("Longitude").alignRight();
        Map<Long, Integer> depth = new HashMap<>();
        for (PowerGrid g : tree) { // parents come first
            int level = g.parentId() == null ? 0 : depth.getOrDefault(g.parentId(), -1) + 1;
            depth.put(g.id(), level);
            table.addRow().addContent(INDENT.repeat(level) + g.name(), Pages.text(g.shortName()), g.id(),
                    Pages.text(g.latitude()), Pages.text(g.longitude()));
        }
        table.print(session.getConsole());
        return null;
    }
}
