package org.meterline.ui.internal;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.navigator.Navigator;
import com.vaadin.navigator.View;
import com.vaadin.navigator.ViewProvider;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.Notification;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;
import java.util.List;
import java.util.function.Supplier;
import org.meterline.core.api.Caller;
import org.meterline.core.api.MeterlineException;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Role;
import org.meterline.tenant.api.Customer;
import org.meterline.tenant.api.CustomerService;
import org.meterline.ui.api.UiContext;
import org.meterline.ui.api.ViewContribution;

/**
 * Header (brand, current customer, switch, user, logout), the left menu with the manual's
 * groups and subgroups ({@link MenuPanel}), and the content area driven by a navigator. The menu
 * is rebuilt when views come or go (checked on each navigation and every few seconds by polling).
 */
final class MainLayout extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final int POLL_MILLIS = 5000;

    private final transient ViewRegistry views;
    private final transient Supplier<CustomerService> customers;
    private final MeterlineUI ui;
    private final MenuPanel menu;
    private long menuVersion = -1;

    MainLayout(MeterlineUI ui, ViewRegistry views, Supplier<CustomerService> customers) {
        this.ui = ui;
        this.views = views;
        this.customers = customers;
        setSizeFull();
        setMargin(false);
        setSpacing(false);

        menu = new MenuPanel(name -> ui.getNavigator().navigateTo(name));
        menu.setWidth("250px");
        menu.setHeight("100%");
        VerticalLayout content = new VerticalLayout();
        content.setId("content");
        content.addStyleName("ml-content");
        content.setSizeFull();
        content.setMargin(true);
        HorizontalLayout body = new HorizontalLayout(menu, content);
        body.setSizeFull();
        body.setSpacing(false);
        body.setExpandRatio(content, 1);

        addComponents(header(), body);
        setExpandRatio(body, 1);

        Navigator navigator = new Navigator(ui, content);
        navigator.addProvider(new ViewProvider() {
            private static final long serialVersionUID = 1L;

            @Override
            public String getViewName(String state) {
                String name = state.contains("/") ? state.substring(0, state.indexOf('/')) : state;
                return name;
            }

            @Override
            public View getView(String name) {
                Caller caller = UiContext.caller();
                if (name.isEmpty()) {
                    return new HomeView(caller, customerName(caller), null);
                }
                return views.find(name, caller).map(ViewContribution::createView)
                        .orElseGet(() -> new HomeView(caller, customerName(caller), name));
            }
        });
        navigator.addViewChangeListener(e -> {
            refreshMenu();
            menu.select(e.getViewName());
            menu.reveal(e.getViewName()); // opened by URL: its subgroup opens
            return true;
        });
        ui.setNavigator(navigator);
        ui.setPollInterval(POLL_MILLIS);
        ui.addPollListener(e -> refreshMenu());
        refreshMenu();
        navigator.navigateTo(navigator.getState());
    }

    private HorizontalLayout header() {
        Caller caller = UiContext.caller();
        Label brand = new Label("Meterline");
        brand.addStyleName("ml-brand");
        Label customer = new Label(VaadinIcons.BUILDING.getHtml() + " " + customerName(caller),
                com.vaadin.shared.ui.ContentMode.HTML);
        customer.setId("header-customer");
        Button switchCustomer = new Button("Switch");
        switchCustomer.setId("header-switch");
        switchCustomer.addStyleName(ValoTheme.BUTTON_SMALL);
        switchCustomer.setVisible(caller.has(Role.SYSTEM_ADMIN) && customers.get() != null);
        switchCustomer.addClickListener(e -> openSwitch());
        Label user = new Label(VaadinIcons.USER.getHtml() + " " + caller.username() + " ("
                + caller.roles().stream().map(Role::id).sorted().findFirst().orElse("") + ")",
                com.vaadin.shared.ui.ContentMode.HTML);
        user.setId("header-user");
        Button logout = new Button("Log out", VaadinIcons.SIGN_OUT);
        logout.setId("header-logout");
        logout.addStyleName(ValoTheme.BUTTON_SMALL);
        logout.addClickListener(e -> ui.logout());
        HorizontalLayout header = new HorizontalLayout(brand, customer, switchCustomer, user, logout);
        header.setId("header");
        header.addStyleName("ml-header");
        header.setWidth("100%");
        header.setHeight("52px");
        header.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
        header.setExpandRatio(brand, 1);
        return header;
    }

    private void openSwitch() {
        CustomerService service = customers.get();
        if (service == null) {
            return;
        }
        Caller caller = UiContext.caller();
        Caller home = caller.actingFor(caller.homeTenantId());
        List<Customer> all = service.listCustomers(home, new PageRequest(0, PageRequest.MAX_LIMIT, "name", true, ""))
                .items();
        ui.addWindow(new SwitchCustomerWindow(all, caller.tenantId(), chosen -> {
            try {
                UiContext.setCaller(caller.actingFor(chosen.id()));
                Notification.show("Now working for " + chosen.name(), Notification.Type.TRAY_NOTIFICATION);
                ui.getNavigator().navigateTo("");
                ui.showMain();
            } catch (MeterlineException ex) {
                Notification.show(ex.getMessage(), Notification.Type.ERROR_MESSAGE);
            }
        }));
    }

    private String customerName(Caller caller) {
        CustomerService service = customers.get();
        if (service == null) {
            return "customer " + caller.tenantId();
        }
        try {
            return service.getCustomer(caller, caller.tenantId()).name();
        } catch (MeterlineException e) {
            return "customer " + caller.tenantId();
        }
    }

    private void refreshMenu() {
        long version = views.version();
        if (version != menuVersion) {
            menuVersion = version;
            menu.build(views, UiContext.caller());
        }
    }
}
