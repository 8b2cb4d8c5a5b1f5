package org.meterline.tariff.internal.ui;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.navigator.View;
import com.vaadin.server.Resource;
import org.meterline.core.api.Permission;
import org.meterline.tariff.api.TariffService;
import org.meterline.ui.api.MenuGroup;
import org.meterline.ui.api.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Project menu's tariff views. */
final class TariffViews {

    private TariffViews() {
    }

    /** Project → Service Type. */
    @Component(service = ViewContribution.class)
    public static final class ServiceTypes implements ViewContribution {
        private final TariffService tariff;

        @Activate
        public ServiceTypes(@Reference TariffService tariff) {
            this.tariff = tariff;
        }

        @Override public MenuGroup group() { return MenuGroup.PROJECT; }
        @Override public String caption() { return "Service Type"; }
        @Override public String viewName() { return "service-type"; }
        @Override public int order() { return 10; }
        @Override public Permission permission() { return Permission.read("tariff"); }
        @Override public Resource icon() { return VaadinIcons.TAGS; }
        @Override public View createView() { return new ServiceTypeView(tariff); }
    }

    /** Project → Service Rate. */
    @Component(service = ViewContribution.class)
    public static final class ServiceRates implements ViewContribution {
        private final TariffService tariff;

        @Activate
        public ServiceRates(@Reference TariffService tariff) {
            this.tariff = tariff;
        }

        @Override public MenuGroup group() { return MenuGroup.PROJECT; }
        @Override public String caption() { return "Service Rate"; }
        @Override public String viewName() { return "service-rate"; }
        @Override public int order() { return 20; }
        @Override public Permission permission() { return Permission.read("tariff"); }
        @Override public Resource icon() { return VaadinIcons.MONEY; }
        @Override public View createView() { return new ServiceRateView(tariff); }
    }
}
