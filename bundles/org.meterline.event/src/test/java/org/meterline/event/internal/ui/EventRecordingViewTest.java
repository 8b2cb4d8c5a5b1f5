package org.meterline.event.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meterline.ui.api.testing.VaadinViewTest.find;

import com.vaadin.data.provider.Query;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.meterline.core.api.Caller;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Role;
import org.meterline.core.api.ValidationException;
import org.meterline.event.api.EventCategory;
import org.meterline.event.api.EventDetail;
import org.meterline.event.api.EventFilter;
import org.meterline.event.api.EventRecord;
import org.meterline.event.api.EventRecords;
import org.meterline.event.api.EventType;
import org.meterline.event.api.Severity;
import org.meterline.ui.api.testing.VaadinViewTest;

/**
 * The view's ids (the browser test relies on them), its default period, filters and the detail dialog. The view
 * stays unattached: refreshing an attached grid needs a running VaadinService.
 */
class EventRecordingViewTest {

    private static final ObisCode DISCONNECT = ObisCode.parse("0.0.99.98.2.255");
    private static final EventType RELAY_OFF = new EventType("relay-disconnected", DISCONNECT, 59,
            "Relay disconnected", EventCategory.RELAY, Severity.WARNING);
    private static final EventRecord EVENT = new EventRecord(7, "SN-7", DISCONNECT,
            Instant.parse("2026-11-20T08:03:00Z"), 59, RELAY_OFF);
    private final List<EventFilter> asked = new ArrayList<>();

    @RegisterExtension
    final VaadinViewTest vaadin = new VaadinViewTest().caller(new Caller("vic", 1, 10, 10, EnumSet.of(Role.VIEWER)));

    /** Answers one event for any good filter; a period that does not go forward is refused as the service does. */
    private final EventRecords events = new EventRecords() {
        @Override
        public List<EventType> types() {
            return List.of(RELAY_OFF, new EventType("relay-connected", DISCONNECT, 60, "Relay connected",
                    EventCategory.RELAY, Severity.INFO));
        }

        @Override
        public EventType type(ObisCode log, int code) {
            return EventType.unknown(log, code);
        }

        @Override
        public Page<EventRecord> events(Caller caller, EventFilter filter, PageRequest page) {
            asked.add(filter);
            if (!filter.from().isBefore(filter.to())) {
                throw new ValidationException("to", "must be after from");
            }
            if ("NOPE".equals(filter.meterSerial())) {
                throw new ValidationException("meter", "no meter has the serial number NOPE");
            }
            return new Page<>(page.offset() == 0 ? List.of(EVENT) : List.of(), 1);
        }

        @Override
        public EventDetail event(Caller caller, long meterId, ObisCode log, Instant at, int code) {
            return new EventDetail(EVENT, "Iskra AM550", "MOD-1", "Flat 1", "C1", "Carla", "Berlin Mitte",
                    "Europe/Berlin", LocalDateTime.parse("2026-11-20T09:03:00"));
        }
    };

    @Test
    void opensOnTheLastSevenDaysWithItsIdsAndTheTypeChoices() {
        EventRecordingView view = new EventRecordingView(events);
        DateField from = find(view, "event-filter-from");
        DateField to = find(view, "event-filter-to");
        assertEquals(LocalDate.now(java.time.ZoneOffset.UTC), to.getValue());
        assertEquals(to.getValue().minusDays(6), from.getValue());
        for (String id : List.of("event-filter-type", "event-filter-meter", "event-search", "event-grid",
                "event-summary")) {
            assertNotNull(find(view, id), id);
        }
        EventFilter first = asked.get(0);
        assertEquals(Duration.ofDays(7), Duration.between(first.from(), first.to()));
        assertNull(first.meterSerial());
        Grid<EventRecord> grid = find(view, "event-grid");
        assertEquals(List.of(EVENT), grid.getDataProvider().fetch(new Query<>()).collect(Collectors.toList()));
        assertEquals("1 event from " + from.getValue() + " to " + to.getValue() + " (UTC)",
                ((Label) find(view, "event-summary")).getValue());
        assertEquals(List.of("All relay events", "\u2003Relay disconnected", "\u2003Relay connected"),
                EventRecordingView.choices(events.types()).stream().map(Object::toString).collect(Collectors.toList()));
    }

    @Test
    void searchPassesTheFilterAndABadOneIsShownOnItsField() {
        EventRecordingView view = new EventRecordingView(events);
        ComboBox<EventRecordingView.Choice> type = find(view, "event-filter-type");
        type.setValue(EventRecordingView.choices(events.types()).get(0));
        ((TextField) find(view, "event-filter-meter")).setValue(" SN-7 ");
        ((Button) find(view, "event-search")).click();
        EventFilter last = asked.get(asked.size() - 1);
        assertEquals(EventCategory.RELAY, last.category());
        assertNull(last.type());
        assertEquals("SN-7", last.meterSerial());

        ((TextField) find(view, "event-filter-meter")).setValue("NOPE");
        ((Button) find(view, "event-search")).click();
        assertNotNull(((AbstractComponent) find(view, "event-filter-meter")).getComponentError());
        assertEquals("Correct the filter. Meter: no meter has the serial number NOPE.",
                ((Label) find(view, "event-summary")).getValue());

        ((TextField) find(view, "event-filter-meter")).setValue("");
        DateField from = find(view, "event-filter-from");
        DateField to = find(view, "event-filter-to");
        to.setValue(from.getValue().minusDays(1));
        ((Button) find(view, "event-search")).click();
        assertNotNull(to.getComponentError());
        assertNull(((AbstractComponent) find(view, "event-filter-meter")).getComponentError());
        assertEquals("Correct the filter. To: must not be before From.", ((Label) find(view, "event-summary")).getValue());
    }

    @Test
    void selectingAnEventOpensItsDetailAndClosingClearsTheSelection() {
        EventRecordingView view = new EventRecordingView(events);
        Grid<EventRecord> grid = find(view, "event-grid");
        grid.select(EVENT);
        Window window = vaadin.ui().getWindows().iterator().next();
        assertEquals("event-detail", window.getId());
        assertEquals("Relay disconnected", ((Label) find(window, "event-detail-type")).getValue());
        assertEquals("C1 \u2014 Carla", ((Label) find(window, "event-detail-consumer")).getValue());
        assertEquals("2026-11-20 08:03:00", ((Label) find(window, "event-detail-utc")).getValue());
        assertEquals("2026-11-20 09:03:00 (Europe/Berlin)", ((Label) find(window, "event-detail-site-time")).getValue());
        ((Button) find(window, "event-detail-close")).click();
        assertTrue(vaadin.ui().getWindows().isEmpty());
        assertTrue(grid.getSelectedItems().isEmpty());
    }
}
