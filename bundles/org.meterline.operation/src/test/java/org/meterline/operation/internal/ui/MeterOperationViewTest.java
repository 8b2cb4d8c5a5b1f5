package org.meterline.operation.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.ui.Button;
import com.vaadin.ui.Grid;
import com.vaadin.ui.ProgressBar;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.meterline.archive.api.Meter;
import org.meterline.archive.api.MeterService;
import org.meterline.archive.api.MeterStatus;
import org.meterline.core.api.Caller;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.Role;
import org.meterline.operation.api.MeterOperations;
import org.meterline.operation.api.ReadOutcome;
import org.meterline.operation.api.ReadingItem;
import org.meterline.ui.api.testing.VaadinViewTest;

/**
 * The view's parts and ids (the browser test relies on them), and that Read only starts the work:
 * the click returns while the operation is still running, with a progress indicator and a faster poll.
 */
class MeterOperationViewTest {

    private static final ObisCode ENERGY = ObisCode.parse("1.0.1.8.0.255");
    private final Meter meter = new Meter(7, "OPR000001", 3, "Iskra AM550", 4L, "MOD-1", BigDecimal.ONE,
            BigDecimal.ONE, null, null, null, null, null, MeterStatus.INSTALLED);
    private final CompletableFuture<ReadOutcome> pending = new CompletableFuture<>();
    private final List<List<ObisCode>> asked = new ArrayList<>();

    @RegisterExtension
    final VaadinViewTest vaadin = new VaadinViewTest().caller(new Caller("ann", 1, 10, 10, EnumSet.of(Role.OPERATOR)));

    @BeforeEach
    void pollSlowly() {
        vaadin.ui().setPollInterval(5000);
    }

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.apply(method.getName(), args));
    }

    @Test
    void readStartsTheWorkAndReturnsWithAProgressIndicator() {
        ReadingItem energy = new ReadingItem(ENERGY, "Active energy import (A+) total", "Wh");
        ReadingItem relay = new ReadingItem(MeterOperations.CONNECTION_STATUS, "Connection status (main relay)", "");
        MeterOperations operations = fake(MeterOperations.class, (name, args) -> switch (name) {
            case "readingItems" -> List.of(energy, relay);
            case "defaultItems" -> List.of(relay, energy);
            case "readAsync" -> {
                asked.add((List<ObisCode>) args[2]);
                yield pending;
            }
            default -> throw new UnsupportedOperationException(name);
        });
        MeterService meters = fake(MeterService.class, (name, args) -> {
            throw new UnsupportedOperationException(name);
        });
        MeterOperationView view = new MeterOperationView(operations, meters);
        Map<String, com.vaadin.ui.Component> byId = VaadinViewTest.byId(view);
        for (String id : new String[] {"operation-meter-grid", "operation-meter-filter", "operation-meter",
            "operation-items", "operation-read", "operation-item-settings", "operation-relay", "operation-progress",
            "operation-status", "operation-result-grid", "operation-log-grid"}) {
            assertNotNull(byId.get(id), id);
        }
        Button read = (Button) byId.get("operation-read");
        assertFalse(read.isEnabled(), "nothing to read before a meter is chosen");

        @SuppressWarnings("unchecked")
        Grid<Meter> meterGrid = (Grid<Meter>) byId.get("operation-meter-grid");
        meterGrid.getSelectionModel().select(meter);
        @SuppressWarnings("unchecked")
        Grid<ReadingItem> items = (Grid<ReadingItem>) byId.get("operation-items");
        assertEquals(2, items.getSelectedItems().size(), "the defaults are ticked");
        assertTrue(read.isEnabled());

        read.click();
        assertEquals(List.of(List.of(relay.item(), energy.item())), asked, "the ticked items, defaults first");
        assertFalse(pending.isDone(), "the click returned while the meter is still being read");
        assertTrue(byId.get("operation-progress").isVisible());
        assertTrue(((ProgressBar) byId.get("operation-progress")).isIndeterminate());
        assertFalse(read.isEnabled(), "one read at a time");
        assertEquals(MeterOperationView.POLL_WHILE_RUNNING, vaadin.ui().getPollInterval());
    }
}
