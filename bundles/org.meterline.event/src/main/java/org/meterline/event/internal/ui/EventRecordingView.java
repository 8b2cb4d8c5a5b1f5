package org.meterline.event.internal.ui;

import com.vaadin.data.provider.CallbackDataProvider;
import com.vaadin.data.provider.DataProvider;
import com.vaadin.event.ShortcutAction;
import com.vaadin.icons.VaadinIcons;
import com.vaadin.navigator.View;
import com.vaadin.server.Page;
import com.vaadin.server.UserError;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.Notification;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.meterline.core.api.Caller;
import org.meterline.core.api.FieldError;
import org.meterline.core.api.MeterlineException;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.ValidationException;
import org.meterline.event.api.EventCategory;
import org.meterline.event.api.EventDetail;
import org.meterline.event.api.EventFilter;
import org.meterline.event.api.EventRecord;
import org.meterline.event.api.EventRecords;
import org.meterline.event.api.EventType;
import org.meterline.ui.api.UiContext;

/**
 * Data Analysis → Event Recording (manual §9.2): a filter bar (period by dates on the browser's clock,
 * type or category, meter serial number), the events newest first in a lazy grid, and the selected
 * event's detail in a dialog.
 */
final class EventRecordingView extends VerticalLayout implements View {

    private static final long serialVersionUID = 1L;
    /** The period the view opens with. */
    static final int DEFAULT_DAYS = 7;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** An entry of the type combo: a whole category or one type. */
    record Choice(String caption, EventCategory category, String type) {
        @Override
        public String toString() {
            return caption;
        }
    }

    private final transient EventRecords events;
    private final ZoneId zone;
    private final DateField from = new DateField("From");
    private final DateField to = new DateField("To");
    private final ComboBox<Choice> type = new ComboBox<>("Event type");
    private final TextField meter = new TextField("Meter");
    private final Button search = new Button("Search", VaadinIcons.SEARCH);
    private final Label summary = new Label();
    private final Grid<EventRecord> grid = new Grid<>();
    private EventFilter filter;

    EventRecordingView(EventRecords events) {
        this.events = events;
        this.zone = browserZone();
        setId("event-recording");
        setSizeFull();
        Label heading = new Label("Event Recording");
        heading.addStyleName(ValoTheme.LABEL_H2);
        heading.addStyleName(ValoTheme.LABEL_NO_MARGIN);

        LocalDate today = LocalDate.now(zone);
        from.setId("event-filter-from");
        from.setDateFormat("yyyy-MM-dd");
        from.setValue(today.minusDays(DEFAULT_DAYS - 1L));
        from.setDescription("First day of the period (" + zone.getId() + ")");
        to.setId("event-filter-to");
        to.setDateFormat("yyyy-MM-dd");
        to.setValue(today);
        to.setDescription("Last day of the period, included (" + zone.getId() + ")");
        type.setId("event-filter-type");
        type.setItems(choices(events.types()));
        type.setPlaceholder("All events");
        type.setWidth("240px");
        type.setPageLength(0);
        meter.setId("event-filter-meter");
        meter.setPlaceholder("Serial number");
        search.setId("event-search");
        search.addStyleName(ValoTheme.BUTTON_PRIMARY);
        search.setClickShortcut(ShortcutAction.KeyCode.ENTER);
        search.addClickListener(e -> search());
        HorizontalLayout bar = new HorizontalLayout(from, to, type, meter, search);
        bar.setId("event-filter");
        bar.setDefaultComponentAlignment(Alignment.BOTTOM_LEFT);
        summary.setId("event-summary");

        grid.setId("event-grid");
        grid.addColumn(e -> TIME.format(e.at().atZone(zone))).setCaption("Time (" + zone.getId() + ")").setId("at")
                .setWidth(205).setDescriptionGenerator(e -> e.at().toString());
        grid.addColumn(EventRecord::meterSerial).setCaption("Meter").setId("meter").setWidth(130);
        grid.addColumn(e -> e.type().name()).setCaption("Event type").setId("type").setExpandRatio(1)
                .setMinimumWidth(180);
        grid.addColumn(e -> e.type().category().caption()).setCaption("Category").setId("category").setWidth(100);
        grid.addColumn(e -> e.type().severity().id()).setCaption("Severity").setId("severity").setWidth(100)
                .setStyleGenerator(e -> "event-" + e.type().severity().id());
        grid.addColumn(e -> dotted(e.log())).setCaption("Log").setId("log").setWidth(150);
        grid.addColumn(EventRecord::code).setCaption("Code").setId("code").setWidth(70);
        grid.getColumns().forEach(c -> c.setSortable(false));
        grid.setSelectionMode(Grid.SelectionMode.SINGLE);
        grid.setSizeFull();
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::show));
        grid.setDataProvider(new CallbackDataProvider<EventRecord, Void>(
                q -> filter == null ? java.util.stream.Stream.empty() : events.events(caller(), filter,
                        new PageRequest(q.getOffset(), Math.max(1, Math.min(q.getLimit(), PageRequest.MAX_LIMIT)),
                                null, false, "")).items().stream(),
                q -> filter == null ? 0 : (int) Math.min(Integer.MAX_VALUE,
                        events.events(caller(), filter, PageRequest.first(1)).total())));

        addComponents(heading, bar, summary, grid);
        setExpandRatio(grid, 1);
        search();
    }

    static List<Choice> choices(List<EventType> types) {
        List<Choice> out = new ArrayList<>();
        for (EventCategory c : EventCategory.values()) {
            List<EventType> of = types.stream().filter(t -> t.category() == c).toList();
            if (of.isEmpty()) {
                continue;
            }
            out.add(new Choice("All " + c.caption().toLowerCase(java.util.Locale.ROOT) + " events", c, null));
            of.forEach(t -> out.add(new Choice("\u2003" + t.name(), null, t.id())));
        }
        return out;
    }

    /** Applies the filter bar; a bad period or an unknown meter is shown on its field. */
    void search() {
        from.setComponentError(null);
        to.setComponentError(null);
        meter.setComponentError(null);
        if (from.getValue() == null || to.getValue() == null) {
            (from.getValue() == null ? from : to).setComponentError(new UserError("Choose a day"));
            return;
        }
        Instant start = from.getValue().atStartOfDay(zone).toInstant();
        Instant end = to.getValue().plusDays(1).atStartOfDay(zone).toInstant();
        Choice choice = type.getValue();
        EventFilter wanted = new EventFilter(start, end, choice == null ? null : choice.type(),
                choice == null ? null : choice.category(), meter.getValue());
        try {
            // asks once here, so that a bad filter is reported on its field rather than by the grid
            long total = events.events(caller(), wanted, PageRequest.first(1)).total();
            filter = wanted;
            summary.setValue(total + (total == 1 ? " event" : " events") + " from " + from.getValue() + " to "
                    + to.getValue() + " (" + zone.getId() + ")");
        } catch (ValidationException e) {
            List<String> messages = new ArrayList<>();
            for (FieldError f : e.errors()) {
                String message = f.field().equals("to") ? periodMessage(f.message()) : f.message();
                switch (f.field()) {
                    case "from" -> from.setComponentError(new UserError(message));
                    case "to" -> to.setComponentError(new UserError(message));
                    case "meter" -> meter.setComponentError(new UserError(message));
                    default -> { }
                }
                messages.add(caption(f.field()) + ": " + message);
            }
            filter = null;
            summary.setValue("Correct the filter. " + String.join(". ", messages) + ".");
        } catch (MeterlineException e) {
            filter = null;
            summary.setValue("");
            Notification.show(e.getMessage(), Notification.Type.ERROR_MESSAGE);
        }
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
    }

    private static String caption(String field) {
        return switch (field) {
            case "from" -> "From";
            case "to" -> "To";
            case "meter" -> "Meter";
            case "type", "category" -> "Event type";
            default -> field;
        };
    }

    private static String periodMessage(String message) {
        return message.equals("must be after from") ? "must not be before From" : message;
    }

    /** The event's detail in a dialog (manual §9.2 "Operate"); closing it clears the selection. */
    private void show(EventRecord e) {
        EventDetail d;
        try {
            d = events.event(caller(), e.meterId(), e.log(), e.at(), e.code());
        } catch (MeterlineException ex) {
            Notification.show(ex.getMessage(), Notification.Type.ERROR_MESSAGE);
            grid.deselectAll();
            return;
        }
        EventType t = d.event().type();
        FormLayout what = new FormLayout();
        what.setMargin(false);
        field(what, "Event", t.name(), "event-detail-type");
        field(what, "Category", t.category().caption(), null);
        field(what, "Severity", t.severity().id(), null);
        field(what, "Log", dotted(d.event().log()), null);
        field(what, "Code", String.valueOf(d.event().code()), null);
        field(what, "Time (UTC)", TIME.format(d.event().at().atZone(ZoneOffset.UTC)), "event-detail-utc");
        field(what, "Site time", d.siteTime() == null ? "site time zone not known"
                : TIME.format(d.siteTime()) + " (" + d.timeZone() + ")", "event-detail-site-time");
        FormLayout where = new FormLayout();
        where.setMargin(false);
        field(where, "Meter", d.event().meterSerial(), "event-detail-meter");
        field(where, "Model", d.modelName(), null);
        field(where, "Module", d.moduleSerial(), null);
        field(where, "POC", d.pocName(), "event-detail-poc");
        field(where, "Consumer", d.consumerCode() == null ? null
                : d.consumerCode() + (d.consumerName() == null ? "" : " \u2014 " + d.consumerName()),
                "event-detail-consumer");
        field(where, "Site", d.siteName(), null);
        HorizontalLayout columns = new HorizontalLayout(what, where);
        columns.setWidth("100%");
        Button close = new Button("Close");
        close.setId("event-detail-close");
        VerticalLayout content = new VerticalLayout(columns, close);
        content.setComponentAlignment(close, Alignment.BOTTOM_RIGHT);
        Window window = new Window("Event " + t.name() + " \u2014 " + d.event().meterSerial(), content);
        window.setId("event-detail");
        window.setModal(true);
        window.setResizable(false);
        window.setWidth("760px");
        window.addCloseListener(c -> grid.deselectAll());
        close.addClickListener(c -> window.close());
        UI.getCurrent().addWindow(window);
    }

    private static void field(FormLayout form, String caption, String value, String id) {
        Label l = new Label(value == null || value.isBlank() ? "—" : value);
        l.setCaption(caption);
        if (id != null) {
            l.setId(id);
        }
        form.addComponent(l);
    }

    static String dotted(ObisCode o) {
        return o.a() + "." + o.b() + "." + o.c() + "." + o.d() + "." + o.e() + "." + o.f();
    }

    private static ZoneId browserZone() {
        try {
            String id = Page.getCurrent() == null ? null : Page.getCurrent().getWebBrowser().getTimeZoneId();
            return id == null ? ZoneId.of("UTC") : ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static Caller caller() {
        return UiContext.caller();
    }
}
