package org.meterline.tariff.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.meterline.core.api.Caller;
import org.meterline.core.api.CallerPrincipal;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.PageRequest;
import org.meterline.tariff.api.ServiceType;
import org.meterline.tariff.api.ServiceTypeInput;
import org.meterline.tariff.api.TariffService;

/** {@code meterline:service-type-list|add|remove}. */
public final class ServiceTypeCommands {

    private ServiceTypeCommands() {
    }

    @Service
    @Command(scope = "meterline", name = "service-type-list", description = "Lists the service types of your customer")
    public static class ListCommand implements Action {
        @Reference
        Session session;

        @Reference
        TariffService tariff;

        @Option(name = "-q", aliases = "--filter", description = "Only types whose code or name contains this")
        String filter;

        @Override
        public Object execute() {
            ShellTable table = new ShellTable();
            table.column("Id");
            table.column("Code");
            table.column("Name");
            for (ServiceType t : tariff.listServiceTypes(CallerPrincipal.requireCurrent(),
                    new PageRequest(0, PageRequest.MAX_LIMIT, "code", true, filter)).items()) {
                table.addRow().addContent(t.id(), t.code(), t.name());
            }
            table.print(session.getConsole());
            return null;
        }
    }

    @Service
    @Command(scope = "meterline", name = "service-type-add", description = "Adds a service type (manual §1.1)")
    public static class AddCommand implements Action {
        @Reference
        Session session;

        @Reference
        TariffService tariff;

        @Argument(index = 0, name = "code", required = true, description = "Service type code, e.g. ELEC")
        String code;

        @Argument(index = 1, name = "name", required = true, description = "Service type name, e.g. Electricity")
        String name;

        @Override
        public Object execute() {
            ServiceType t = tariff.createServiceType(CallerPrincipal.requireCurrent(), new ServiceTypeInput(code, name));
            session.getConsole().println("Added service type " + t.code() + " (id " + t.id() + ")");
            return null;
        }
    }

    @Service
    @Command(scope = "meterline", name = "service-type-remove", description = "Removes a service type that no rate uses")
    public static class RemoveCommand implements Action {
        @Reference
        Session session;

        @Reference
        TariffService tariff;

        @Argument(index = 0, name = "code", required = true, description = "Service type code")
        @Completion(ServiceTypeCompleter.class)
        String code;

        @Override
        public Object execute() {
            Caller caller = CallerPrincipal.requireCurrent();
            ServiceType t = tariff.findServiceType(caller, code)
                    .orElseThrow(() -> new NotFoundException("Service type " + code + " does not exist."));
            tariff.deleteServiceType(caller, t.id());
            session.getConsole().println("Removed service type " + t.code());
            return null;
        }
    }
}
