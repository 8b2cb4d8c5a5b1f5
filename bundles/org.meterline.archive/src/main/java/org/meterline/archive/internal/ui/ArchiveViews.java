package org.meterline.archive.internal.ui;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.navigator.View;
import com.vaadin.server.Resource;
import org.meterline.archive.api.AcquisitionModuleService;
import org.meterline.archive.api.ConsumerService;
import org.meterline.archive.api.MeterModelService;
import org.meterline.core.api.Permission;
import org.meterline.ui.api.MenuGroup;
import org.meterline.ui.api.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.meterline.driver.api.DriverRegistry;
import org.meterline.driver.api.MeterDriver;

/** The Archive menu's views. */
final class ArchiveViews {

    private ArchiveViews() {
    }

    /** Archive → Meter Models. */
    @Component(service = ViewContribution.class)
    public static final class MeterModels implements ViewContribution {
        private final MeterModelService models;
        private volatile DriverRegistry drivers;

        @Activate
        public MeterModels(@Reference MeterModelService models) {
            this.models = models;
        }

        /** Optional: without the driver capability the view says "no driver". */
        @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
        public void setDrivers(DriverRegistry registry) {
            drivers = registry;
        }

        public void unsetDrivers(DriverRegistry registry) {
            if (drivers == registry) {
                drivers = null;
            }
        }

        @Override public MenuGroup group() { return MenuGroup.ARCHIVE; }
        @Override public String caption() { return "Meter Models"; }
        @Override public String viewName() { return "meter-model"; }
        @Override public int order() { return 10; }
        @Override public Permission permission() { return Permission.read("archive"); }
        @Override public Resource icon() { return VaadinIcons.CUBES; }
        @Override public View createView() {
            return new MeterModelView(models, m -> {
                DriverRegistry registry = drivers;
                return registry == null ? "" : registry.driverFor(m.manufacturer(), m.model()).map(MeterDriver::id)
                        .orElse("");
            });
        }
    }

    /** Archive → Acquisition Module (manual §3.1). */
    @Component(service = ViewContribution.class)
    public static final class AcquisitionModules implements ViewContribution {
        private final AcquisitionModuleService modules;

        @Activate
        public AcquisitionModules(@Reference AcquisitionModuleService modules) {
            this.modules = modules;
        }

        @Override public MenuGroup group() { return MenuGroup.ARCHIVE; }
        @Override public String caption() { return "Acquisition Module"; }
        @Override public String viewName() { return "acquisition-module"; }
        @Override public int order() { return 20; }
        @Override public Permission permission() { return Permission.read("archive"); }
        @Override public Resource icon() { return VaadinIcons.CONNECT; }
        @Override public View createView() { return new AcquisitionModuleView(modules); }
    }

    /** Archive → Consumer (manual §4.1). */
    @Component(service = ViewContribution.class)
    public static final class Consumers implements ViewContribution {
        private final ConsumerService consumers;

        @Activate
        public Consumers(@Reference ConsumerService consumers) {
            this.consumers = consumers;
        }

        @Override public MenuGroup group() { return MenuGroup.ARCHIVE; }
        @Override public String caption() { return "Consumer"; }
        @Override public String viewName() { return "consumer"; }
        @Override public int order() { return 40; }
        @Override public Permission permission() { return Permission.read("archive"); }
        @Override public Resource icon() { return VaadinIcons.USERS; }
        @Override public View createView() { return new ConsumerView(consumers); }
    }
}
