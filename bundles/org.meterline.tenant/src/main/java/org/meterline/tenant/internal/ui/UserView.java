package org.meterline.tenant.internal.ui;

import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.PasswordField;
import com.vaadin.ui.TextField;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Permission;
import org.meterline.core.api.Role;
import org.meterline.tenant.api.Account;
import org.meterline.tenant.api.AccountService;
import org.meterline.tenant.api.AccountUpdate;
import org.meterline.tenant.api.Customer;
import org.meterline.tenant.api.CustomerService;
import org.meterline.tenant.api.NewAccount;
import org.meterline.ui.api.CrudView;
import org.meterline.ui.api.FormDialog;

/** System → User: the accounts of the current customer (manual §11 ⑥-⑦). */
final class UserView extends CrudView<Account> {

    private final AccountService accounts;
    private final CustomerService customers;

    UserView(AccountService accounts, CustomerService customers) {
        super("User", "user", accounts::listAccounts, Permission.write(Permission.AREA_USER));
        this.accounts = accounts;
        this.customers = customers;
        column("username", "Username", Account::username);
        column("fullName", "Name", Account::fullName);
        column("email", "E-mail", Account::email);
        column("role", "Role Authority", a -> a.role().id());
        grid.addColumn(Account::customerName).setCaption("Customer").setId("customer").setSortable(false);
        grid.addColumn(a -> a.enabled() ? "Active" : "Disabled").setCaption("Status").setId("status").setSortable(false);
        column("createdAt", "Created", a -> CustomerAccountView.TIME.format(a.createdAt()));
    }

    @Override
    protected boolean deletable() {
        return false;
    }

    private ComboBox<Role> roleBox() {
        ComboBox<Role> role = new ComboBox<>("Role Authority");
        List<Role> grantable = Arrays.stream(Role.values())
                .filter(r -> r != Role.SYSTEM_ADMIN || caller().has(Role.SYSTEM_ADMIN)).collect(Collectors.toList());
        role.setItems(grantable);
        role.setItemCaptionGenerator(Role::id);
        role.setEmptySelectionAllowed(false);
        return role;
    }

    @Override
    protected void onAdd() {
        FormDialog dialog = new FormDialog("Add user", "user-form");
        TextField username = dialog.field("username", new TextField("Username"), true);
        PasswordField password = dialog.field("password", new PasswordField("Password"), true);
        TextField fullName = dialog.field("fullName", new TextField("Name"), false);
        TextField email = dialog.field("email", new TextField("E-mail"), false);
        ComboBox<Role> role = dialog.field("role", roleBox(), true);
        role.setValue(Role.OPERATOR);
        dialog.onSave(() -> accounts.createAccount(caller(), new NewAccount(username.getValue(), password.getValue(),
                fullName.getValue(), email.getValue(), role.getValue()))).afterSave(this::refresh);
        dialog.open();
    }

    @Override
    protected void onEdit(Account item) {
        FormDialog dialog = new FormDialog("Edit user " + item.username(), "user-form");
        ComboBox<Customer> customer = null;
        if (caller().has(Role.SYSTEM_ADMIN)) {
            ComboBox<Customer> box = new ComboBox<>("Customer");
            List<Customer> all = customers.listCustomers(caller(), new PageRequest(0, PageRequest.MAX_LIMIT, "name", true, ""))
                    .items();
            box.setItems(all);
            box.setItemCaptionGenerator(c -> c.name() + " (" + c.code() + ")");
            box.setEmptySelectionAllowed(false);
            all.stream().filter(c -> c.id() == item.customerId()).findFirst().ifPresent(box::setValue);
            customer = dialog.field("customerId", box, true);
        }
        ComboBox<Role> role = dialog.field("role", roleBox(), true);
        role.setValue(item.role());
        TextField fullName = dialog.field("fullName", new TextField("Name"), false);
        fullName.setValue(item.fullName() == null ? "" : item.fullName());
        TextField email = dialog.field("email", new TextField("E-mail"), false);
        email.setValue(item.email() == null ? "" : item.email());
        CheckBox enabled = dialog.field("enabled", new CheckBox("Active"), false);
        enabled.setValue(item.enabled());
        PasswordField password = dialog.field("password", new PasswordField("New password (leave empty to keep)"), false);
        ComboBox<Customer> chosen = customer;
        dialog.onSave(() -> accounts.updateAccount(caller(), item.id(), new AccountUpdate(
                chosen == null || chosen.getValue() == null ? null : chosen.getValue().id(),
                role.getValue(), fullName.getValue(), email.getValue(), enabled.getValue(),
                password.getValue().isEmpty() ? null : password.getValue()))).afterSave(this::refresh);
        dialog.open();
    }

    @Override
    protected void delete(Account item) {
        // accounts are disabled, not deleted
    }

    @Override
    protected String describe(Account item) {
        return "user " + item.username();
    }
}
