package org.meterline.collection.internal.ui;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.server.Page;
import com.vaadin.shared.ui.datefield.DateTimeResolution;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateTimeField;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.Notification;
import com.vaadin.ui.TextField;
import com.vaadin.ui.themes.ValoTheme;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;
import org.meterline.archive.api.MeterModel;
import org.meterline.archive.api.MeterModelService;
import org.meterline.collection.api.CollectionService;
import org.meterline.collection.api.CollectionTask;
import org.meterline.collection.api.MeterOutcome;
import org.meterline.collection.api.TaskInput;
import org.meterline.collection.api.TaskRun;
import org.meterline.collection.api.TaskTemplate;
import org.meterline.core.api.MeterlineException;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Permission;
import org.meterline.core.api.ValidationException;
import org.meterline.grid.api.GridService;
import org.meterline.grid.api.PowerGrid;
import org.meterline.ui.api.CrudView;
import org.meterline.ui.api.FormDialog;

/**
 * Operation &amp; Maintenance → Collocation task → Task Config (manual §5): the tasks, a form
 * to add and change them, Run now, and below the selected task's runs with each meter's outcome. Times are
 * shown and entered in the browser's time zone. The view fills the content area; its three grids share the
 * height and scroll inside themselves, long texts have tooltips, secondary columns can be hidden from each
 * grid's column menu (Start Time, Offset and Finished are hidden at first). Ids: {@code task-grid}, {@code task-add},
 * {@code task-form-*}, {@code task-run-now}, {@code task-runs-caption}, {@code task-runs-refresh},
 * {@code task-runs-grid}, {@code task-outcomes-grid}.
 */
final class TaskConfigView extends CrudView<CollectionTask> {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Tasks are scheduled to the minute. */
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Columns showing {@link #TIME} and {@link #MINUTE} in Valo's font, with room for the sort arrow. */
    private static final double TIME_WIDTH = 210;
    private static final double MINUTE_WIDTH = 185;

    private final transient CollectionService collection;
    private final transient GridService grids;
    private final transient MeterModelService models;
    private final Button runNow = new Button("Run now", VaadinIcons.PLAY);
    private final Button refreshRuns = new Button("Refresh runs", VaadinIcons.REFRESH);
    private final Grid<TaskRun> runs = new Grid<>();
    private final Grid<MeterOutcome> outcomes = new Grid<>();
    private final Label runsCaption = new Label("Runs of the selected task");

    TaskConfigView(CollectionService collection, GridService grids, MeterModelService models) {
        super("Task Config", "task", collection::listTasks, Permission.write(CollectionService.AREA));
        this.collection = collection;
        this.grids = grids;
        this.models = models;
        // the view fills the content area: the three grids share the height left below the title and
        // toolbars and scroll inside themselves; long texts get the spare width and a tooltip
        // (about 1,000 px wide at 1,400 px: what is shown at first fits; Start Time and Offset are in the form)
        column("name", "Task Name", CollectionTask::name).setMinimumWidth(150).setExpandRatio(2)
                .setDescriptionGenerator(CollectionTask::name);
        column("template", "Task Template", t -> t.template().caption()).setMinimumWidth(150).setExpandRatio(2)
                .setDescriptionGenerator(t -> t.template().caption() + ": " + t.template().reads());
        Map<Long, String> gridNames = gridNames();
        grid.addColumn(t -> gridNames.getOrDefault(t.gridId(), "#" + t.gridId())).setCaption("Grid").setId("grid")
                .setMinimumWidth(110).setExpandRatio(1).setHidable(true).setDescriptionGenerator(
                        t -> gridNames.getOrDefault(t.gridId(), "#" + t.gridId()));
        Map<Long, String> modelNames = modelNames();
        grid.addColumn(t -> modelName(modelNames, t)).setCaption("Meter Model").setId("model").setMinimumWidth(120)
                .setExpandRatio(1).setHidable(true).setDescriptionGenerator(t -> modelName(modelNames, t));
        column("startTime", "Start Time", t -> minute(t.startTime())).setWidth(MINUTE_WIDTH).setHidable(true)
                .setHidden(true);
        column("intervalMinutes", "Interval (min)", CollectionTask::intervalMinutes).setWidth(130);
        grid.addColumn(CollectionTask::offsetMinutes).setCaption("Offset (min)").setId("offset").setWidth(120)
                .setHidable(true).setHidden(true);
        column("enabled", "Enabled", t -> t.enabled() ? "yes" : "no").setWidth(100);
        column("nextRunAt", "Next Run", t -> minute(t.nextRunAt())).setWidth(MINUTE_WIDTH);

        runNow.setId("task-run-now");
        runNow.setEnabled(false);
        runNow.setVisible(caller().can(Permission.write(CollectionService.AREA)));
        runNow.addClickListener(e -> selected().ifPresent(this::run));
        refreshRuns.setId("task-runs-refresh");
        refreshRuns.addStyleName(ValoTheme.BUTTON_SMALL);
        refreshRuns.addClickListener(e -> showRuns(selected().orElse(null)));
        addToToolbar(runNow);

        runs.setId("task-runs-grid");
        runs.setSizeFull();
        runs.addColumn(r -> format(r.started())).setCaption("Started").setId("started").setWidth(TIME_WIDTH);
        runs.addColumn(TaskRun::trigger).setCaption("Trigger").setId("trigger").setMinimumWidth(110).setExpandRatio(1)
                .setHidable(true).setDescriptionGenerator(TaskRun::trigger);
        runs.addColumn(r -> r.state().name().toLowerCase(Locale.ROOT)).setCaption("State").setId("state").setWidth(110);
        runs.addColumn(TaskRun::metersTotal).setCaption("Meters").setId("total").setWidth(95);
        runs.addColumn(TaskRun::metersSucceeded).setCaption("Succeeded").setId("succeeded").setWidth(120);
        runs.addColumn(TaskRun::metersFailed).setCaption("Failed").setId("failed").setWidth(90);
        runs.addColumn(r -> format(r.finished())).setCaption("Finished").setId("finished").setWidth(TIME_WIDTH)
                .setHidable(true).setHidden(true);
        runs.addColumn(TaskRun::message).setCaption("Message").setId("message").setMinimumWidth(200).setExpandRatio(3)
                .setDescriptionGenerator(TaskRun::message);
        runs.addSelectionListener(e -> showOutcomes(e.getFirstSelectedItem().orElse(null)));

        outcomes.setId("task-outcomes-grid");
        outcomes.setSizeFull();
        outcomes.addColumn(MeterOutcome::meterSerial).setCaption("Meter").setId("meter").setMinimumWidth(130)
                .setExpandRatio(1).setDescriptionGenerator(MeterOutcome::meterSerial);
        outcomes.addColumn(o -> o.status().name().toLowerCase(Locale.ROOT)).setCaption("Status").setId("status")
                .setWidth(130);
        outcomes.addColumn(MeterOutcome::errorKind).setCaption("Error").setId("error").setMinimumWidth(110)
                .setExpandRatio(1).setHidable(true).setDescriptionGenerator(MeterOutcome::errorKind);
        outcomes.addColumn(MeterOutcome::attempts).setCaption("Attempts").setId("attempts").setWidth(105)
                .setHidable(true);
        outcomes.addColumn(MeterOutcome::valuesStored).setCaption("Values Stored").setId("values").setWidth(135)
                .setHidable(true);
        outcomes.addColumn(MeterOutcome::message).setCaption("Message").setId("message").setMinimumWidth(220)
                .setExpandRatio(3).setDescriptionGenerator(MeterOutcome::message);

        runsCaption.setId("task-runs-caption");
        runsCaption.addStyleName(ValoTheme.LABEL_H4);
        runsCaption.addStyleName(ValoTheme.LABEL_NO_MARGIN);
        HorizontalLayout runsBar = new HorizontalLayout(runsCaption, refreshRuns);
        runsBar.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
        addComponents(runsBar, runs, outcomes);
        // CrudView fills the content area (MainLayout gives it a height); the grids share what is left,
        // the outcomes (a row per meter) the most
        setExpandRatio(grid, 2);
        setExpandRatio(runs, 2);
        setExpandRatio(outcomes, 3);
    }

    @Override
    protected void selectionChanged(CollectionTask selected) {
        runNow.setEnabled(selected != null);
        showRuns(selected);
    }

    private void run(CollectionTask task) {
        try {
            TaskRun run = collection.runNow(caller(), task.id());
            Notification.show("Run " + run.id() + " of " + task.name() + " started", Notification.Type.TRAY_NOTIFICATION);
            showRuns(task);
        } catch (MeterlineException e) {
            Notification.show(e.getMessage(), Notification.Type.ERROR_MESSAGE);
        }
    }

    private void showRuns(CollectionTask task) {
        runsCaption.setValue(task == null ? "Runs of the selected task" : "Runs of " + task.name());
        runs.setItems(task == null ? List.of() : collection.listRuns(caller(), task.id(), PageRequest.first(50)).items());
        outcomes.setItems(List.of());
    }

    private void showOutcomes(TaskRun run) {
        outcomes.setItems(run == null ? List.of() : collection.listOutcomes(caller(), run.id(),
                new PageRequest(0, PageRequest.MAX_LIMIT, "meterSerial", true, "")).items());
    }

    @Override
    protected void onAdd() {
        form(null);
    }

    @Override
    protected void onEdit(CollectionTask item) {
        form(item);
    }

    private void form(CollectionTask item) {
        FormDialog dialog = new FormDialog(item == null ? "Add collection task" : "Edit collection task", "task-form");
        TextField name = dialog.field("name", new TextField("Task Name"), true);
        ComboBox<TaskTemplate> template = dialog.field("template", new ComboBox<>("Task Template"), true);
        template.setItems(collection.templates());
        template.setItemCaptionGenerator(t -> t.caption() + " (" + t.protocol() + ")");
        template.addValueChangeListener(e -> template.setDescription(e.getValue() == null ? "" : e.getValue().reads()));
        ComboBox<PowerGrid> grid = dialog.field("gridId", new ComboBox<>("Grid"), true);
        List<PowerGrid> gridList = grids.powerGridTree(caller());
        grid.setItems(gridList);
        grid.setItemCaptionGenerator(PowerGrid::name);
        ComboBox<MeterModel> model = dialog.field("modelId", new ComboBox<>("Meter Model"), false);
        List<MeterModel> modelList = models.listMeterModels(caller(), new PageRequest(0, PageRequest.MAX_LIMIT, null,
                true, "")).items();
        model.setItems(modelList);
        model.setItemCaptionGenerator(m -> m.manufacturer() + " " + m.model());
        model.setPlaceholder("All models");
        DateTimeField start = dialog.field("startTime", new DateTimeField("Start Time"), true);
        start.setResolution(DateTimeResolution.MINUTE);
        start.setDateFormat("yyyy-MM-dd HH:mm");
        start.setDescription("It cannot be earlier than the current time");
        TextField interval = dialog.field("intervalMinutes", new TextField("Execution Interval (minutes)"), true);
        TextField offset = dialog.field("offsetMinutes", new TextField("Execution Offset (minutes)"), false);
        offset.setDescription("Each run starts this long after start time + k × interval");
        CheckBox enabled = dialog.field("enabled", new CheckBox("Enabled"), false);
        Label hint = new Label("Start time: not earlier than now. Runs at start + offset + k × interval.");
        hint.addStyleName(ValoTheme.LABEL_SMALL);
        hint.setWidth("100%");
        dialog.addInfo(hint);
        ZoneId zone = zone();
        if (item == null) {
            start.setValue(LocalDateTime.ofInstant(Instant.now().plus(5, ChronoUnit.MINUTES), zone)
                    .truncatedTo(ChronoUnit.MINUTES));
            interval.setValue("1440");
            offset.setValue("0");
            enabled.setValue(true);
        } else {
            name.setValue(item.name());
            template.setValue(item.template());
            gridList.stream().filter(g -> g.id() == item.gridId()).findFirst().ifPresent(grid::setValue);
            modelList.stream().filter(m -> item.modelId() != null && m.id() == item.modelId()).findFirst()
                    .ifPresent(model::setValue);
            start.setValue(LocalDateTime.ofInstant(item.startTime(), zone));
            interval.setValue(Integer.toString(item.intervalMinutes()));
            offset.setValue(Integer.toString(item.offsetMinutes()));
            enabled.setValue(item.enabled());
        }
        dialog.onSave(() -> {
            Instant startTime = start.getValue() == null ? null : start.getValue().atZone(zone).toInstant();
            if (item != null && startTime != null && startTime.equals(item.startTime().truncatedTo(ChronoUnit.MINUTES))) {
                startTime = item.startTime(); // unchanged: an old start time may stay
            }
            TaskInput input = new TaskInput(name.getValue(), template.getValue(),
                    grid.getValue() == null ? null : grid.getValue().id(),
                    model.getValue() == null ? null : model.getValue().id(), startTime,
                    number("intervalMinutes", interval.getValue()), number("offsetMinutes", offset.getValue()),
                    enabled.getValue());
            if (item == null) {
                collection.createTask(caller(), input);
            } else {
                collection.updateTask(caller(), item.id(), input);
            }
        }).afterSave(this::refresh);
        dialog.open();
    }

    static Integer number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(field, "must be a whole number of minutes");
        }
    }

    @Override
    protected void delete(CollectionTask item) {
        collection.deleteTask(caller(), item.id());
    }

    @Override
    protected String describe(CollectionTask item) {
        return "collection task " + item.name() + " with its runs";
    }

    private Map<Long, String> gridNames() {
        return grids.powerGridTree(caller()).stream().collect(Collectors.toMap(PowerGrid::id, PowerGrid::name, (a, b) -> a));
    }

    private Map<Long, String> modelNames() {
        return models.listMeterModels(caller(), new PageRequest(0, PageRequest.MAX_LIMIT, null, true, "")).items()
                .stream().collect(Collectors.toMap(MeterModel::id, m -> m.manufacturer() + " " + m.model(), (a, b) -> a));
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

    private static String format(Instant t) {
        return t == null ? "" : TIME.format(LocalDateTime.ofInstant(t, zone()));
    }

    private static String minute(Instant t) {
        return t == null ? "" : MINUTE.format(LocalDateTime.ofInstant(t, zone()));
    }

    private static String modelName(Map<Long, String> modelNames, CollectionTask t) {
        return t.modelId() == null ? "All models" : modelNames.getOrDefault(t.modelId(), "#" + t.modelId());
    }

}
