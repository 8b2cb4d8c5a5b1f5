package org.meterline.ui.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.vaadin.annotations.JavaScript;
import com.vaadin.annotations.StyleSheet;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the chart hands the browser, without a browser; and that the files it names are in the bundle. */
class TimeSeriesChartTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void pointsGoToTheStateAscendingWithGapsKept() {
        TimeSeriesChart chart = new TimeSeriesChart();
        assertEquals(0, chart.pointCount());
        chart.setSeries("Signal", "dBm", List.of(TimeSeriesChart.Point.of(T0.plusSeconds(7200), -71),
                TimeSeriesChart.Point.of(T0, -75), TimeSeriesChart.Point.of(T0.plusSeconds(3600), null),
                new TimeSeriesChart.Point(T0.plusSeconds(10800).toEpochMilli(), Double.NaN)));

        TimeSeriesChartState.SeriesState state = chart.getState(false).series.get(0);
        assertEquals("Signal", state.name);
        assertEquals("dBm", state.unit);
        assertEquals(List.of(T0.toEpochMilli(), T0.plusSeconds(3600).toEpochMilli(),
                T0.plusSeconds(7200).toEpochMilli(), T0.plusSeconds(10800).toEpochMilli()), state.times);
        assertEquals(Arrays.asList(-75.0, null, -71.0, null), state.values, "null and NaN are gaps");
        assertEquals(2, chart.pointCount());
        assertEquals(4, chart.getSeries().get(0).points().size());
        assertEquals(-71.0, chart.getSeries().get(0).points().get(2).value());

        chart.clear();
        assertEquals(0, chart.pointCount());
        assertEquals(List.of(), chart.getSeries());
    }

    @Test
    void severalSeriesAxisLabelAndTimeRange() {
        TimeSeriesChart chart = new TimeSeriesChart();
        chart.setSeries(List.of(
                new TimeSeriesChart.Series("L1", "kW", List.of(TimeSeriesChart.Point.of(T0, 1.5))),
                new TimeSeriesChart.Series("L2", "kW", List.of(TimeSeriesChart.Point.of(T0, 2.5),
                        TimeSeriesChart.Point.of(T0.plusSeconds(900), 2.0)))));
        assertEquals(3, chart.pointCount());
        assertEquals("L2", chart.getState(false).series.get(1).name);

        assertNull(chart.getYAxisLabel(), "the unit of the first series by default");
        chart.setYAxisLabel("Power (kW)");
        assertEquals("Power (kW)", chart.getState(false).yAxisLabel);
        chart.setNoDataText("Nothing collected");
        assertEquals("Nothing collected", chart.getState(false).noDataText);

        chart.setTimeRange(T0.minusSeconds(86400), T0);
        assertEquals(T0.minusSeconds(86400).toEpochMilli(), chart.getState(false).from);
        assertEquals(T0, chart.getTimeTo());
        chart.setTimeRange(null, null);
        assertNull(chart.getTimeFrom());
        assertThrows(IllegalArgumentException.class, () -> chart.setTimeRange(T0, T0.minusSeconds(1)));
        assertThrows(NullPointerException.class, () -> new TimeSeriesChart.Series(null, "kW", List.of()));
    }

    @Test
    void theScriptsAndStyleItNamesAreInTheBundle() {
        for (String file : TimeSeriesChart.class.getAnnotation(JavaScript.class).value()) {
            assertNotNull(TimeSeriesChart.class.getResource(file), file);
        }
        for (String file : TimeSeriesChart.class.getAnnotation(StyleSheet.class).value()) {
            assertNotNull(TimeSeriesChart.class.getResource(file), file);
        }
        assertNotNull(TimeSeriesChart.class.getResource("uplot/LICENSE"));
    }
}
