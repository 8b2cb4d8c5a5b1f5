package org.meterline.tenant.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.meterline.core.api.CallerPrincipal;
import org.meterline.core.api.PageRequest;
import org.meterline.tenant.api.Customer;
import org.meterline.tenant.api.CustomerService;

@Service
@Command(scope = "meterline", name = "customer-list", description = "Lists customers (system admins see all)")
public class CustomerListCommand implements Action {

    @Reference
    Session session;

    @Reference
    CustomerService customers;

    @Option(name = "-q", aliases = "--filter", description = "Only customers whose code or name contains this")
    String filter;

    @Override
    public Object execute() {
        var caller = CallerPrincipal.requireCurrent();
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Code");
        table.column("Name");
        table.column("Contact");
        for (Customer c : customers.listCustomers(caller, new PageRequest(0, PageRequest.MAX_LIMIT, "code", true, filter)).items()) {
            table.addRow().addContent(c.id(), c.code(), c.name(), c.contact());
        }
        table.print(session.getConsole());
        return null;
    }
}
