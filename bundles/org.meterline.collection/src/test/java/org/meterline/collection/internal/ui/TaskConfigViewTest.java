package org.meterline.collection.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meterline.ui.api.testing.VaadinViewTest.find;

import com.vaadin.data.provider.Query;
import com.vaadin.server.Sizeable;
import com.vaadin.ui.Component;
import com.vaadin.ui.Grid;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.meterline.archive.api.MeterModelService;
import org.meterline.collection.api.CollectionService;
import org.meterline.collection.api.CollectionTask;
import org.meterline.collection.api.MeterOutcome;
import org.meterline.collection.api.OutcomeStatus;
import org.meterline.collection.api.RunState;
import org.meterline.collection.api.TaskRun;
import org.meterline.collection.api.TaskTemplate;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Page;
import org.meterline.core.api.Role;
import org.meterline.grid.api.GridService;
import org.meterline.grid.api.PowerGrid;
import org.meterline.ui.api.testing.VaadinViewTest;

/**
 * Task Config's layout without a browser: the view fills the content area, the three grids share its
 * height and scroll inside themselves, long texts have tooltips, secondary columns can be hidden.
 */
class TaskConfigViewTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final String LONG = "meter did not answer after 3 attempts: connection refused by the module";
    private static final CollectionTask TASK = new CollectionTask(1, "Daily registers", TaskTemplate.DAILY_REGISTERS,
            7, null, NOW, 1440, 0, true, NOW);
    private static final TaskRun RUN = new TaskRun(3, 1, "Daily registers", TaskTemplate.DAILY_REGISTERS, "manual:demo",
            NOW, NOW, NOW, NOW, RunState.FINISHED, 2, 1, 1, "1 meter failed");
    private static final MeterOutcome OUTCOME = new MeterOutcome(3, 5, "SN000010", OutcomeStatus.FAILED, "TIMEOUT",
            LONG, 3, 0, NOW);

    @RegisterExtension
    final VaadinViewTest vaadin = new VaadinViewTest().caller(new Caller("ops", 1, 10, 10, EnumSet.of(Role.OPERATOR)));

    private static <T> T service(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            switch (m.getName()) {
                case "listTasks":
                    return new Page<>(List.of(TASK), 1);
                case "listRuns":
                    return new Page<>(List.of(RUN), 1);
                case "listOutcomes":
                    return new Page<>(List.of(OUTCOME), 1);
                case "powerGridTree":
                    return List.of(new PowerGrid(7, null, "North Grid", "N", null, null, "/7"));
                case "listMeterModels":
                    return new Page<>(List.of(), 0);
                default:
                    throw new UnsupportedOperationException(m.getName());
            }
        }));
    }

    private static boolean fullHeight(Component c) {
        return c.getHeight() == 100 && c.getHeightUnits() == Sizeable.Unit.PERCENTAGE;
    }

    @Test
    void theViewFillsTheContentAreaAndTheGridsShareItsHeight() {
        TaskConfigView view = new TaskConfigView(service(CollectionService.class), service(GridService.class),
                service(MeterModelService.class));
        assertTrue(fullHeight(view), "the view has the content area's height; the page does not scroll");
        for (String id : List.of("task-grid", "task-runs-grid", "task-outcomes-grid")) {
            Grid<?> grid = find(view, id);
            assertNotNull(grid, id);
            assertTrue(fullHeight(grid), id + " fills its slot and scrolls inside itself");
            assertTrue(view.getExpandRatio(grid) > 0, id + " takes part of the height left");
        }
        assertEquals(0, view.getExpandRatio((Component) find(view, "task-runs-refresh").getParent()), 0.0,
                "the runs caption row keeps its height");
    }

    @Test
    void longTextsHaveTooltipsAndSecondaryColumnsCanBeHidden() {
        TaskConfigView view = new TaskConfigView(service(CollectionService.class), service(GridService.class),
                service(MeterModelService.class));
        Grid<CollectionTask> tasks = find(view, "task-grid");
        tasks.asSingleSelect().setValue(TASK);
        Grid<TaskRun> runs = find(view, "task-runs-grid");
        runs.asSingleSelect().setValue(RUN);
        Grid<MeterOutcome> outcomes = find(view, "task-outcomes-grid");

        assertEquals(LONG, outcomes.getColumn("message").getDescriptionGenerator().apply(OUTCOME));
        assertTrue(outcomes.getColumn("message").getExpandRatio() > 0, "the message gets the spare width");
        assertEquals("1 meter failed", runs.getColumn("message").getDescriptionGenerator().apply(RUN));
        assertTrue(tasks.getColumn("template").getDescriptionGenerator().apply(TASK)
                .startsWith("Daily frozen energy registers: "), "the template's tooltip says what it reads");
        assertEquals("North Grid", tasks.getColumn("grid").getDescriptionGenerator().apply(TASK));

        assertTrue(tasks.getColumn("offset").isHidable());
        assertTrue(tasks.getColumn("offset").isHidden(), "offset is in the form; hidden at first");
        assertTrue(tasks.getColumn("startTime").isHidden());
        assertFalse(tasks.getColumn("name").isHidable(), "the name always shows");
        assertTrue(runs.getColumn("finished").isHidden());
        assertTrue(outcomes.getColumn("attempts").isHidable());
        assertFalse(outcomes.getColumn("attempts").isHidden());
        assertEquals(List.of(OUTCOME), outcomes.getDataProvider().fetch(new Query<>()).collect(Collectors.toList()));
    }
}
