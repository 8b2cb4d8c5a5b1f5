package org.meterline.collection.internal.ui;

import com.vaadin.data.provider.DataProvider;
import com.vaadin.data.provider.QuerySortOrder;
import com.vaadin.icons.VaadinIcons;
import com.vaadin.navigator.View;
import com.vaadin.server.Page;
import com.vaadin.shared.data.sort.SortDirection;
import com.vaadin.shared.ui.ValueChangeMode;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.meterline.collection.api.CollectionService;
import org.meterline.collection.api.ModuleSignal;
import org.meterline.collection.api.SignalPoint;
import org.meterline.core.api.MeterlineException;
import org.meterline.core.api.PageRequest;
import org.meterline.ui.api.TimeSeriesChart;
import org.meterline.ui.api.UiContext;

/**
 * Operation &amp; Maintenance → Network Monitor (manual §9.1): the customer's acquisition modules with their
 * latest collected signal, online status and last contact, paged on the server; the selected module's signal
 * readings of the last 7 days below, as a chart of the signal (dBm) beside the table. Ids: {@code netmon-filter},
 * {@code netmon-grid}, {@code netmon-history-caption}, {@code netmon-chart}, {@code netmon-history-grid}.
 */
final class NetworkMonitorView extends VerticalLayout implements View {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final Duration HISTORY = Duration.ofDays(7);

    private final transient CollectionService collection;
    private final TextField filter = new TextField();
    private final Grid<ModuleSignal> modules = new Grid<>();
    private final Grid<SignalPoint> history = new Grid<>();
    private final TimeSeriesChart chart = new TimeSeriesChart();
    private final Label historyCaption = new Label("Select a module to see its signal history (last 7 days).");
    private final ZoneId zone = zone();

    NetworkMonitorView(CollectionService collection) {
        this.collection = collection;
        setId("netmon");
        // fills the content area (MainLayout gives it a height): the modules and the history share it
        setSizeFull();
        Label heading = new Label("Network Monitor");
        heading.addStyleName(ValoTheme.LABEL_H2);
        heading.addStyleName(ValoTheme.LABEL_NO_MARGIN);

        filter.setId("netmon-filter");
        filter.setPlaceholder("Module serial");
        filter.setIcon(VaadinIcons.SEARCH);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> modules.getDataProvider().refreshAll());

        modules.setId("netmon-grid");
        modules.setSizeFull();
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
        history.setWidth("500px");
        history.setHeight("100%");
        history.addColumn(p -> time(p.at())).setCaption("Time").setId("at").setWidth(195);
        history.addColumn(SignalPoint::dbm).setCaption("dBm").setId("dbm").setWidth(85);
        history.addColumn(SignalPoint::quality).setCaption("Quality").setId("quality").setWidth(95);
        history.addColumn(SignalPoint::meterSerial).setCaption("Meter").setId("meter").setMinimumWidth(100)
                .setExpandRatio(1).setDescriptionGenerator(p -> "read through meter " + p.meterSerial());
        history.getDefaultHeaderRow().getCell("dbm").setDescription("Signal strength in dBm");
        history.getDefaultHeaderRow().getCell("quality").setDescription("Signal quality (CSQ, 0..31)");
        history.getDefaultHeaderRow().getCell("meter").setDescription("The meter the module was read through");
        history.setSelectionMode(Grid.SelectionMode.NONE);
        historyCaption.setId("netmon-history-caption");
        historyCaption.addStyleName(ValoTheme.LABEL_BOLD);

        chart.setId("netmon-chart");
        chart.setYAxisLabel("Signal (dBm)");
        chart.setNoDataText("Select a module");
        chart.setSizeFull();

        // the chart beside the table, both as high as the row
        HorizontalLayout historyRow = new HorizontalLayout(chart, history);
        historyRow.setId("netmon-history");
        historyRow.setSizeFull();
        historyRow.setExpandRatio(chart, 1);

        addComponents(heading, filter, modules, historyCaption, historyRow);
        setExpandRatio(modules, 1);
        setExpandRatio(historyRow, 1);
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
            chart.clear();
            chart.setTimeRange(null, null);
            chart.setNoDataText("Select a module");
            historyCaption.setValue("Select a module to see its signal history (last 7 days).");
            return;
        }
        try {
            Instant now = Instant.now();
            List<SignalPoint> points = new ArrayList<>(collection.moduleSignalHistory(UiContext.caller(),
                    module.moduleId(), now.minus(HISTORY), now.plusSeconds(1)));
            chart.setSeries("Signal " + module.serialNumber(), "dBm", points.stream()
                    .map(p -> TimeSeriesChart.Point.of(p.at(), p.dbm())).toList());
            chart.setTimeRange(now.minus(HISTORY), now);
            chart.setNoDataText("No signal collected in the last 7 days");
            Collections.reverse(points); // newest first
            history.setItems(points);
            historyCaption.setValue("Signal history of " + module.serialNumber() + " (last 7 days): " + points.size()
                    + (points.size() == 1 ? " reading" : " readings") + " · " + onlineText(module));
        } catch (MeterlineException e) {
            Notification.show(e.getMessage(), Notification.Type.ERROR_MESSAGE);
        }
    }

    /** "online: reached within the online window of 2 h": the status and the window it is judged by. */
    static String onlineText(ModuleSignal m) {
        return (m.online() ? "online: reached" : "offline: not reached") + " within the online window of "
                + window(m.onlineWindowMinutes());
    }

    private static String window(long minutes) {
        if (minutes % (24 * 60) == 0) {
            long days = minutes / (24 * 60);
            return days == 1 ? "24 h" : days + " days";
        }
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
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
