package org.meterline.grid.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.meterline.grid.api.ProjectStatus;

/** Completes project statuses: planned, under-construction, in-operation, closed. */
@Service
public class ProjectStatusCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter statuses = new StringsCompleter();
        for (ProjectStatus s : ProjectStatus.values()) {
            statuses.getStrings().add(s.id());
        }
        return statuses.complete(session, commandLine, candidates);
    }
}
