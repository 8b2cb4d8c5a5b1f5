package org.meterline.simulator.internal.shell;

import java.util.Arrays;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.meterline.simulator.SecurityMode;
import org.meterline.simulator.internal.SecurityModes;

/** Completes security modes: none, lls, hls5-gmac. */
@Service
public class SecurityCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(Arrays.stream(SecurityMode.values()).map(SecurityModes::id).toList())
                .complete(session, commandLine, candidates);
    }
}
