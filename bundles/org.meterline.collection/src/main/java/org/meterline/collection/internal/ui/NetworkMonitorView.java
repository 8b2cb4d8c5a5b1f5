package org.meterline.collection.internal.ui;

import com.vaadin.data.provider.DataProvider;
import com.vaadin.data.provider.QuerySortOrder;
import com.vaadin.icons.VaadinIcons;
import com.vaadin.navigator.View;
import com.vaadin.server.Page;
import com.vaadin.shared.data.sort.SortDirection;
import com.vaadin.shared.ui.ValueChangeMode;
import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.Notification;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.renderers.HtmlRenderer;
import com.vaadin.ui.themes.ValoTheme;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.meterline.collection.api.CollectionService;
import org.meterline.collection.api.ModuleSignal;
import org.meterline.collection.api.SignalPoint;
import org.meterline.core.api.MeterlineException;
import org.meterline.core.api.PageRequest;
import org.meterline.ui.api.UiContext;

/**
 * Operation &amp; Maintenance → Network Monitor (manual §9.1): the customer's acquisition modules with their
 * latest collected signal, online status and last contact, paged on the server; the selected module's signal
 * readings of the last 7 days below. Ids: {@code netmon-filter}, {@code netmon-grid}, {@code netmon-history-grid}.
 */
final class NetworkMonitorView extends VerticalLayout implements View {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final Duration HISTORY = Duration.ofDays(7);

    private final transient CollectionService collection;
    private final TextField filter = new TextField();
    private final Grid<ModuleSignal> modules = new Grid<>();
    private final Grid<SignalPoint> history = new Grid<>();
    private final Label historyCaption = new Label("Select a module to see its signal history (last 7 days).");
    private final ZoneId zone = zone();

    NetworkMonitorView(CollectionService collection) {
        this.collection = collection;
        setId("netmon");
        setWidth("100%");
        Label heading = new Label("Network Monitor");
        heading.addStyleName(ValoTheme.LABEL_H2);
        heading.addStyleName(ValoTheme.LABEL_NO_MARGIN);

        filter.setId("netmon-filter");
        filter.setPlaceholder("Module serial");
        filter.setIcon(VaadinIcons.SEARCH);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> modules.getDataProvider().refreshAll());

        modules.setId("netmon-grid");
        modules.setWidth("100%");
        modules.setHeight("360px");
        modules.setDataProvider(DataProvider.fromCallbacks(
                q -> page(q.getOffset(), q.getLimit(), q.getSortOrders()).stream(),
                q -> (int) collection.networkModules(UiContext.caller(), new PageRequest(0, 1, null, true,
                        filter.getValue())).total()));
        modules.addColumn(ModuleSignal::serialNumber).setCaption("Serial Number").setId("serialNumber")
                .setSortProperty("serialNumber");
        modules.addColumn(ModuleSignal::type).setCaption("Type").setId("type").setSortProperty("type");
        modules.addColumn(ModuleSignal::address).setCaption("Address").setId("address").setSortProperty("address");
        modules.addColumn(NetworkMonitorView::signalBar, new HtmlRenderer()).setCaption("Signal").setId("signal")
                .setSortable(false).setWidth(230);
        modules.addColumn(m -> m.online() ? "online" : "offline").setCaption("Online").setId("online")
                .setSortable(false).setStyleGenerator(m -> m.online() ? "netmon-online" : "netmon-offline")
                .setDescriptionGenerator(m -> "online: reached within the last " + m.onlineWindowMinutes() + " minutes");
        modules.addColumn(m -> time(m.lastContact())).setCaption("Last Contact").setId("lastContact").setSortable(false);
        modules.addColumn(ModuleSignal::archiveStatus).setCaption("Archive Status").setId("archiveStatus")
                .setSortProperty("status");
        modules.asSingleSelect().addValueChangeListener(e -> showHistory(e.getValue()));

        history.setId("netmon-history-grid");
        history.setWidth("100%");
        history.setHeight("300px");
        history.addColumn(p -> time(p.at())).setCaption("Time").setId("at");
        history.addColumn(SignalPoint::dbm).setCaption("Signal (dBm)").setId("dbm");
        history.addColumn(SignalPoint::quality).setCaption("Quality (0..31)").setId("quality");
        history.addColumn(SignalPoint::meterSerial).setCaption("Read Through Meter").setId("meter");
        history.setSelectionMode(Grid.SelectionMode.NONE);
        historyCaption.setId("netmon-history-caption");
        historyCaption.addStyleName(ValoTheme.LABEL_H4);

        addComponents(heading, filter, modules, historyCaption, history);
    }

    private List<ModuleSignal> page(int offset, int limit, List<QuerySortOrder> sort) {
        String field = sort.isEmpty() ? "serialNumber" : sort.get(0).getSorted();
        boolean ascending = sort.isEmpty() || sort.get(0).getDirection() == SortDirection.ASCENDING;
        try {
            return collection.networkModules(UiContext.caller(), new PageRequest(offset,
                    Math.max(1, Math.min(limit, PageRequest.MAX_LIMIT)), field, ascending, filter.getValue())).items();
        } catch (MeterlineException e) {
            Notification.show(e.getMessage(), Notification.Type.ERROR_MESSAGE);
            return List.of();
        }
    }

    private void showHistory(ModuleSignal module) {
        if (module == null) {
            history.setItems(List.of());
            historyCaption.setValue("Select a module to see its signal history (last 7 days).");
            return;
        }
        try {
            Instant now = Instant.now();
            List<SignalPoint> points = new java.util.ArrayList<>(collection.moduleSignalHistory(UiContext.caller(),
                    module.moduleId(), now.minus(HISTORY), now.plusSeconds(1)));
            java.util.Collections.reverse(points); // newest first
            history.setItems(points);
            historyCaption.setValue("Signal history of " + module.serialNumber() + " (last 7 days): " + points.size()
                    + (points.size() == 1 ? " reading" : " readings"));
        } catch (MeterlineException e) {
            Notification.show(e.getMessage(), Notification.Type.ERROR_MESSAGE);
        }
    }

    /** "-71 dBm (q 21)" with a small bar of 0..31 in front. */
    static String signalBar(ModuleSignal m) {
        if (m.signalDbm() == null) {
            return "<span class=\"netmon-nosignal\">no signal collected</span>";
        }
        int q = m.signalQuality();
        int width = Math.round(q * 60f / 31f);
        String color = q >= 20 ? "#2e7d32" : q >= 10 ? "#f9a825" : "#c62828";
        return "<span style=\"display:inline-block;width:62px;height:10px;border:1px solid #999;margin-right:6px;"
                + "vertical-align:middle\"><span style=\"display:block;height:10px;width:" + width + "px;background:"
                + color + "\"></span></span>" + m.signalDbm() + " dBm (q " + q + ")";
    }

    private String time(Instant at) {
        return at == null ? "never" : TIME.format(at.atZone(zone));
    }

    private static ZoneId zone() {
        Page page = Page.getCurrent();
        if (page != null && page.getWebBrowser() != null && page.getWebBrowser().getTimeZoneId() != null) {
            try {
                return ZoneId.of(page.getWebBrowser().getTimeZoneId());
            } catch (RuntimeException e) {
                return ZoneId.systemDefault();
            }
        }
        return ZoneId.systemDefault();
    }
}
