package org.meterline.collection.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meterline.ui.api.testing.VaadinViewTest.find;

import com.vaadin.data.provider.Query;
import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.meterline.collection.api.CollectionService;
import org.meterline.collection.api.ModuleSignal;
import org.meterline.collection.api.SignalPoint;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Role;
import org.meterline.ui.api.TimeSeriesChart;
import org.meterline.ui.api.testing.VaadinViewTest;

/** The Network Monitor view's ids (a browser test would rely on them), its lazy module grid and the history. */
class NetworkMonitorViewTest {

    private static final Instant NOW = Instant.now();
    private static final ModuleSignal GOOD = new ModuleSignal(1, "MOD-1", "gprs", "10.0.0.1:4059", "online", -71, 21,
            NOW.minusSeconds(60), NOW.minusSeconds(60), true, 120);
    private static final ModuleSignal SILENT = new ModuleSignal(2, "MOD-2", "4g", "10.0.0.2:4059", "online", null, null,
            null, null, false, 120);
    private final List<PageRequest> pages = new ArrayList<>();
    private final List<Instant[]> periods = new ArrayList<>();

    @RegisterExtension
    final VaadinViewTest vaadin = new VaadinViewTest().caller(new Caller("vic", 1, 10, 10, EnumSet.of(Role.VIEWER)));

    private final CollectionService collection = (CollectionService) Proxy.newProxyInstance(
            CollectionService.class.getClassLoader(), new Class<?>[] {CollectionService.class}, (p, m, args) -> {
                if (m.getName().equals("networkModules")) {
                    PageRequest page = (PageRequest) args[1];
                    pages.add(page);
                    List<ModuleSignal> hits = List.of(GOOD, SILENT).stream()
                            .filter(x -> x.serialNumber().toLowerCase().contains(page.filter().toLowerCase())).toList();
                    return new Page<>(hits.stream().skip(page.offset()).limit(page.limit()).toList(), hits.size());
                }
                if (m.getName().equals("moduleSignalHistory")) {
                    periods.add(new Instant[] {(Instant) args[2], (Instant) args[3]});
                    return List.of(new SignalPoint(NOW.minusSeconds(7200), 5, "SN-5", -75, 19),
                            new SignalPoint(NOW.minusSeconds(3600), 5, "SN-5", -71, 21));
                }
                throw new UnsupportedOperationException(m.getName());
            });

    @Test
    void modulesArePagedOnTheServerFilteredBySerialAndTheSelectedOnesHistoryShown() {
        NetworkMonitorView view = new NetworkMonitorView(collection);
        for (String id : List.of("netmon-filter", "netmon-grid", "netmon-history-caption", "netmon-chart",
                "netmon-history-grid")) {
            assertNotNull(find(view, id), id);
        }
        Grid<ModuleSignal> grid = find(view, "netmon-grid");
        assertEquals(List.of(GOOD, SILENT), grid.getDataProvider().fetch(new Query<>()).collect(Collectors.toList()));
        assertEquals(2, grid.getDataProvider().size(new Query<>()));
        assertEquals("serialNumber", pages.get(0).sortField());

        ((TextField) find(view, "netmon-filter")).setValue("mod-2");
        assertEquals(List.of(SILENT), grid.getDataProvider().fetch(new Query<>()).collect(Collectors.toList()));
        assertEquals("mod-2", pages.get(pages.size() - 1).filter());

        grid.asSingleSelect().setValue(GOOD);
        Grid<SignalPoint> history = find(view, "netmon-history-grid");
        List<SignalPoint> rows = history.getDataProvider().fetch(new Query<>()).collect(Collectors.toList());
        assertEquals(2, rows.size());
        assertEquals(-71, rows.get(0).dbm(), "newest first");
        Instant[] period = periods.get(0);
        assertTrue(Duration.between(period[0], period[1]).compareTo(Duration.ofDays(7)) >= 0);
        String caption = ((Label) find(view, "netmon-history-caption")).getValue();
        assertTrue(caption.contains("MOD-1"), caption);
        assertTrue(caption.contains("online: reached within the online window of 2 h"), caption);

        // the chart draws the same readings, oldest first, over the 7 days
        TimeSeriesChart chart = find(view, "netmon-chart");
        assertEquals(2, chart.pointCount());
        TimeSeriesChart.Series series = chart.getSeries().get(0);
        assertEquals("dBm", series.unit());
        assertTrue(series.name().contains("MOD-1"), series.name());
        assertEquals(List.of(new TimeSeriesChart.Point(NOW.minusSeconds(7200).toEpochMilli(), -75.0),
                new TimeSeriesChart.Point(NOW.minusSeconds(3600).toEpochMilli(), -71.0)), series.points());
        assertEquals("Signal (dBm)", chart.getYAxisLabel());
        assertEquals(Duration.ofDays(7), Duration.between(chart.getTimeFrom(), chart.getTimeTo()));

        // no module selected: nothing drawn
        grid.asSingleSelect().clear();
        assertEquals(0, chart.pointCount());
        assertEquals(0, history.getDataProvider().size(new Query<>()));

        assertTrue(NetworkMonitorView.signalBar(GOOD).contains("-71 dBm (q 21)"));
        assertTrue(NetworkMonitorView.signalBar(SILENT).contains("no signal collected"));
        assertEquals("offline: not reached within the online window of 24 h",
                NetworkMonitorView.onlineText(new ModuleSignal(3, "MOD-3", "4g", null, "online", null, null, null, null,
                        false, 1440)));
        assertEquals("online: reached within the online window of 45 min",
                NetworkMonitorView.onlineText(new ModuleSignal(3, "MOD-3", "4g", null, "online", null, null, null, null,
                        true, 45)));
    }
}
