package org.meterline.tenant.internal.ui;

import com.vaadin.ui.Label;
import com.vaadin.ui.PasswordField;
import com.vaadin.ui.TextField;
import com.vaadin.ui.themes.ValoTheme;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.meterline.core.api.Permission;
import org.meterline.tenant.api.Customer;
import org.meterline.tenant.api.CustomerService;
import org.meterline.tenant.api.NewCustomer;
import org.meterline.ui.api.CrudView;
import org.meterline.ui.api.FormDialog;

/** System → Customer Account Creation (manual §11 ①-③). */
final class CustomerAccountView extends CrudView<Customer> {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final CustomerService customers;

    CustomerAccountView(CustomerService customers) {
        super("Customer Account Creation", "customer", customers::listCustomers,
                Permission.write(Permission.AREA_CUSTOMER));
        this.customers = customers;
        column("code", "Code", Customer::code);
        column("name", "Name", Customer::name);
        column("contact", "Contact", Customer::contact);
        grid.addColumn(Customer::email).setCaption("E-mail").setId("email").setSortable(false);
        grid.addColumn(Customer::phone).setCaption("Phone").setId("phone").setSortable(false);
        column("createdAt", "Created", c -> TIME.format(c.createdAt()));
    }

    @Override
    protected boolean editable() {
        return false;
    }

    @Override
    protected boolean deletable() {
        return false;
    }

    @Override
    protected void onAdd() {
        FormDialog dialog = new FormDialog("Add customer", "customer-form");
        TextField code = dialog.field("code", new TextField("Customer code"), true);
        TextField name = dialog.field("name", new TextField("Customer name"), true);
        TextField contact = dialog.field("contact", new TextField("Contact person"), false);
        TextField email = dialog.field("email", new TextField("E-mail"), false);
        TextField phone = dialog.field("phone", new TextField("Phone"), false);
        TextField address = dialog.field("address", new TextField("Address"), false);
        Label account = new Label("Login account (the customer's admin)");
        account.addStyleName(ValoTheme.LABEL_COLORED);
        dialog.addInfo(account);
        TextField username = dialog.field("username", new TextField("Username"), true);
        PasswordField password = dialog.field("password", new PasswordField("Password"), true);
        Label save = new Label("Be sure to save the username and password: the customer logs in with them.");
        save.setWidth("100%");
        save.addStyleName(ValoTheme.LABEL_SMALL);
        dialog.addInfo(save);
        dialog.onSave(() -> customers.createCustomer(caller(), new NewCustomer(code.getValue(), name.getValue(),
                contact.getValue(), email.getValue(), phone.getValue(), address.getValue(), username.getValue(),
                password.getValue()))).afterSave(this::refresh);
        dialog.open();
    }

    @Override
    protected void onEdit(Customer item) {
        // customers are not edited here
    }

    @Override
    protected void delete(Customer item) {
        // customers are not deleted here
    }

    @Override
    protected String describe(Customer item) {
        return "customer " + item.code();
    }
}
