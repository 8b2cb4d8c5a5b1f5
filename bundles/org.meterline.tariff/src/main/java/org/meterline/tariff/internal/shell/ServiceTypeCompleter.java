package org.meterline.tariff.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.meterline.core.api.CallerPrincipal;
import org.meterline.core.api.PageRequest;
import org.meterline.tariff.api.ServiceType;
import org.meterline.tariff.api.TariffService;

/** Completes the service type codes of the logged-in account's customer. */
@Service
public class ServiceTypeCompleter implements Completer {

    @Reference
    TariffService tariff;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter codes = new StringsCompleter();
        CallerPrincipal.current().ifPresent(caller -> tariff.listServiceTypes(caller,
                new PageRequest(0, PageRequest.MAX_LIMIT, "code", true, "")).items().stream()
                .map(ServiceType::code).forEach(codes.getStrings()::add));
        return codes.complete(session, commandLine, candidates);
    }
}
