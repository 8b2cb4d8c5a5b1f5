package org.meterline.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.navigator.View;
import com.vaadin.ui.Button;
import com.vaadin.ui.Component;
import com.vaadin.ui.CssLayout;
import com.vaadin.ui.HasComponents;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Permission;
import org.meterline.core.api.Role;
import org.meterline.ui.api.MenuGroup;
import org.meterline.ui.api.ViewContribution;

/** The menu model (groups, subgroups, order, permissions, views coming and going) and the menu built from it. */
class MenuTest {

    private static final Caller ADMIN = new Caller("admin", 1, 1, 1, Set.of(Role.SYSTEM_ADMIN));
    private static final Caller VIEWER = new Caller("viewer", 2, 2, 2, Set.of(Role.VIEWER));

    private final ViewRegistry registry = new ViewRegistry();
    private final List<String> navigated = new ArrayList<>();

    private static ViewContribution view(MenuGroup group, String subgroup, String caption, String name, int order,
            Permission permission) {
        return new ViewContribution() {
            @Override public MenuGroup group() { return group; }
            @Override public String subgroup() { return subgroup; }
            @Override public String caption() { return caption; }
            @Override public String viewName() { return name; }
            @Override public int order() { return order; }
            @Override public Permission permission() { return permission; }
            @Override public View createView() { return null; }
        };
    }

    private static ViewContribution view(String subgroup, String caption, String name, int order) {
        return view(MenuGroup.OPERATION, subgroup, caption, name, order, Permission.read("collection"));
    }

    /** A contribution built against the API before subgroups: the default puts it under its group. */
    private static ViewContribution legacy(String caption, String name, int order) {
        return new ViewContribution() {
            @Override public MenuGroup group() { return MenuGroup.OPERATION; }
            @Override public String caption() { return caption; }
            @Override public String viewName() { return name; }
            @Override public int order() { return order; }
            @Override public Permission permission() { return Permission.read("collection"); }
            @Override public View createView() { return null; }
        };
    }

    private static List<String> captions(List<MenuEntry> entries) {
        return entries.stream().map(e -> e.isSubgroup()
                ? e.caption() + e.views().stream().map(ViewContribution::caption).collect(Collectors.joining(", ", " [", "]"))
                : e.caption()).collect(Collectors.toList());
    }

    @Test
    void subgroupsSitWhereTheirFirstMemberWouldAndKeepTheirMembersInOrder() {
        registry.add(view(null, "Meter operation", "meter-operation", 20));
        registry.add(view("Collocation task", "Task Config", "task-config", 30));
        registry.add(legacy("Network Monitor", "network-monitor", 40));
        registry.add(view("Collocation task", "Task Runs", "task-runs", 10));
        registry.add(view("  ", "Firmware Upgrade", "firmware", 50));

        List<MenuEntry> menu = registry.menu(MenuGroup.OPERATION, ADMIN);

        assertEquals(List.of("Collocation task [Task Runs, Task Config]", "Meter operation", "Network Monitor",
                "Firmware Upgrade"), captions(menu));
        assertEquals("collocation-task", menu.get(0).key());
        assertEquals(10, menu.get(0).order());
        assertFalse(menu.get(3).isSubgroup(), "a blank subgroup is none");
        assertTrue(registry.menu(MenuGroup.BILLING, ADMIN).isEmpty());
    }

    @Test
    void captionsThatDifferInCaseOrSpacingShareASubgroup() {
        registry.add(view("Collocation task", "Task Config", "task-config", 30));
        registry.add(view(" collocation  Task ", "Task Runs", "task-runs", 31));

        List<MenuEntry> menu = registry.menu(MenuGroup.OPERATION, ADMIN);

        assertEquals(List.of("Collocation task [Task Config, Task Runs]"), captions(menu));
        assertEquals("collocation-task", MenuEntry.key("Collocation task"));
        assertEquals("operation-maintenance", MenuEntry.key("Operation & Maintenance"));
        assertTrue(MenuEntry.key("&&").startsWith("sub-"));
    }

    @Test
    void aSubgroupShowsOnlyTheViewsTheCallerMayOpenAndGoesWhenNoneAreLeft() {
        registry.add(view(MenuGroup.OPERATION, "Collocation task", "Task Config", "task-config", 30,
                Permission.read("collection")));
        registry.add(view(MenuGroup.OPERATION, "Collocation task", "Task Admin", "task-admin", 10,
                Permission.read(Permission.AREA_CUSTOMER)));

        assertEquals(List.of("Collocation task [Task Admin, Task Config]"),
                captions(registry.menu(MenuGroup.OPERATION, ADMIN)));
        List<MenuEntry> viewer = registry.menu(MenuGroup.OPERATION, VIEWER);
        assertEquals(List.of("Collocation task [Task Config]"), captions(viewer));
        assertEquals(30, viewer.get(0).order(), "placed by the members the caller sees");

        ViewRegistry adminOnly = new ViewRegistry();
        adminOnly.add(view(MenuGroup.OPERATION, "Collocation task", "Task Admin", "task-admin", 10,
                Permission.read(Permission.AREA_CUSTOMER)));
        assertTrue(adminOnly.menu(MenuGroup.OPERATION, VIEWER).isEmpty());
    }

    @Test
    void viewsComingAndGoingChangeTheVersionAndTheMenu() {
        ViewContribution config = view("Collocation task", "Task Config", "task-config", 30);
        ViewContribution runs = view("Collocation task", "Task Runs", "task-runs", 10);
        long before = registry.version();
        registry.add(config);
        registry.add(runs);
        assertNotEquals(before, registry.version());
        assertEquals(10, registry.menu(MenuGroup.OPERATION, ADMIN).get(0).order());

        long added = registry.version();
        registry.remove(runs);
        assertNotEquals(added, registry.version());
        assertEquals(List.of("Collocation task [Task Config]"), captions(registry.menu(MenuGroup.OPERATION, ADMIN)));
        registry.remove(config);
        assertTrue(registry.menu(MenuGroup.OPERATION, ADMIN).isEmpty());
    }

    // the rendered menu

    private MenuPanel panel() {
        MenuPanel panel = new MenuPanel(navigated::add);
        panel.build(registry, ADMIN);
        return panel;
    }

    private static Optional<Component> byId(HasComponents root, String id) {
        for (Component c : root) {
            if (id.equals(c.getId())) {
                return Optional.of(c);
            }
            if (c instanceof HasComponents h) {
                Optional<Component> inner = byId(h, id);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    private static Component get(HasComponents root, String id) {
        return byId(root, id).orElseThrow(() -> new AssertionError("no component " + id));
    }

    /** The ids of the menu's components, top-down, nested ones after their box. */
    private static List<String> ids(HasComponents root) {
        List<String> ids = new ArrayList<>();
        for (Component c : root) {
            ids.add(c.getId());
            if (c instanceof HasComponents h) {
                ids.addAll(ids(h).stream().map(id -> "  " + id).collect(Collectors.toList()));
            }
        }
        return ids;
    }

    @Test
    void aSubgroupIsAClosedButtonWithItsViewsInABoxBelowIt() {
        registry.add(view(null, "Meter operation", "meter-operation", 20));
        registry.add(view("Collocation task", "Task Config", "task-config", 30));
        registry.add(view(null, "Network Monitor", "network-monitor", 40));
        MenuPanel panel = panel();

        List<String> ids = ids(panel);
        int at = ids.indexOf("menu-group-operation");
        assertEquals(List.of("menu-group-operation", "menu-meter-operation", "menu-sub-collocation-task",
                "menu-sub-collocation-task-items", "  menu-task-config", "menu-network-monitor", "menu-group-billing"),
                ids.subList(at, at + 7));
        Button sub = (Button) get(panel, "menu-sub-collocation-task");
        assertEquals("Collocation task", sub.getCaption());
        assertTrue(sub.getStyleName().contains("ml-item"));
        CssLayout box = (CssLayout) get(panel, "menu-sub-collocation-task-items");
        assertFalse(box.isVisible(), "closed at first");
        assertTrue(get(box, "menu-task-config").getStyleName().contains("ml-subitem"));

        sub.click();
        assertTrue(box.isVisible());
        assertTrue(sub.getStyleName().contains("ml-sub-open"));
        ((Button) get(panel, "menu-task-config")).click();
        assertEquals(List.of("task-config"), navigated);
        sub.click();
        assertFalse(box.isVisible());
    }

    @Test
    void openingAViewByUrlOpensItsSubgroupAndMarksIt() {
        registry.add(view("Collocation task", "Task Config", "task-config", 30));
        registry.add(view(null, "Network Monitor", "network-monitor", 40));
        MenuPanel panel = panel();

        panel.select("task-config");
        panel.reveal("task-config");

        assertTrue(get(panel, "menu-sub-collocation-task-items").isVisible());
        assertTrue(get(panel, "menu-task-config").getStyleName().contains("selected"));
        assertTrue(get(panel, "menu-sub-collocation-task").getStyleName().contains("ml-sub-current"));
        assertFalse(get(panel, "menu-network-monitor").getStyleName().contains("selected"));

        panel.select("network-monitor");
        panel.reveal("network-monitor");
        assertTrue(get(panel, "menu-network-monitor").getStyleName().contains("selected"));
        assertFalse(get(panel, "menu-task-config").getStyleName().contains("selected"));
        assertFalse(get(panel, "menu-sub-collocation-task").getStyleName().contains("ml-sub-current"));
        assertTrue(get(panel, "menu-sub-collocation-task-items").isVisible(), "stays open");
    }

    @Test
    void anOpenSubgroupStaysOpenWhenViewsComeAndGo() {
        ViewContribution config = view("Collocation task", "Task Config", "task-config", 30);
        registry.add(config);
        MenuPanel panel = panel();
        ((Button) get(panel, "menu-sub-collocation-task")).click();
        panel.select("task-config");

        registry.add(view("Collocation task", "Task Runs", "task-runs", 31));
        panel.build(registry, ADMIN);
        assertTrue(get(panel, "menu-sub-collocation-task-items").isVisible());
        assertTrue(byId(panel, "menu-task-runs").isPresent());
        assertTrue(get(panel, "menu-task-config").getStyleName().contains("selected"), "the selection survives");

        registry.remove(config);
        panel.build(registry, ADMIN);
        assertFalse(byId(panel, "menu-task-config").isPresent());
        assertTrue(get(panel, "menu-sub-collocation-task-items").isVisible());

        registry.remove(registry.menu(MenuGroup.OPERATION, ADMIN).get(0).views().get(0));
        panel.build(registry, ADMIN);
        assertFalse(byId(panel, "menu-sub-collocation-task").isPresent(), "no views left, no subgroup");
        assertNull(byId(panel, "menu-task-runs").orElse(null));
    }

    @Test
    void theSameSubgroupCaptionInTwoGroupsGetsTwoIds() {
        registry.add(view(MenuGroup.OPERATION, "Reports", "Task Report", "task-report", 10, Permission.read("collection")));
        registry.add(view(MenuGroup.BILLING, "Reports", "Usage Report", "usage-report", 10, Permission.read("billing")));
        MenuPanel panel = panel();

        assertTrue(byId(panel, "menu-sub-reports").isPresent());
        assertTrue(byId(panel, "menu-sub-billing-reports").isPresent());
    }
}
