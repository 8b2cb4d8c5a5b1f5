package org.meterline.collection.internal.ui;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.navigator.View;
import com.vaadin.server.Page;
import com.vaadin.ui.Button;
import com.vaadin.ui.DateField;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.Notification;
import com.vaadin.ui.RadioButtonGroup;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.meterline.collection.api.CollectionService;
import org.meterline.collection.api.DailySuccess;
import org.meterline.collection.api.FailedMeter;
import org.meterline.collection.api.ReadingStatistics;
import org.meterline.core.api.MeterlineException;
import org.meterline.ui.api.UiContext;

/**
 * Data Analysis → Meter Reading Statistics: the success rate per day per task or per grid, and the
 * meters that could not be read with the reason of their last failure. Ids: {@code stats-from},
 * {@code stats-to}, {@code stats-by}, {@code stats-search}, {@code stats-grid}, {@code stats-failed-grid}.
 */
final class ReadingStatisticsView extends VerticalLayout implements View {

    private static final long serialVersionUID = 1L;
    private static final String BY_TASK = "Per task";
    private static final String BY_GRID = "Per grid";

    private final transient CollectionService collection;
    private final DateField from = new DateField("From");
    private final DateField to = new DateField("To");
    private final RadioButtonGroup<String> by = new RadioButtonGroup<>();
    private final Grid<DailySuccess> rates = new Grid<>();
    private final Grid<FailedMeter> failed = new Grid<>();
    private transient ReadingStatistics last;

    ReadingStatisticsView(CollectionService collection) {
        this.collection = collection;
        setId("stats");
        setWidth("100%");
        Label heading = new Label("Meter Reading Statistics");
        heading.addStyleName(ValoTheme.LABEL_H2);
        heading.addStyleName(ValoTheme.LABEL_NO_MARGIN);
        LocalDate today = LocalDate.now(zone());
        from.setId("stats-from");
        to.setId("stats-to");
        from.setDateFormat("yyyy-MM-dd");
        to.setDateFormat("yyyy-MM-dd");
        from.setValue(today.minusDays(6));
        to.setValue(today);
        by.setId("stats-by");
        by.setItems(BY_TASK, BY_GRID);
        by.setValue(BY_TASK);
        by.addStyleName(ValoTheme.OPTIONGROUP_HORIZONTAL);
        by.addValueChangeListener(e -> show());
        Button search = new Button("Search", VaadinIcons.SEARCH);
        search.addClickListener(e -> search());
        search.setId("stats-search");
        search.addStyleName(ValoTheme.BUTTON_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(from, to, search, by);
        bar.setDefaultComponentAlignment(com.vaadin.ui.Alignment.BOTTOM_LEFT);

        rates.setId("stats-grid");
        rates.setWidth("100%");
        rates.setHeight("320px");
        rates.addColumn(DailySuccess::day).setCaption("Day").setId("day");
        rates.addColumn(DailySuccess::name).setCaption("Task / Grid").setId("name");
        rates.addColumn(DailySuccess::meters).setCaption("Meters").setId("meters");
        rates.addColumn(DailySuccess::succeeded).setCaption("Read").setId("succeeded");
        rates.addColumn(DailySuccess::failed).setCaption("Failed").setId("failed");
        rates.addColumn(d -> String.format(Locale.ROOT, "%.1f %%", d.successRate() * 100)).setCaption("Success Rate")
                .setId("rate");

        failed.setId("stats-failed-grid");
        failed.setWidth("100%");
        failed.setHeight("320px");
        failed.addColumn(FailedMeter::day).setCaption("Day").setId("day");
        failed.addColumn(FailedMeter::taskName).setCaption("Task").setId("task");
        failed.addColumn(FailedMeter::meterSerial).setCaption("Meter").setId("meter");
        failed.addColumn(FailedMeter::errorKind).setCaption("Reason").setId("reason");
        failed.addColumn(FailedMeter::failures).setCaption("Failed Attempts (runs)").setId("failures");
        failed.addColumn(FailedMeter::message).setCaption("Message").setId("message");
        Label failedCaption = new Label("Meters not read");
        failedCaption.addStyleName(ValoTheme.LABEL_H4);
        addComponents(heading, bar, rates, failedCaption, failed);
        search();
    }

    private void search() {
        try {
            last = collection.statistics(UiContext.caller(), from.getValue(), to.getValue(), zone(), null, null);
            show();
        } catch (MeterlineException e) {
            Notification.show(e.getMessage(), Notification.Type.ERROR_MESSAGE);
        }
    }

    private void show() {
        if (last == null) {
            return;
        }
        List<DailySuccess> rows = BY_GRID.equals(by.getValue()) ? last.byGrid() : last.byTask();
        rates.setItems(rows);
        failed.setItems(last.failedMeters());
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
