package org.meterline.event.internal.ui;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.navigator.View;
import com.vaadin.server.Resource;
import org.meterline.core.api.Permission;
import org.meterline.event.api.EventRecords;
import org.meterline.ui.api.MenuGroup;
import org.meterline.ui.api.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Data Analysis → Event Recording (manual §9.2: "clicking on the Data Analysis menu button and then
 * clicking on Event Recording").
 */
@Component(service = ViewContribution.class)
public final class EventViews implements ViewContribution {

    private final EventRecords events;

    @Activate
    public EventViews(@Reference EventRecords events) {
        this.events = events;
    }

    @Override public MenuGroup group() { return MenuGroup.DATA_ANALYSIS; }
    @Override public String caption() { return "Event Recording"; }
    @Override public String viewName() { return "event-recording"; }
    @Override public int order() { return 20; }
    @Override public Permission permission() { return Permission.read(EventRecords.AREA); }
    @Override public Resource icon() { return VaadinIcons.BELL; }
    @Override public View createView() { return new EventRecordingView(events); }
}
