package org.meterline.tariff.internal.shell;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import org.meterline.core.api.ValidationException;
import org.meterline.tariff.api.ServiceRate;
import org.meterline.tariff.api.ServiceRateInput;
import org.meterline.tariff.api.ServiceType;
import org.meterline.tariff.api.TariffService;

/** {@code meterline:service-rate-list|add|remove}. */
public final class ServiceRateCommands {

    private ServiceRateCommands() {
    }

    @Service
    @Command(scope = "meterline", name = "service-rate-list", description = "Lists the service rates of your customer")
    public static class ListCommand implements Action {
        @Reference
        Session session;

        @Reference
        TariffService tariff;

        @Option(name = "-q", aliases = "--filter", description = "Only rates whose code, name or type code contains this")
        String filter;

        @Override
        public Object execute() {
            ShellTable table = new ShellTable();
            table.column("Id");
            table.column("Type");
            table.column("Code");
            table.column("Name");
            table.column("Value").alignRight();
            table.column("Valid from");
            table.column("Valid to");
            for (ServiceRate r : tariff.listServiceRates(CallerPrincipal.requireCurrent(),
                    new PageRequest(0, PageRequest.MAX_LIMIT, "code", true, filter)).items()) {
                table.addRow().addContent(r.id(), r.serviceTypeCode(), r.code(), r.name(),
                        r.value().toPlainString() + " " + r.currency() + "/" + r.unit(),
                        r.validFrom() == null ? "" : r.validFrom(), r.validTo() == null ? "" : r.validTo());
            }
            table.print(session.getConsole());
            return null;
        }
    }

    @Service
    @Command(scope = "meterline", name = "service-rate-add", description = "Adds a service rate (manual §1.2)")
    public static class AddCommand implements Action {
        @Reference
        Session session;

        @Reference
        TariffService tariff;

        @Option(name = "-t", aliases = "--type", required = true, description = "Service type code")
        @Completion(ServiceTypeCompleter.class)
        String type;

        @Argument(index = 0, name = "code", required = true, description = "Service rate code")
        String code;

        @Argument(index = 1, name = "name", required = true, description = "Service rate name")
        String name;

        @Argument(index = 2, name = "value", required = true, description = "Price per unit, e.g. 0.25")
        String value;

        @Option(name = "--currency", description = "ISO 4217 currency, default EUR")
        String currency;

        @Option(name = "--unit", description = "Unit the price is per, default kWh")
        String unit;

        @Option(name = "--from", description = "Valid from (yyyy-mm-dd)")
        String from;

        @Option(name = "--to", description = "Valid to (yyyy-mm-dd)")
        String to;

        @Override
        public Object execute() {
            Caller caller = CallerPrincipal.requireCurrent();
            ServiceType t = tariff.findServiceType(caller, type)
                    .orElseThrow(() -> new ValidationException("type", "service type " + type + " does not exist"));
            BigDecimal amount;
            try {
                amount = new BigDecimal(value.trim());
            } catch (NumberFormatException e) {
                throw new ValidationException("value", "must be a number");
            }
            ServiceRate r = tariff.createServiceRate(caller, new ServiceRateInput(t.id(), code, name, amount, currency,
                    unit, date("from", from), date("to", to)));
            session.getConsole().println("Added service rate " + r.code() + " (id " + r.id() + ")");
            return null;
        }

        private static LocalDate date(String field, String text) {
            try {
                return text == null ? null : LocalDate.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new ValidationException(field, "must be a date (yyyy-mm-dd)");
            }
        }
    }

    @Service
    @Command(scope = "meterline", name = "service-rate-remove", description = "Removes a service rate that nothing uses")
    public static class RemoveCommand implements Action {
        @Reference
        Session session;

        @Reference
        TariffService tariff;

        @Argument(index = 0, name = "code", required = true, description = "Service rate code")
        @Completion(ServiceRateCompleter.class)
        String code;

        @Override
        public Object execute() {
            Caller caller = CallerPrincipal.requireCurrent();
            ServiceRate r = tariff.findServiceRate(caller, code)
                    .orElseThrow(() -> new NotFoundException("Service rate " + code + " does not exist."));
            tariff.deleteServiceRate(caller, r.id());
            session.getConsole().println("Removed service rate " + r.code());
            return null;
        }
    }
}
