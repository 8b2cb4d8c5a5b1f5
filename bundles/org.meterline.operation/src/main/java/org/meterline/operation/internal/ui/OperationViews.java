package org.meterline.operation.internal.ui;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.navigator.View;
import com.vaadin.server.Resource;
import org.meterline.archive.api.MeterService;
import org.meterline.core.api.Permission;
import org.meterline.operation.api.MeterOperations;
import org.meterline.ui.api.MenuGroup;
import org.meterline.ui.api.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Operation &amp; Maintenance → Meter operation (manual §8.1, §8.2). */
@Component(service = ViewContribution.class)
public final class OperationViews implements ViewContribution {

    private final MeterOperations operations;
    private final MeterService meters;

    @Activate
    public OperationViews(@Reference MeterOperations operations, @Reference MeterService meters) {
        this.operations = operations;
        this.meters = meters;
    }

    @Override public MenuGroup group() { return MenuGroup.OPERATION; }
    @Override public String caption() { return "Meter operation"; }
    @Override public String viewName() { return "meter-operation"; }
    @Override public int order() { return 10; }
    @Override public Permission permission() { return Permission.read(MeterOperations.AREA); }
    @Override public Resource icon() { return VaadinIcons.FLASH; }
    @Override public View createView() { return new MeterOperationView(operations, meters); }
}
