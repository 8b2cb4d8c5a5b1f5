package org.meterline.archive.internal.shell;

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
import org.meterline.archive.api.Consumer;
import org.meterline.archive.api.ConsumerService;
import org.meterline.archive.api.ConsumerStatus;
import org.meterline.core.api.Caller;
import org.meterline.core.api.CallerPrincipal;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.ValidationException;

/** {@code meterline:consumer-list [--status active|terminated]}. */
@Service
@Command(scope = "meterline", name = "consumer-list", description = "Lists the consumers of your customer")
public class ConsumerListCommand implements Action {

    @Reference
    Session session;

    @Reference
    ConsumerService consumers;

    @Option(name = "-s", aliases = "--status", description = "Only consumers with this status: active or terminated")
    @Completion(ConsumerStatusCompleter.class)
    String status;

    @Option(name = "-q", aliases = "--filter",
            description = "Only consumers whose code, name or organization contains this")
    String filter;

    @Override
    public Object execute() {
        ConsumerStatus wanted = status == null ? null : ConsumerStatus.fromId(status).orElseThrow(
                () -> new ValidationException("status", "must be one of " + Arrays.stream(ConsumerStatus.values())
                        .map(ConsumerStatus::id).collect(Collectors.joining(", "))));
        Caller caller = CallerPrincipal.requireCurrent();
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Code");
        table.column("Name");
        table.column("Organization");
        table.column("Type");
        table.column("Status");
        table.column("Active date");
        table.column("Terminated on");
        // the status is not a list filter of the service: go through every page and keep the matches
        Page<Consumer> page;
        int offset = 0;
        do {
            page = consumers.listConsumers(caller,
                    new PageRequest(offset, PageRequest.MAX_LIMIT, "code", true, filter));
            for (Consumer c : page.items()) {
                if (wanted == null || c.status() == wanted) {
                    table.addRow().addContent(c.id(), c.code(), c.name(), text(c.organization()), c.type(),
                            c.status(), text(c.activeDate()), text(c.terminatedOn()));
                }
            }
            offset += PageRequest.MAX_LIMIT;
        } while (offset < page.total() && !page.items().isEmpty());
        table.print(session.getConsole());
        return null;
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
