/*
 * The browser side of org.meterline.ui.api.TimeSeriesChart: uPlot on a canvas. Each state change draws the
 * chart anew (series, y label, time range); a resize of the component resizes the plot. The element carries
 * data-series (number of series) and data-points (values drawn, gaps not counted) for browser tests. The
 * legend shows the values under the cursor, and the newest values while the cursor is elsewhere.
 */
window.org_meterline_ui_api_TimeSeriesChart = function () {
    var self = this;
    var element = this.getElement();
    var COLORS = ['#1976d2', '#e65100', '#2e7d32', '#6a1b9a', '#c62828', '#00838f'];
    var plot = null;
    var holder = null;
    var empty = null;

    element.style.position = 'relative';
    element.style.overflow = 'hidden';

    function size() {
        var legend = plot ? plot.root.querySelector('.u-legend') : null;
        var legendHeight = legend ? legend.offsetHeight : 0;
        return {
            width: Math.max(element.clientWidth, 50),
            height: Math.max(element.clientHeight - legendHeight - 4, 50)
        };
    }

    function resize() {
        if (plot && element.clientWidth > 0 && element.clientHeight > 0) {
            var next = size();
            if (next.width !== plot.width || next.height !== plot.height) {
                plot.setSize(next);
            }
        }
    }

    function format(value, unit) {
        if (value == null) {
            return '--';
        }
        var text = Math.abs(value) >= 100 || Math.round(value) === value ? String(Math.round(value * 100) / 100)
            : value.toPrecision(4);
        return unit ? text + ' ' + unit : text;
    }

    // dots where the values are sparse (at least 4 px apart on average over the plot), else just the line;
    // uPlot's own rule looks at the span the points cover and hides a few points close together
    function pointsShow(u) {
        var idxs = u.series[0].idxs;
        if (!idxs || idxs[0] == null || idxs[1] == null) {
            return false;
        }
        return (idxs[1] - idxs[0] + 1) * 4 <= u.bbox.width / (window.devicePixelRatio || 1);
    }

    // the index of the newest time at which any series has a value, or null
    function newest(u) {
        for (var i = u.data[0].length - 1; i >= 0; i--) {
            for (var s = 1; s < u.data.length; s++) {
                if (u.data[s][i] != null) {
                    return i;
                }
            }
        }
        return null;
    }

    // while the cursor is not over the plot the legend shows the newest values instead of "--"
    function legendAtNewest(u) {
        if (u.cursor.idx == null) {
            var i = newest(u);
            if (i != null) {
                u.setLegend({idx: i}, false);
            }
        }
    }

    function data(series) {
        if (series.length === 0) {
            return [[]];
        }
        var tables = series.map(function (s) { return [s.times || [], s.values || []]; });
        // one series: as it is; several: on the union of their times, nulls kept as gaps
        return tables.length === 1 ? tables[0] : uPlot.join(tables);
    }

    function draw() {
        var state = self.getState();
        var series = state.series || [];
        var count = 0;
        series.forEach(function (s) {
            (s.values || []).forEach(function (v) { if (v != null) { count++; } });
        });
        element.setAttribute('data-series', String(series.length));
        element.setAttribute('data-points', String(count));

        if (plot) {
            plot.destroy();
            plot = null;
        }
        if (!holder) {
            holder = document.createElement('div');
            element.appendChild(holder);
            empty = document.createElement('div');
            empty.className = 'ml-chart-empty';
            empty.style.cssText = 'position:absolute;left:0;right:0;top:40%;text-align:center;color:#888;'
                + 'pointer-events:none;';
            element.appendChild(empty);
        }
        empty.textContent = state.noDataText || '';
        empty.style.display = count === 0 ? 'block' : 'none';

        var from = state.from;
        var to = state.to;
        var unit = series.length > 0 ? series[0].unit : null;
        var opts = {
            width: Math.max(element.clientWidth, 50),
            height: Math.max(element.clientHeight - 40, 50),
            ms: 1,
            scales: {
                x: {
                    time: true,
                    range: function (u, min, max) {
                        var lo = from != null ? from : min;
                        var hi = to != null ? to : max;
                        if (lo == null || hi == null) {
                            var now = Date.now();
                            return [now - 86400000, now];
                        }
                        if (lo === hi) {
                            return [lo - 3600000, hi + 3600000];
                        }
                        // a little room, so a point at either end is not cut in half
                        var pad = (hi - lo) * 0.01;
                        return [lo - pad, hi + pad];
                    }
                }
            },
            axes: [
                {},
                {
                    label: state.yAxisLabel != null ? state.yAxisLabel : (unit || ''),
                    size: 60,
                    values: function (u, ticks) { return ticks.map(function (t) { return format(t, null); }); }
                }
            ],
            hooks: {
                ready: [legendAtNewest],
                setCursor: [legendAtNewest]
            },
            // the legend's time as the grids show times (24 h), not uPlot's default with am/pm
            series: [{value: '{YYYY}-{MM}-{DD} {HH}:{mm}:{ss}'}].concat(series.map(function (s, i) {
                return {
                    label: s.name,
                    stroke: COLORS[i % COLORS.length],
                    width: 2,
                    spanGaps: false,
                    points: {size: 6, show: pointsShow, fill: COLORS[i % COLORS.length]},
                    value: function (u, v) { return format(v, s.unit); }
                };
            }))
        };
        plot = new uPlot(opts, data(series), holder);
        resize();
        // the layout may give the element its size only after this state change
        setTimeout(resize, 0);
    }

    this.onStateChange = draw;

    this.addResizeListener(element, resize);
    var observer = window.ResizeObserver ? new ResizeObserver(resize) : null;
    if (observer) {
        observer.observe(element);
    }

    this.onUnregister = function () {
        if (observer) {
            observer.disconnect();
        }
        if (plot) {
            plot.destroy();
            plot = null;
        }
    };
};
