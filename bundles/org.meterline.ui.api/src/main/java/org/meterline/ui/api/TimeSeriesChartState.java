package org.meterline.ui.api;

import com.vaadin.shared.ui.JavaScriptComponentState;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** What the browser side of {@link TimeSeriesChart} draws: the series, the y-axis label and the time range. */
public class TimeSeriesChartState extends JavaScriptComponentState {

    private static final long serialVersionUID = 1L;

    /** The series, in the order of the legend. */
    public List<SeriesState> series = new ArrayList<>();
    /** The y axis' label; null: the first series' unit. */
    public String yAxisLabel;
    /** Shown over the plot when no series has a value. */
    public String noDataText = "No data";
    /** The x axis' start (epoch milliseconds); null: the first point. */
    public Long from;
    /** The x axis' end (epoch milliseconds); null: the last point. */
    public Long to;

    /** One series: its legend name and unit, and its points ascending by time. */
    public static class SeriesState implements Serializable {

        private static final long serialVersionUID = 1L;

        public String name;
        public String unit;
        /** Epoch milliseconds, ascending. */
        public List<Long> times = new ArrayList<>();
        /** The value at the same index of {@link #times}; null draws a gap. */
        public List<Double> values = new ArrayList<>();
    }
}
