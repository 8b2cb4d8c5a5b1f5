package org.meterline.tenant.internal.ui;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.navigator.View;
import com.vaadin.server.Resource;
import org.meterline.core.api.Permission;
import org.meterline.tenant.api.AccountService;
import org.meterline.tenant.api.CustomerService;
import org.meterline.ui.api.MenuGroup;
import org.meterline.ui.api.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The System menu's views of this bundle. */
final class TenantViews {

    private TenantViews() {
    }

    /** System → Customer Account Creation, for system admins. */
    @Component(service = ViewContribution.class)
    public static final class CustomerAccounts implements ViewContribution {
        private final CustomerService customers;

        @Activate
        public CustomerAccounts(@Reference CustomerService customers) {
            this.customers = customers;
        }

        @Override public MenuGroup group() { return MenuGroup.SYSTEM; }
        @Override public String caption() { return "Customer Account Creation"; }
        @Override public String viewName() { return "customer-account"; }
        @Override public int order() { return 10; }
        @Override public Permission permission() { return Permission.write(Permission.AREA_CUSTOMER); }
        @Override public Resource icon() { return VaadinIcons.BUILDING; }
        @Override public View createView() { return new CustomerAccountView(customers); }
    }

    /** System → User. */
    @Component(service = ViewContribution.class)
    public static final class Users implements ViewContribution {
        private final AccountService accounts;
        private final CustomerService customers;

        @Activate
        public Users(@Reference AccountService accounts, @Reference CustomerService customers) {
            this.accounts = accounts;
            this.customers = customers;
        }

        @Override public MenuGroup group() { return MenuGroup.SYSTEM; }
        @Override public String caption() { return "User"; }
        @Override public String viewName() { return "user"; }
        @Override public int order() { return 20; }
        @Override public Permission permission() { return Permission.read(Permission.AREA_USER); }
        @Override public Resource icon() { return VaadinIcons.USERS; }
        @Override public View createView() { return new UserView(accounts, customers); }
    }
}
