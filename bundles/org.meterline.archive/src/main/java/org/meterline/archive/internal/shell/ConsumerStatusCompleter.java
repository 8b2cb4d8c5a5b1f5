package org.meterline.archive.internal.shell;

import java.util.Arrays;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.meterline.archive.api.ConsumerStatus;

/** Completes the consumer status names: active, terminated. */
@Service
public class ConsumerStatusCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter statuses = new StringsCompleter();
        Arrays.stream(ConsumerStatus.values()).map(ConsumerStatus::id).forEach(statuses.getStrings()::add);
        return statuses.complete(session, commandLine, candidates);
    }
}
