package org.meterline.grid.internal.ui;

import com.vaadin.data.TreeData;
import com.vaadin.data.provider.TreeDataProvider;
import com.vaadin.icons.VaadinIcons;
import com.vaadin.navigator.View;
import com.vaadin.shared.ui.ValueChangeMode;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.Notification;
import com.vaadin.ui.TextField;
import com.vaadin.ui.TreeGrid;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.meterline.core.api.Caller;
import org.meterline.core.api.MeterlineException;
import org.meterline.core.api.Permission;
import org.meterline.grid.api.GridService;
import org.meterline.grid.api.PowerGrid;
import org.meterline.grid.api.PowerGridInput;
import org.meterline.ui.api.ConfirmDialog;
import org.meterline.ui.api.FormDialog;
import org.meterline.ui.api.LocationPicker;
import org.meterline.ui.api.UiContext;

/**
 * Project → Power Grid (manual §2.3): the hierarchy as a tree. Not a {@code CrudView}, whose flat
 * grid pages on the server; the whole hierarchy of a customer is small and is shown at once. The
 * ids follow the {@code CrudView} pattern: {@code power-grid-grid}, {@code -filter}, {@code -add},
 * {@code -edit}, {@code -delete}.
 */
final class PowerGridView extends VerticalLayout implements View {

    private static final long serialVersionUID = 1L;
    static final String ID = "power-grid";

    private final transient GridService gridService;
    final TreeGrid<PowerGrid> tree = new TreeGrid<>();
    final TextField filter = new TextField();
    final Button add = new Button("Add", VaadinIcons.PLUS);
    final Button edit = new Button("Edit", VaadinIcons.EDIT);
    final Button delete = new Button("Delete", VaadinIcons.TRASH);
    private List<PowerGrid> grids = List.of();

    PowerGridView(GridService gridService) {
        this.gridService = gridService;
        setId(ID);
        setSizeFull();
        Label heading = new Label("Power Grid");
        heading.addStyleName(ValoTheme.LABEL_H2);
        heading.addStyleName(ValoTheme.LABEL_NO_MARGIN);

        filter.setId(ID + "-filter");
        filter.setPlaceholder("Search");
        filter.setIcon(VaadinIcons.SEARCH);
        filter.addStyleName(ValoTheme.TEXTFIELD_INLINE_ICON);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> show());

        add.setId(ID + "-add");
        add.addStyleName(ValoTheme.BUTTON_PRIMARY);
        edit.setId(ID + "-edit");
        delete.setId(ID + "-delete");
        delete.addStyleName(ValoTheme.BUTTON_DANGER);
        edit.setEnabled(false);
        delete.setEnabled(false);
        boolean canWrite = caller().can(Permission.write(GridViews.AREA));
        add.setVisible(canWrite);
        edit.setVisible(canWrite);
        delete.setVisible(canWrite);
        add.addClickListener(e -> form(null));
        edit.addClickListener(e -> selected().ifPresent(this::form));
        delete.addClickListener(e -> selected().ifPresent(this::confirmDelete));

        HorizontalLayout toolbar = new HorizontalLayout(heading, filter, add, edit, delete);
        toolbar.setWidth("100%");
        toolbar.setExpandRatio(heading, 1);
        toolbar.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);

        tree.setId(ID + "-grid");
        tree.setSizeFull();
        tree.setSelectionMode(Grid.SelectionMode.SINGLE);
        tree.addColumn(PowerGrid::name).setCaption("Name").setId("name");
        tree.addColumn(g -> g.shortName() == null ? "" : g.shortName()).setCaption("Short Name").setId("shortName");
        tree.addColumn(g -> Coordinates.location(g.latitude(), g.longitude())).setCaption("Location").setId("location");
        tree.setHierarchyColumn("name");
        tree.addSelectionListener(e -> {
            boolean one = e.getFirstSelectedItem().isPresent();
            edit.setEnabled(one);
            delete.setEnabled(one);
        });
        tree.addItemClickListener(e -> {
            if (e.getMouseEventDetails().isDoubleClick() && canWrite) {
                form(e.getItem());
            }
        });
        addComponents(toolbar, tree);
        setExpandRatio(tree, 1);
        refresh();
    }

    /** Reloads the customer's hierarchy. */
    void refresh() {
        grids = gridService.powerGridTree(caller());
        show();
    }

    /** Shows the grids that match the filter, with their superiors so the tree stays whole. */
    private void show() {
        tree.deselectAll();
        String text = filter.getValue().trim().toLowerCase(Locale.ROOT);
        Map<Long, PowerGrid> byId = new HashMap<>();
        grids.forEach(g -> byId.put(g.id(), g));
        Set<Long> visible = new HashSet<>();
        for (PowerGrid g : grids) {
            if (text.isEmpty() || matches(g.name(), text) || matches(g.shortName(), text)) {
                PowerGrid up = g;
                while (up != null && visible.add(up.id())) { // the grid and each of its superiors
                    up = up.parentId() == null ? null : byId.get(up.parentId());
                }
            }
        }
        TreeData<PowerGrid> data = new TreeData<>();
        for (PowerGrid g : grids) { // parents come first
            if (visible.contains(g.id())) {
                PowerGrid parent = g.parentId() == null ? null : byId.get(g.parentId());
                data.addItem(parent != null && data.contains(parent) ? parent : null, g);
            }
        }
        tree.setDataProvider(new TreeDataProvider<>(data));
        tree.expandRecursively(data.getRootItems(), Integer.MAX_VALUE);
    }

    private static boolean matches(String value, String text) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(text);
    }

    private Optional<PowerGrid> selected() {
        return tree.getSelectedItems().stream().findFirst();
    }

    private void form(PowerGrid item) {
        FormDialog dialog = new FormDialog(item == null ? "Add power grid" : "Edit power grid", ID + "-form");
        ComboBox<PowerGrid> parent = dialog.field("parentId", new ComboBox<>("Superior Grid"), false);
        // a grid cannot move below itself: leave it and its subordinates out (the service refuses them too)
        Set<Long> below = item == null ? Set.of() : selfAndBelow(item.id());
        List<PowerGrid> choices = grids.stream().filter(g -> !below.contains(g.id())).collect(Collectors.toList());
        parent.setItems(choices);
        parent.setItemCaptionGenerator(PowerGrid::path);
        parent.setEmptySelectionCaption("(none: top level)");
        parent.setPlaceholder("(none: top level)");
        TextField name = dialog.field("name", new TextField("Name"), true);
        TextField shortName = dialog.field("shortName", new TextField("Short Name"), false);
        TextField latitude = dialog.field("latitude", new TextField("Latitude"), false);
        TextField longitude = dialog.field("longitude", new TextField("Longitude"), false);
        SiteView.map(dialog, latitude, longitude);
        if (item == null) {
            // + Add below the selected grid, as the manual's "Select Superior grid" suggests
            selected().ifPresent(parent::setValue);
        } else {
            choices.stream().filter(g -> item.parentId() != null && g.id() == item.parentId()).findFirst()
                    .ifPresent(parent::setValue);
            name.setValue(item.name());
            shortName.setValue(item.shortName() == null ? "" : item.shortName());
            latitude.setValue(Coordinates.text(item.latitude()));
            longitude.setValue(Coordinates.text(item.longitude()));
        }
        dialog.onSave(() -> {
            Coordinates.LatLon at = Coordinates.parse(latitude.getValue(), longitude.getValue());
            PowerGridInput input = new PowerGridInput(parent.getValue() == null ? null : parent.getValue().id(),
                    name.getValue(), shortName.getValue(), at.latitude(), at.longitude());
            if (item == null) {
                gridService.createPowerGrid(caller(), input);
            } else {
                gridService.updatePowerGrid(caller(), item.id(), input);
            }
        }).afterSave(this::refresh);
        dialog.open();
    }

    /** The grid and every grid below it. */
    Set<Long> selfAndBelow(long id) {
        Set<Long> below = new HashSet<>(Set.of(id));
        for (PowerGrid g : grids) { // parents come first, so one pass finds every level
            if (g.parentId() != null && below.contains(g.parentId())) {
                below.add(g.id());
            }
        }
        return below;
    }

    private void confirmDelete(PowerGrid item) {
        ConfirmDialog.ask("Delete", "Delete power grid " + item.path() + "? This cannot be undone.", "Delete", () -> {
            try {
                gridService.deletePowerGrid(caller(), item.id());
                Notification.show("Deleted", Notification.Type.TRAY_NOTIFICATION);
                refresh();
            } catch (MeterlineException e) {
                Notification.show(e.getMessage(), Notification.Type.ERROR_MESSAGE);
            }
        });
    }

    private static Caller caller() {
        return UiContext.caller();
    }
}
