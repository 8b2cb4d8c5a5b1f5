package org.meterline.archive.internal.shell;

import java.util.Arrays;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.meterline.archive.api.MeterStatus;

/** Completes meter lifecycle statuses. */
@Service
public class MeterStatusCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(Arrays.stream(MeterStatus.values()).map(MeterStatus::id).toArray(String[]::new))
                .complete(session, commandLine, candidates);
    }
}
