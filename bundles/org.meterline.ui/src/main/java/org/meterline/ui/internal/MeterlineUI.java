package org.meterline.ui.internal;

import com.vaadin.annotations.Theme;
import com.vaadin.annotations.Title;
import com.vaadin.server.VaadinRequest;
import com.vaadin.server.VaadinService;
import com.vaadin.ui.UI;
import java.util.function.Supplier;
import org.meterline.core.api.Caller;
import org.meterline.tenant.api.CustomerService;
import org.meterline.ui.api.UiContext;

/** One browser tab: the login screen, then the main layout. */
@Theme("valo")
@Title("Meterline")
public class MeterlineUI extends UI {

    private static final long serialVersionUID = 1L;

    static final String CSS = ".ml-login {background: #f4f6f9;}"
            + ".ml-header {background: #1f3a5f; color: white; padding: 0 16px;}"
            + ".ml-header .v-label, .ml-header .v-caption {color: white;}"
            + ".ml-brand {font-size: 20px; font-weight: 600; letter-spacing: .5px;}"
            + ".ml-menu {background: #263238; overflow-y: auto; overflow-x: hidden; padding-bottom: 16px;}"
            + ".ml-menu > .v-label, .ml-menu > .v-button {display: block; width: 100% !important;}"
            + ".ml-menu .ml-group {color: #90a4ae; font-size: 12px; font-weight: 600; text-transform: uppercase;"
            + " padding: 14px 16px 4px;}"
            + ".ml-menu .ml-item {display: block; width: 100%; text-align: left; color: #eceff1; background: transparent;"
            + " border: none; box-shadow: none; border-radius: 0; padding: 0 16px 0 24px; height: 34px;"
            + " font-weight: 400; font-size: 14px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;}"
            + ".ml-menu .ml-item:hover {background: #37474f;}"
            + ".ml-menu .ml-item.selected {background: #1976d2; color: white;}"
            + ".ml-menu .ml-subitems {display: block; width: 100%;}"
            + ".ml-menu .ml-subitems > .v-button {display: block; width: 100% !important;}"
            + ".ml-menu .ml-item.ml-subitem {padding-left: 46px;}"
            + ".ml-menu .ml-sub .v-icon {width: 16px; color: #90a4ae;}"
            + ".ml-menu .ml-sub.ml-sub-current {color: #90caf9; font-weight: 600;}"
            + ".ml-menu .ml-sub.ml-sub-open.ml-sub-current {color: #eceff1; font-weight: 400;}"
            + ".ml-menu .ml-empty {color: #607d8b; font-size: 12px; padding: 0 16px 0 24px; font-style: italic;}"
            + ".ml-content {background: #f4f6f9;}";

    private final transient ViewRegistry views;
    private final transient Supplier<CustomerService> customers;
    private final String tileUrl;
    private final String tileAttribution;

    MeterlineUI(ViewRegistry views, Supplier<CustomerService> customers, String tileUrl, String tileAttribution) {
        this.views = views;
        this.customers = customers;
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
    }

    @Override
    protected void init(VaadinRequest request) {
        getPage().getStyles().add(CSS);
        UiContext.setMapTiles(tileUrl, tileAttribution); // for the location pickers
        if (UiContext.loggedIn()) {
            showMain();
        } else {
            showLogin();
        }
    }

    void loggedIn(Caller caller) {
        VaadinService.reinitializeSession(VaadinService.getCurrentRequest());
        UiContext.setCaller(caller);
        showMain();
    }

    void showLogin() {
        setContent(new LoginView(this::loggedIn));
    }

    void showMain() {
        setContent(new MainLayout(this, views, customers));
    }

    void logout() {
        UiContext.setCaller(null);
        getSession().close();
        getPage().reload();
    }
}
