package org.meterline.ui.internal;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.ui.Button;
import com.vaadin.ui.CssLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.themes.ValoTheme;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.meterline.core.api.Caller;
import org.meterline.ui.api.MenuGroup;
import org.meterline.ui.api.ViewContribution;

/**
 * The left menu: the manual's groups, each with its views and its subgroups. A subgroup is a button
 * that opens and closes the list of its views below it (closed at first); opening one of its views,
 * from the menu or by URL, opens it. Which subgroups are open survives a rebuild, so views that come
 * or go do not close them. Ids: {@code menu-group-<group>}, {@code menu-<view name>},
 * {@code menu-sub-<subgroup key>} and {@code menu-sub-<subgroup key>-items} (the views' box).
 */
final class MenuPanel extends CssLayout {

    private static final long serialVersionUID = 1L;

    private final transient Consumer<String> navigate;
    private final Map<String, Button> items = new HashMap<>();
    private final Map<String, Subgroup> subgroups = new HashMap<>();
    /** Subgroup of each view in one, by view name. */
    private final Map<String, String> subgroupOfView = new HashMap<>();
    /** The open subgroups, by id; kept across rebuilds. */
    private final Set<String> open = new HashSet<>();
    private String current = "";

    private static final class Subgroup {
        final Button button;
        final CssLayout views;

        Subgroup(Button button, CssLayout views) {
            this.button = button;
            this.views = views;
        }
    }

    /** @param navigate opens a view by its name */
    MenuPanel(Consumer<String> navigate) {
        this.navigate = navigate;
        setId("menu");
        addStyleName("ml-menu");
    }

    /** Shows what the caller sees of the registered views now. */
    void build(ViewRegistry views, Caller caller) {
        removeAllComponents();
        items.clear();
        subgroups.clear();
        subgroupOfView.clear();
        for (MenuGroup group : MenuGroup.values()) {
            String groupId = group.name().toLowerCase(Locale.ROOT);
            Label title = new Label(group.caption());
            title.setId("menu-group-" + groupId);
            title.addStyleName("ml-group");
            addComponent(title);
            List<MenuEntry> entries = views.menu(group, caller);
            if (entries.isEmpty()) {
                Label empty = new Label("nothing installed");
                empty.addStyleName("ml-empty");
                addComponent(empty);
            }
            for (MenuEntry entry : entries) {
                if (entry.isSubgroup()) {
                    addSubgroup(entry, groupId);
                } else {
                    addComponent(item(entry.view(), "ml-item"));
                }
            }
        }
        select(current);
    }

    private void addSubgroup(MenuEntry entry, String groupId) {
        String id = "menu-sub-" + entry.key();
        if (subgroups.containsKey(id)) { // the same subgroup caption in two groups
            id = "menu-sub-" + groupId + "-" + entry.key();
        }
        String subgroupId = id;
        Button button = new Button(entry.subgroup());
        button.setId(subgroupId);
        button.addStyleName("ml-item");
        button.addStyleName("ml-sub");
        button.addStyleName(ValoTheme.BUTTON_BORDERLESS);
        button.addClickListener(e -> setOpen(subgroupId, !isOpen(subgroupId)));
        CssLayout box = new CssLayout();
        box.setId(subgroupId + "-items");
        box.addStyleName("ml-subitems");
        for (ViewContribution view : entry.views()) {
            box.addComponent(item(view, "ml-subitem"));
            subgroupOfView.put(view.viewName(), subgroupId);
        }
        subgroups.put(subgroupId, new Subgroup(button, box));
        addComponents(button, box);
        show(subgroupId);
    }

    private Button item(ViewContribution view, String style) {
        Button item = new Button(view.caption());
        item.setId("menu-" + view.viewName());
        item.setIcon(view.icon());
        item.addStyleName("ml-item");
        item.addStyleName(style);
        item.addStyleName(ValoTheme.BUTTON_BORDERLESS);
        item.addClickListener(e -> navigate.accept(view.viewName()));
        items.put(view.viewName(), item);
        return item;
    }

    /** Marks the entry of the view shown now (and its subgroup, should it be closed). */
    void select(String viewName) {
        current = viewName == null ? "" : viewName;
        items.forEach((name, button) -> style(button, "selected", name.equals(current)));
        String holder = subgroupOfView.get(current);
        subgroups.forEach((id, subgroup) -> style(subgroup.button, "ml-sub-current", id.equals(holder)));
    }

    /** Opens the subgroup holding the view, so an entry opened by URL can be seen. */
    void reveal(String viewName) {
        String holder = subgroupOfView.get(viewName);
        if (holder != null) {
            setOpen(holder, true);
        }
    }

    void setOpen(String subgroupId, boolean value) {
        if (value) {
            open.add(subgroupId);
        } else {
            open.remove(subgroupId);
        }
        if (subgroups.containsKey(subgroupId)) {
            show(subgroupId);
        }
    }

    boolean isOpen(String subgroupId) {
        return open.contains(subgroupId);
    }

    private void show(String subgroupId) {
        Subgroup subgroup = subgroups.get(subgroupId);
        boolean visible = open.contains(subgroupId);
        subgroup.views.setVisible(visible);
        subgroup.button.setIcon(visible ? VaadinIcons.ANGLE_DOWN : VaadinIcons.ANGLE_RIGHT);
        style(subgroup.button, "ml-sub-open", visible);
    }

    private static void style(Button button, String style, boolean on) {
        if (on) {
            button.addStyleName(style);
        } else {
            button.removeStyleName(style);
        }
    }
}
