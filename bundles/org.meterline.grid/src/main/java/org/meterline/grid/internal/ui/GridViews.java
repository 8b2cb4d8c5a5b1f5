package org.meterline.grid.internal.ui;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.navigator.View;
import com.vaadin.server.Resource;
import org.meterline.core.api.Permission;
import org.meterline.grid.api.GridService;
import org.meterline.tariff.api.TariffService;
import org.meterline.ui.api.MenuGroup;
import org.meterline.ui.api.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Project menu's grid views, after the tariff ones (Service Type 10, Service Rate 20). */
final class GridViews {

    static final String AREA = "grid";

    private GridViews() {
    }

    /** Project → Sites. */
    @Component(service = ViewContribution.class)
    public static final class Sites implements ViewContribution {
        private final GridService grid;

        @Activate
        public Sites(@Reference GridService grid) {
            this.grid = grid;
        }

        @Override public MenuGroup group() { return MenuGroup.PROJECT; }
        @Override public String caption() { return "Sites"; }
        @Override public String viewName() { return "site"; }
        @Override public int order() { return 30; }
        @Override public Permission permission() { return Permission.read(AREA); }
        @Override public Resource icon() { return VaadinIcons.MAP_MARKER; }
        @Override public View createView() { return new SiteView(grid); }
    }

    /** Project → Projects. */
    @Component(service = ViewContribution.class)
    public static final class Projects implements ViewContribution {
        private final GridService grid;
        private final TariffService tariff;

        @Activate
        public Projects(@Reference GridService grid, @Reference TariffService tariff) {
            this.grid = grid;
            this.tariff = tariff;
        }

        @Override public MenuGroup group() { return MenuGroup.PROJECT; }
        @Override public String caption() { return "Projects"; }
        @Override public String viewName() { return "project"; }
        @Override public int order() { return 40; }
        @Override public Permission permission() { return Permission.read(AREA); }
        @Override public Resource icon() { return VaadinIcons.BRIEFCASE; }
        @Override public View createView() { return new ProjectView(grid, tariff); }
    }

    /** Project → Power Grid. */
    @Component(service = ViewContribution.class)
    public static final class PowerGrids implements ViewContribution {
        private final GridService grid;

        @Activate
        public PowerGrids(@Reference GridService grid) {
            this.grid = grid;
        }

        @Override public MenuGroup group() { return MenuGroup.PROJECT; }
        @Override public String caption() { return "Power Grid"; }
        @Override public String viewName() { return "power-grid"; }
        @Override public int order() { return 50; }
        @Override public Permission permission() { return Permission.read(AREA); }
        @Override public Resource icon() { return VaadinIcons.SITEMAP; }
        @Override public View createView() { return new PowerGridView(grid); }
    }
}
