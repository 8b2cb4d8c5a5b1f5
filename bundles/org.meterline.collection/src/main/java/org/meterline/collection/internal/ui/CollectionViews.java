package org.meterline.collection.internal.ui;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.navigator.View;
import com.vaadin.server.Resource;
import org.meterline.archive.api.MeterModelService;
import org.meterline.collection.api.CollectionService;
import org.meterline.core.api.Permission;
import org.meterline.grid.api.GridService;
import org.meterline.ui.api.MenuGroup;
import org.meterline.ui.api.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Operation &amp; Maintenance → Collocation task → Task Config (manual §5.1). */
@Component(service = ViewContribution.class)
public final class CollectionViews implements ViewContribution {

    private final CollectionService collection;
    private final GridService grids;
    private final MeterModelService models;

    @Activate
    public CollectionViews(@Reference CollectionService collection, @Reference GridService grids,
            @Reference MeterModelService models) {
        this.collection = collection;
        this.grids = grids;
        this.models = models;
    }

    @Override public MenuGroup group() { return MenuGroup.OPERATION; }
    @Override public String subgroup() { return "Collocation task"; }
    @Override public String caption() { return "Task Config"; }
    @Override public String viewName() { return "task-config"; }
    @Override public int order() { return 30; }
    @Override public Permission permission() { return Permission.read(CollectionService.AREA); }
    @Override public Resource icon() { return VaadinIcons.CLOCK; }
    @Override public View createView() { return new TaskConfigView(collection, grids, models); }

    /** Data Analysis → Meter Reading Statistics. */
    @Component(service = ViewContribution.class)
    public static final class Statistics implements ViewContribution {
        private final CollectionService collection;

        @Activate
        public Statistics(@Reference CollectionService collection) {
            this.collection = collection;
        }

        @Override public MenuGroup group() { return MenuGroup.DATA_ANALYSIS; }
        @Override public String caption() { return "Meter Reading Statistics"; }
        @Override public String viewName() { return "meter-reading-statistics"; }
        @Override public int order() { return 10; }
        @Override public Permission permission() { return Permission.read(CollectionService.AREA); }
        @Override public Resource icon() { return VaadinIcons.BAR_CHART; }
        @Override public View createView() { return new ReadingStatisticsView(collection); }
    }

    /** Operation &amp; Maintenance → Network Monitor (manual §9.1). */
    @Component(service = ViewContribution.class)
    public static final class NetworkMonitor implements ViewContribution {
        private final CollectionService collection;

        @Activate
        public NetworkMonitor(@Reference CollectionService collection) {
            this.collection = collection;
        }

        @Override public MenuGroup group() { return MenuGroup.OPERATION; }
        @Override public String caption() { return "Network Monitor"; }
        @Override public String viewName() { return "network-monitor"; }
        @Override public int order() { return 40; }
        @Override public Permission permission() { return Permission.read(CollectionService.AREA); }
        @Override public Resource icon() { return VaadinIcons.SIGNAL; }
        @Override public View createView() { return new NetworkMonitorView(collection); }
    }
}
