package org.meterline.ui.api;

import com.vaadin.annotations.JavaScript;
import com.vaadin.annotations.StyleSheet;
import com.vaadin.ui.AbstractJavaScriptComponent;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A line chart of values over time: uPlot (MIT, from its WebJar, unpacked into this bundle at build
 * time) drawing on a canvas in a Vaadin JavaScript component. One or more series, each with a name and a
 * unit (legend and hover values), points of epoch milliseconds and a value where a null value is a gap;
 * one y axis. Size it as any component ({@code setWidth}/{@code setHeight}; 100 % × 300 px by default);
 * give it an id, the browser side marks its element with {@code data-series} and {@code data-points}
 * (the number of values drawn) so a browser test can see what it got.
 *
 * <pre>{@code
 * TimeSeriesChart chart = new TimeSeriesChart();
 * chart.setId("netmon-chart");
 * chart.setYAxisLabel("Signal (dBm)");
 * chart.setSeries("Signal", "dBm", List.of(TimeSeriesChart.Point.of(at, -71)));
 * }</pre>
 */
@JavaScript({"uplot/uPlot.iife.min.js", "time-series-chart.js"})
@StyleSheet("uplot/uPlot.min.css")
public class TimeSeriesChart extends AbstractJavaScriptComponent {

    private static final long serialVersionUID = 1L;

    /** A value at a time; a null value is a gap in the line. */
    public record Point(long epochMillis, Double value) implements Serializable {

        public Point {
            if (value != null && !Double.isFinite(value)) {
                value = null;
            }
        }

        /** The point at {@code at} (not null) with {@code value} (null: a gap). */
        public static Point of(Instant at, Number value) {
            return new Point(at.toEpochMilli(), value == null ? null : value.doubleValue());
        }
    }

    /** A named line of points; the unit follows values in the legend. */
    public record Series(String name, String unit, List<Point> points) implements Serializable {

        public Series {
            Objects.requireNonNull(name, "name");
            points = List.copyOf(points);
        }
    }

    public TimeSeriesChart() {
        setWidth("100%");
        setHeight("300px");
        addStyleName("ml-time-series-chart");
    }

    /** Shows one series instead of what the chart showed. */
    public void setSeries(String name, String unit, List<Point> points) {
        setSeries(List.of(new Series(name, unit, points)));
    }

    /** Shows these series instead of what the chart showed; each one's points are drawn ascending by time. */
    public void setSeries(List<Series> series) {
        List<TimeSeriesChartState.SeriesState> states = new ArrayList<>();
        for (Series s : series) {
            TimeSeriesChartState.SeriesState state = new TimeSeriesChartState.SeriesState();
            state.name = s.name();
            state.unit = s.unit();
            s.points().stream().sorted(Comparator.comparingLong(Point::epochMillis)).forEach(p -> {
                state.times.add(p.epochMillis());
                state.values.add(p.value());
            });
            states.add(state);
        }
        getState().series = states;
    }

    /** The series shown, points ascending by time. */
    public List<Series> getSeries() {
        List<Series> series = new ArrayList<>();
        for (TimeSeriesChartState.SeriesState s : getState(false).series) {
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < s.times.size(); i++) {
                points.add(new Point(s.times.get(i), s.values.get(i)));
            }
            series.add(new Series(s.name, s.unit, points));
        }
        return series;
    }

    /** Removes every series; the chart shows its no-data text. */
    public void clear() {
        getState().series = new ArrayList<>();
    }

    /** The number of values (not gaps) over all series. */
    public int pointCount() {
        return getState(false).series.stream()
                .mapToInt(s -> (int) s.values.stream().filter(Objects::nonNull).count()).sum();
    }

    /** The y axis' label; null (the default) uses the first series' unit. */
    public void setYAxisLabel(String label) {
        getState().yAxisLabel = label;
    }

    public String getYAxisLabel() {
        return getState(false).yAxisLabel;
    }

    /** Shown over the plot when there is no value to draw ("No data" by default). */
    public void setNoDataText(String text) {
        getState().noDataText = text;
    }

    public String getNoDataText() {
        return getState(false).noDataText;
    }

    /**
     * Fixes the time axis to {@code from}..{@code to} (e.g. the last 7 days, so a few points show where they
     * are in the period); nulls let the axis follow the points.
     */
    public void setTimeRange(Instant from, Instant to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from");
        }
        getState().from = from == null ? null : from.toEpochMilli();
        getState().to = to == null ? null : to.toEpochMilli();
    }

    /** The fixed start of the time axis, null when it follows the points. */
    public Instant getTimeFrom() {
        Long from = getState(false).from;
        return from == null ? null : Instant.ofEpochMilli(from);
    }

    /** The fixed end of the time axis, null when it follows the points. */
    public Instant getTimeTo() {
        Long to = getState(false).to;
        return to == null ? null : Instant.ofEpochMilli(to);
    }

    @Override
    protected TimeSeriesChartState getState() {
        return (TimeSeriesChartState) super.getState();
    }

    @Override
    protected TimeSeriesChartState getState(boolean markAsDirty) {
        return (TimeSeriesChartState) super.getState(markAsDirty);
    }
}
