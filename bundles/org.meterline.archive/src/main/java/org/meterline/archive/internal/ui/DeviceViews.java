package org.meterline.archive.internal.ui;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.navigator.View;
import com.vaadin.server.Resource;
import org.meterline.archive.api.AcquisitionModuleService;
import org.meterline.archive.api.MeterCommunicationService;
import org.meterline.archive.api.MeterModelService;
import org.meterline.archive.api.MeterService;
import org.meterline.archive.api.PocService;
import org.meterline.core.api.Permission;
import org.meterline.grid.api.GridService;
import org.meterline.tariff.api.TariffService;
import org.meterline.ui.api.MenuGroup;
import org.meterline.ui.api.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Archive → Meter and Archive → POC. */
final class DeviceViews {

    private DeviceViews() {
    }

    /** Archive → Meter. */
    @Component(service = ViewContribution.class)
    public static final class Meters implements ViewContribution {
        private final MeterService meters;
        private final MeterModelService models;
        private final AcquisitionModuleService modules;
        private final MeterCommunicationService communication;

        @Activate
        public Meters(@Reference MeterService meters, @Reference MeterModelService models,
                @Reference AcquisitionModuleService modules, @Reference MeterCommunicationService communication) {
            this.meters = meters;
            this.models = models;
            this.modules = modules;
            this.communication = communication;
        }

        @Override public MenuGroup group() { return MenuGroup.ARCHIVE; }
        @Override public String caption() { return "Meter"; }
        @Override public String viewName() { return "meter"; }
        @Override public int order() { return 30; }
        @Override public Permission permission() { return Permission.read("archive"); }
        @Override public Resource icon() { return VaadinIcons.DASHBOARD; }
        @Override public View createView() { return new MeterView(meters, models, modules, communication); }
    }

    /** Archive → POC. */
    @Component(service = ViewContribution.class)
    public static final class Pocs implements ViewContribution {
        private final PocService pocs;
        private final GridService grid;
        private final TariffService tariff;

        @Activate
        public Pocs(@Reference PocService pocs, @Reference GridService grid, @Reference TariffService tariff) {
            this.pocs = pocs;
            this.grid = grid;
            this.tariff = tariff;
        }

        @Override public MenuGroup group() { return MenuGroup.ARCHIVE; }
        @Override public String caption() { return "POC"; }
        @Override public String viewName() { return "poc"; }
        @Override public int order() { return 50; }
        @Override public Permission permission() { return Permission.read("archive"); }
        @Override public Resource icon() { return VaadinIcons.PLUG; }
        @Override public View createView() { return new PocView(pocs, grid, tariff); }
    }
}
