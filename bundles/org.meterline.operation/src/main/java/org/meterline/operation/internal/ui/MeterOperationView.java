package org.meterline.operation.internal.ui;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.data.provider.DataProvider;
import com.vaadin.icons.VaadinIcons;
import com.vaadin.navigator.View;
import com.vaadin.server.Page;
import com.vaadin.shared.ui.ValueChangeMode;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.Notification;
import com.vaadin.ui.Panel;
import com.vaadin.ui.ProgressBar;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.UIDetachedException;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.meterline.archive.api.Meter;
import org.meterline.archive.api.MeterService;
import org.meterline.core.api.Caller;
import org.meterline.core.api.MeterlineException;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Permission;
import org.meterline.operation.api.ItemValue;
import org.meterline.operation.api.MeterOperations;
import org.meterline.operation.api.OperationOutcome;
import org.meterline.operation.api.OperationRecord;
import org.meterline.operation.api.ReadOutcome;
import org.meterline.operation.api.ReadingItem;
import org.meterline.operation.internal.Obis;
import org.meterline.ui.api.UiContext;

/**
 * Operation &amp; Maintenance → Meter operation: pick a meter, tick reading items, Read (§8.2);
 * Operating → main relay disconnect / connect (§8.1). The work runs on the operation lane; this view
 * only starts it, shows a progress indicator, and takes the outcome with {@link UI#access} (the page
 * polls every second while something runs).
 */
final class MeterOperationView extends VerticalLayout implements View {

    private static final long serialVersionUID = 1L;
    /** How often the page asks for news while an operation runs. */
    static final int POLL_WHILE_RUNNING = 1000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    private final transient MeterOperations operations;
    private final transient MeterService meters;
    private final Grid<Meter> meterGrid = new Grid<>();
    private final ConfigurableFilterDataProvider<Meter, Void, String> meterData;
    private final Label meterLabel = new Label("Select a meter.");
    private final Grid<ReadingItem> items = new Grid<>();
    private final Button settings = new Button("Meter Reading Item Settings", VaadinIcons.COG);
    private final Button read = new Button("Read", VaadinIcons.DOWNLOAD);
    private final Button operating = new Button("Operating", VaadinIcons.POWER_OFF);
    private final ProgressBar progress = new ProgressBar();
    private final Label status = new Label();
    private final Grid<ItemValue> results = new Grid<>();
    private final Grid<OperationRecord> log = new Grid<>();
    private final ZoneId zone;
    private Meter selected;
    private List<ReadingItem> listed = List.of();
    private int running;
    private int pollBefore = -1;

    MeterOperationView(MeterOperations operations, MeterService meters) {
        this.operations = operations;
        this.meters = meters;
        this.zone = browserZone();
        setId("operation");
        setSizeFull();
        Label heading = new Label("Meter operation");
        heading.addStyleName(ValoTheme.LABEL_H2);
        heading.addStyleName(ValoTheme.LABEL_NO_MARGIN);

        // the meters, paged and searched on the server
        TextField filter = new TextField();
        filter.setId("operation-meter-filter");
        filter.setPlaceholder("Serial number");
        filter.setIcon(VaadinIcons.SEARCH);
        filter.addStyleName(ValoTheme.TEXTFIELD_INLINE_ICON);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidth("100%");
        DataProvider<Meter, String> provider = DataProvider.fromFilteringCallbacks(
                q -> meters.listMeters(caller(), new PageRequest(q.getOffset(), Math.max(1, Math.min(q.getLimit(),
                        PageRequest.MAX_LIMIT)), "serialNumber", true, q.getFilter().orElse("")), null).items().stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, meters.listMeters(caller(),
                        new PageRequest(0, 1, "serialNumber", true, q.getFilter().orElse("")), null).total()));
        meterData = provider.withConfigurableFilter();
        filter.addValueChangeListener(e -> meterData.setFilter(e.getValue()));
        meterGrid.setId("operation-meter-grid");
        meterGrid.setDataProvider(meterData);
        meterGrid.addColumn(Meter::serialNumber).setCaption("Serial Number").setId("serialNumber").setExpandRatio(1);
        meterGrid.addColumn(Meter::modelName).setCaption("Model").setId("model").setExpandRatio(1);
                meterGrid.setSelectionMode(Grid.SelectionMode.SINGLE);
        meterGrid.setSizeFull();
        meterGrid.addSelectionListener(e -> select(e.getFirstSelectedItem().orElse(null)));
        meterGrid.setHeight("300px");
        VerticalLayout left = new VerticalLayout(filter, meterGrid);
        left.setMargin(false);
        left.setWidth("100%");

        // the selected meter: items, actions, results
        meterLabel.setId("operation-meter");
        meterLabel.addStyleName(ValoTheme.LABEL_BOLD);
        // reading items as checkboxes: the ticked ones (the model's saved or default items) first
        items.setId("operation-items");
        items.setSelectionMode(Grid.SelectionMode.MULTI);
        items.addColumn(ReadingItem::name).setCaption("Reading item").setId("name").setExpandRatio(1);
        items.addColumn(i -> Obis.dotted(i.item())).setCaption("OBIS").setId("item").setWidth(150);
        items.addColumn(ReadingItem::unit).setCaption("Unit").setId("unit").setWidth(80);
        items.setWidth("100%");
        items.setHeight("200px");
        items.addSelectionListener(e -> enableActions());
        settings.setId("operation-item-settings");
        settings.setDescription("Which items are offered (ticked) by default for meters of this model");
        settings.setVisible(caller().can(Permission.write(MeterOperations.AREA)));
        settings.addClickListener(e -> {
            if (selected != null) {
                new ItemSettingsDialog(operations, selected, () -> select(selected)).open();
            }
        });
        read.setId("operation-read");
        read.addStyleName(ValoTheme.BUTTON_PRIMARY);
        read.addClickListener(e -> startRead());
        operating.setId("operation-relay");
        operating.setDescription("Main relay connect / disconnect (manual §8.1)");
        operating.setVisible(caller().can(Permission.write(MeterOperations.AREA)));
        operating.addClickListener(e -> {
            if (selected != null) {
                new RelayDialog(this, operations, selected).open();
            }
        });
        progress.setId("operation-progress");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        status.setId("operation-status");
        HorizontalLayout actions = new HorizontalLayout(read, settings, operating, progress);
        actions.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
        status.setWidth("100%");

        // results and the log span the page's width: they have many columns
        results.setId("operation-result-grid");
        results.setCaption("Results");
        results.addColumn(v -> Obis.dotted(v.item())).setCaption("Item").setId("item").setWidth(170);
        results.addColumn(ItemValue::name).setCaption("Name").setId("name").setExpandRatio(1)
                .setMinimumWidth(200).setDescriptionGenerator(ItemValue::name);
        results.addColumn(v -> v.ok() ? v.text() : "").setCaption("Value").setId("value").setWidth(150)
                .setStyleGenerator(v -> "v-align-right");
        results.addColumn(ItemValue::unit).setCaption("Unit").setId("unit").setWidth(80);
        results.addColumn(v -> time(v.readAt())).setCaption("Time").setId("time").setWidth(210);
        results.addColumn(v -> v.ok() ? v.quality() : v.errorKind() + ": " + v.error())
                .setCaption("Quality / error").setId("quality").setWidth(200).setDescriptionGenerator(v -> v.error());
        results.setWidth("100%");
        results.setHeight("215px");
        results.setSelectionMode(Grid.SelectionMode.NONE);

        VerticalLayout right = new VerticalLayout(meterLabel, items, actions, status);
        right.setId("operation-panel");
        right.setMargin(false);
        right.setWidth("100%");

        HorizontalLayout body = new HorizontalLayout(left, right);
        body.setWidth("100%");
        body.setExpandRatio(left, 1);
        body.setExpandRatio(right, 2);

        log.setId("operation-log-grid");
        log.setCaption("Recent operations");
        log.setDataProvider(DataProvider.fromCallbacks(
                q -> operations.operations(caller(), null, new PageRequest(q.getOffset(), Math.max(1,
                        Math.min(q.getLimit(), PageRequest.MAX_LIMIT)), null, true, "")).items().stream(),
                q -> (int) operations.operations(caller(), null, PageRequest.first(1)).total()));
        log.addColumn(o -> SHORT.format(o.startedAt().atZone(zone))).setCaption("Started").setId("startedAt")
                .setWidth(170).setDescriptionGenerator(o -> time(o.startedAt()));
        log.addColumn(OperationRecord::serialNumber).setCaption("Meter").setId("serialNumber").setWidth(140);
        log.addColumn(o -> o.operation().id()).setCaption("Operation").setId("operation").setWidth(180);
        log.addColumn(OperationRecord::items).setCaption("Items").setId("items").setExpandRatio(1).setMinimumWidth(120)
                .setDescriptionGenerator(OperationRecord::items);
        log.addColumn(o -> o.outcome().id() + (o.errorKind() == null ? "" : ": " + o.errorKind()))
                .setCaption("Outcome").setId("outcome").setWidth(160).setDescriptionGenerator(OperationRecord::error);
        log.addColumn(o -> o.durationMillis() == null ? "" : duration(o.durationMillis()))
                .setCaption("Duration").setId("duration").setWidth(110);
        log.addColumn(OperationRecord::username).setCaption("By").setId("username").setWidth(130);
        log.setWidth("100%");
        log.setHeight("250px");
        log.setSelectionMode(Grid.SelectionMode.NONE);

        // the page is taller than a laptop screen: it scrolls inside the content area
        VerticalLayout page = new VerticalLayout(heading, body, results, log);
        page.setWidth("100%");
        Panel scroller = new Panel(page);
        scroller.setSizeFull();
        scroller.addStyleName(ValoTheme.PANEL_BORDERLESS);
        setMargin(false);
        addComponent(scroller);
        enableActions();
    }

    private void select(Meter meter) {
        selected = meter;
        results.setItems(List.of());
        status.setValue("");
        if (meter == null) {
            meterLabel.setValue("Select a meter.");
            listed = List.of();
            items.setItems(listed);
        } else {
            meterLabel.setValue("Meter " + meter.serialNumber() + " — " + meter.modelName());
            try {
                List<ReadingItem> all = operations.readingItems(caller(), meter.id());
                Set<ReadingItem> chosen = new LinkedHashSet<>(operations.defaultItems(caller(), meter.id()));
                chosen.retainAll(all);
                List<ReadingItem> ordered = new ArrayList<>(chosen);
                all.stream().filter(i -> !chosen.contains(i)).forEach(ordered::add);
                listed = List.copyOf(ordered);
                items.setItems(listed);
                // a driver that names no units in its catalogue: the unit comes with the value read
                items.getColumn("unit").setHidden(listed.stream().allMatch(i -> i.unit().isEmpty()));
                chosen.forEach(items::select);
            } catch (MeterlineException e) {
                listed = List.of();
                items.setItems(listed);
                Notification.show(e.getMessage(), Notification.Type.ERROR_MESSAGE);
            }
        }
        enableActions();
    }

    private void enableActions() {
        boolean one = selected != null;
        read.setEnabled(one && !items.getSelectedItems().isEmpty() && running == 0);
        settings.setEnabled(one);
        operating.setEnabled(one);
    }

    private void startRead() {
        Meter meter = selected;
        if (meter == null) {
            return;
        }
        // in the order the meter's items are listed, not the order they were ticked
        List<org.meterline.core.api.ObisCode> codes = listed.stream().filter(items.getSelectedItems()::contains)
                .map(ReadingItem::item).collect(Collectors.toList());
        CompletionStage<ReadOutcome> reading;
        try {
            reading = operations.readAsync(caller(), meter.id(), codes);
        } catch (MeterlineException e) {
            status.setValue(e.getMessage());
            Notification.show(e.getMessage(), Notification.Type.ERROR_MESSAGE);
            return;
        }
        status.setValue("Reading " + meter.serialNumber() + "…");
        results.setItems(List.of());
        start(reading, outcome -> {
            results.setItems(outcome.values());
            status.setValue(describe(outcome));
            if (outcome.outcome() != OperationOutcome.SUCCESS) {
                Notification.show(describe(outcome), Notification.Type.WARNING_MESSAGE);
            }
        });
    }

    private static String describe(ReadOutcome r) {
        String took = " (" + duration(r.durationMillis()) + ")";
        return switch (r.outcome()) {
            case SUCCESS -> "Read " + r.values().size() + " item(s) of " + r.serialNumber() + took;
            case PARTIAL -> "Read " + r.values().stream().filter(ItemValue::ok).count() + " of " + r.values().size()
                    + " item(s) of " + r.serialNumber() + took + "; see the errors";
            default -> "Reading " + r.serialNumber() + " failed: " + r.errorKind() + " — " + r.error() + took;
        };
    }

    /**
     * Starts showing progress for a running operation and, when it ends, applies the outcome on the
     * UI thread. A failed start (permission, unknown meter) is shown at once.
     */
    <T> void start(CompletionStage<T> operation, Consumer<T> onDone) {
        UI ui = UI.getCurrent();
        if (running++ == 0) {
            pollBefore = ui.getPollInterval();
            ui.setPollInterval(POLL_WHILE_RUNNING);
        }
        progress.setVisible(true);
        enableActions();
        operation.whenComplete((value, failure) -> {
            try {
                ui.access(() -> {
                    if (--running == 0) {
                        ui.setPollInterval(pollBefore);
                        progress.setVisible(false);
                    }
                    enableActions();
                    if (failure != null) {
                        status.setValue("The operation failed: " + failure.getMessage());
                        Notification.show(status.getValue(), Notification.Type.ERROR_MESSAGE);
                    } else {
                        onDone.accept(value);
                    }
                    log.getDataProvider().refreshAll();
                });
            } catch (UIDetachedException e) {
                // the page was closed; the operation is in the log all the same
            }
        });
        log.getDataProvider().refreshAll();
    }

    /** A duration for people: milliseconds below a second, else seconds with one decimal. */
    static String duration(long millis) {
        return millis < 1000 ? millis + " ms" : String.format("%.1f s", millis / 1000.0);
    }

    String time(Instant t) {
        return t == null ? "" : TIME.format(t.atZone(zone));
    }

    private static ZoneId browserZone() {
        try {
            String id = Page.getCurrent() == null ? null : Page.getCurrent().getWebBrowser().getTimeZoneId();
            return id == null ? ZoneId.of("UTC") : ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    static Caller caller() {
        return UiContext.caller();
    }
}
