package org.meterline.ui.api;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.data.provider.DataProvider;
import com.vaadin.data.provider.Query;
import com.vaadin.data.provider.QuerySortOrder;
import com.vaadin.data.ValueProvider;
import com.vaadin.icons.VaadinIcons;
import com.vaadin.navigator.View;
import com.vaadin.shared.data.sort.SortDirection;
import com.vaadin.shared.ui.ValueChangeMode;
import com.vaadin.ui.Button;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.Notification;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;
import java.util.Optional;
import java.util.stream.Stream;
import org.meterline.core.api.Caller;
import org.meterline.core.api.MeterlineException;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Permission;

/**
 * The list screen every capability uses: a title, a search box, +Add / Edit / Delete, and a grid
 * that pages, sorts and filters on the server through a {@link PageSource}. Ids are stable for
 * browser tests: {@code <id>-grid}, {@code <id>-filter}, {@code <id>-add}, {@code <id>-edit},
 * {@code <id>-delete}.
 */
public abstract class CrudView<T> extends VerticalLayout implements View {

    protected final Grid<T> grid = new Grid<>();
    private final ConfigurableFilterDataProvider<T, Void, String> data;
    private final Button add = new Button("Add", VaadinIcons.PLUS);
    private final Button edit = new Button("Edit", VaadinIcons.EDIT);
    private final Button delete = new Button("Delete", VaadinIcons.TRASH);
    private final TextField filter = new TextField();
    private final HorizontalLayout toolbar;
    private final Label more = new Label();

    /**
     * @param title the screen title, as in the menu
     * @param id prefix of the component ids
     * @param source where the rows come from
     * @param writePermission what a caller must hold to add, edit or delete
     */
    protected CrudView(String title, String id, PageSource<T> source, Permission writePermission) {
        setId(id);
        setSizeFull();
        Label heading = new Label(title);
        heading.addStyleName(ValoTheme.LABEL_H2);
        heading.addStyleName(ValoTheme.LABEL_NO_MARGIN);

        filter.setId(id + "-filter");
        filter.setPlaceholder("Search");
        filter.setIcon(VaadinIcons.SEARCH);
        filter.addStyleName(ValoTheme.TEXTFIELD_INLINE_ICON);
        filter.setValueChangeMode(ValueChangeMode.LAZY);

        add.setId(id + "-add");
        add.addStyleName(ValoTheme.BUTTON_PRIMARY);
        edit.setId(id + "-edit");
        delete.setId(id + "-delete");
        delete.addStyleName(ValoTheme.BUTTON_DANGER);
        edit.setEnabled(false);
        delete.setEnabled(false);
        boolean canWrite = UiContext.caller().can(writePermission);
        add.setVisible(canWrite);
        edit.setVisible(canWrite && editable());
        delete.setVisible(canWrite && deletable());
        add.addClickListener(e -> onAdd());
        edit.addClickListener(e -> selected().ifPresent(this::onEdit));
        delete.addClickListener(e -> selected().ifPresent(this::confirmDelete));

        // the title has a row of its own, so a toolbar with several actions never covers it
        toolbar = new HorizontalLayout(filter, add, edit, delete);
        toolbar.setDefaultComponentAlignment(com.vaadin.ui.Alignment.MIDDLE_LEFT);

        DataProvider<T, String> provider = DataProvider.fromFilteringCallbacks(
                query -> fetch(source, query), query -> count(source, query));
        data = provider.withConfigurableFilter();
        filter.addValueChangeListener(e -> data.setFilter(e.getValue()));
        grid.setId(id + "-grid");
        grid.setDataProvider(data);
        grid.setSizeFull();
        grid.setSelectionMode(Grid.SelectionMode.SINGLE);
        grid.addSelectionListener(e -> {
            boolean one = e.getFirstSelectedItem().isPresent();
            edit.setEnabled(one);
            delete.setEnabled(one);
            selectionChanged(e.getFirstSelectedItem().orElse(null));
        });
        grid.addItemClickListener(e -> {
            if (e.getMouseEventDetails().isDoubleClick() && canWrite && editable()) {
                onEdit(e.getItem());
            }
        });
        more.setId(id + "-more");
        more.addStyleName(ValoTheme.LABEL_SMALL);
        more.setVisible(false);
        addComponents(heading, toolbar, more, grid);
        setExpandRatio(grid, 1);
    }

    /** Adds a sortable column; {@code property} is the sort field the service understands. */
    protected <V> Grid.Column<T, V> column(String property, String caption, ValueProvider<T, V> value) {
        Grid.Column<T, V> column = grid.addColumn(value).setCaption(caption).setId(property);
        column.setSortProperty(property);
        return column;
    }

    /**
     * Adds components (a status filter, an action on the selected row) to the toolbar, after the
     * search box.
     */
    protected void addToToolbar(com.vaadin.ui.Component... components) {
        for (com.vaadin.ui.Component c : components) {
            toolbar.addComponent(c, toolbar.getComponentIndex(filter) + 1);
        }
    }

    /** Called when the selection changes; the row is null when nothing is selected. */
    protected void selectionChanged(T selected) {
    }

    protected boolean editable() {
        return true;
    }

    protected boolean deletable() {
        return true;
    }

    protected abstract void onAdd();

    protected abstract void onEdit(T item);

    /** Deletes the item; throws the service's exceptions, which are shown to the user. */
    protected abstract void delete(T item);

    /** How the item is named in the delete confirmation. */
    protected abstract String describe(T item);

    public void refresh() {
        grid.deselectAll();
        data.refreshAll();
    }

    protected Optional<T> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    private void confirmDelete(T item) {
        ConfirmDialog.ask("Delete", "Delete " + describe(item) + "? This cannot be undone.", "Delete", () -> {
            try {
                delete(item);
                Notification.show("Deleted", Notification.Type.TRAY_NOTIFICATION);
                refresh();
            } catch (MeterlineException e) {
                Notification.show(e.getMessage(), Notification.Type.ERROR_MESSAGE);
            }
        });
    }

    private Stream<T> fetch(PageSource<T> source, Query<T, String> query) {
        return source.page(caller(), request(query, query.getOffset(), query.getLimit())).items().stream();
    }

    private int count(PageSource<T> source, Query<T, String> query) {
        Page<T> page = source.page(caller(), request(query, 0, 1));
        more.setVisible(!page.totalExact());
        more.setValue("More than " + (page.total() - 1) + " rows match: the list shows the first "
                + (page.total() - 1) + "; narrow the search to see the rest.");
        return (int) Math.min(Integer.MAX_VALUE, page.totalExact() ? page.total() : page.total() - 1);
    }

    private static <T> PageRequest request(Query<T, String> query, int offset, int limit) {
        String sort = null;
        boolean ascending = true;
        if (!query.getSortOrders().isEmpty()) {
            QuerySortOrder order = query.getSortOrders().get(0);
            sort = order.getSorted();
            ascending = order.getDirection() == SortDirection.ASCENDING;
        }
        int bounded = Math.max(1, Math.min(limit, PageRequest.MAX_LIMIT));
        return new PageRequest(offset, bounded, sort, ascending, query.getFilter().orElse(""));
    }

    protected static Caller caller() {
        return UiContext.caller();
    }
}
