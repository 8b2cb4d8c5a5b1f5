package org.meterline.archive.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.meterline.archive.api.Meter;
import org.meterline.archive.api.MeterService;
import org.meterline.archive.api.MeterStatus;
import org.meterline.archive.api.Poc;
import org.meterline.archive.api.PocService;
import org.meterline.core.api.Caller;
import org.meterline.core.api.CallerPrincipal;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.ValidationException;

/** {@code meterline:meter-list}, {@code meterline:meter-status}, {@code meterline:poc-list}. */
public final class MeterCommands {

    private MeterCommands() {
    }

    static MeterStatus status(String text) {
        if (text == null) {
            return null;
        }
        return MeterStatus.fromId(text).orElseThrow(() -> new ValidationException("status",
                "must be one of warehouse, assigned, installed, faulty, dismantled"));
    }

    @Service
    @Command(scope = "meterline", name = "meter-list", description = "Lists meters of your customer")
    public static class ListCommand implements Action {
        @Reference
        Session session;

        @Reference
        MeterService meters;

        @Option(name = "--status", description = "Only meters in this lifecycle status")
        @Completion(MeterStatusCompleter.class)
        String status;

        @Option(name = "-q", aliases = "--filter", description = "Only serial numbers containing this")
        String filter;

        @Option(name = "--limit", description = "At most this many rows (default 100)")
        int limit = 100;

        @Override
        public Object execute() {
            Page<Meter> page = meters.listMeters(CallerPrincipal.requireCurrent(),
                    new PageRequest(0, limit, "serialNumber", true, filter), status(status));
            ShellTable table = new ShellTable();
            table.column("Id");
            table.column("Serial number");
            table.column("Model");
            table.column("Module");
            table.column("Status");
            table.column("CT/PT");
            for (Meter m : page.items()) {
                table.addRow().addContent(m.id(), m.serialNumber(), m.modelName(),
                        m.moduleSerial() == null ? "" : m.moduleSerial(), m.status().id(),
                        m.ctRatio().toPlainString() + "/" + m.ptRatio().toPlainString());
            }
            table.print(session.getConsole());
            session.getConsole().println(page.items().size() + " of " + page.total() + " meters");
            return null;
        }
    }

    @Service
    @Command(scope = "meterline", name = "meter-status", description = "Moves a meter along its lifecycle")
    public static class StatusCommand implements Action {
        @Reference
        Session session;

        @Reference
        MeterService meters;

        @Argument(index = 0, name = "serial", required = true, description = "Meter serial number")
        String serial;

        @Argument(index = 1, name = "status", required = true, description = "New status")
        @Completion(MeterStatusCompleter.class)
        String status;

        @Argument(index = 2, name = "reason", description = "Why")
        String reason;

        @Override
        public Object execute() {
            Caller caller = CallerPrincipal.requireCurrent();
            Meter m = meters.findMeter(caller, serial)
                    .orElseThrow(() -> new NotFoundException("Meter " + serial + " does not exist."));
            Meter moved = meters.changeStatus(caller, m.id(), status(status), reason);
            session.getConsole().println("Meter " + moved.serialNumber() + " is now " + moved.status());
            return null;
        }
    }

    @Service
    @Command(scope = "meterline", name = "poc-list", description = "Lists points of collection of your customer")
    public static class PocListCommand implements Action {
        @Reference
        Session session;

        @Reference
        PocService pocs;

        @Option(name = "-q", aliases = "--filter", description = "Only POCs whose name, meter or consumer contains this")
        String filter;

        @Override
        public Object execute() {
            ShellTable table = new ShellTable();
            table.column("Id");
            table.column("Name");
            table.column("Meter");
            table.column("Consumer");
            table.column("State");
            for (Poc p : pocs.listPocs(CallerPrincipal.requireCurrent(),
                    new PageRequest(0, PageRequest.MAX_LIMIT, "name", true, filter)).items()) {
                table.addRow().addContent(p.id(), p.name(), p.meterSerial(), p.consumerCode(),
                        p.active() ? "active" : "ended");
            }
            table.print(session.getConsole());
            return null;
        }
    }
}
