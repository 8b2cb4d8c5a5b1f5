package org.meterline.tenant.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.meterline.core.api.CallerPrincipal;
import org.meterline.core.api.PageRequest;
import org.meterline.tenant.api.Account;
import org.meterline.tenant.api.AccountService;

@Service
@Command(scope = "meterline", name = "user-list", description = "Lists the accounts of the current customer")
public class UserListCommand implements Action {

    @Reference
    Session session;

    @Reference
    AccountService accounts;

    @Override
    public Object execute() {
        var caller = CallerPrincipal.requireCurrent();
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Username");
        table.column("Name");
        table.column("Role");
        table.column("Active");
        for (Account a : accounts.listAccounts(caller, new PageRequest(0, PageRequest.MAX_LIMIT, "username", true, "")).items()) {
            table.addRow().addContent(a.id(), a.username(), a.fullName(), a.role().id(), a.enabled());
        }
        table.print(session.getConsole());
        return null;
    }
}
