package org.meterline.ui.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.meterline.core.api.Caller;
import org.meterline.ui.api.MenuGroup;
import org.meterline.ui.api.ViewContribution;

/** The views contributed right now; its version changes whenever one comes or goes. */
final class ViewRegistry {

    private final List<ViewContribution> views = new CopyOnWriteArrayList<>();
    private final AtomicLong version = new AtomicLong();

    void add(ViewContribution view) {
        views.add(view);
        version.incrementAndGet();
    }

    void remove(ViewContribution view) {
        views.remove(view);
        version.incrementAndGet();
    }

    long version() {
        return version.get();
    }

    /** The views of a group the caller may open, in menu order. */
    List<ViewContribution> visible(MenuGroup group, Caller caller) {
        return views.stream().filter(v -> v.group() == group && caller.can(v.permission()))
                .sorted(Comparator.comparingInt(ViewContribution::order).thenComparing(ViewContribution::caption))
                .collect(Collectors.toList());
    }

    /**
     * The entries of a group the caller sees, in menu order: the views without a subgroup, and one
     * entry per subgroup with the views of it the caller may open (a subgroup without any is left
     * out). A subgroup is placed by the smallest order of its members, its caption is its first
     * member's; ties go by caption.
     */
    List<MenuEntry> menu(MenuGroup group, Caller caller) {
        List<MenuEntry> entries = new ArrayList<>();
        Map<String, List<ViewContribution>> subgroups = new LinkedHashMap<>();
        for (ViewContribution view : visible(group, caller)) {
            String subgroup = MenuEntry.subgroupOf(view);
            if (subgroup == null) {
                entries.add(MenuEntry.of(view));
            } else {
                subgroups.computeIfAbsent(MenuEntry.key(subgroup), k -> new ArrayList<>()).add(view);
            }
        }
        subgroups.forEach((key, members) -> entries.add(
                new MenuEntry(MenuEntry.subgroupOf(members.get(0)), key, members)));
        entries.sort(Comparator.comparingInt(MenuEntry::order).thenComparing(MenuEntry::caption));
        return entries;
    }

    Optional<ViewContribution> find(String viewName, Caller caller) {
        return views.stream().filter(v -> v.viewName().equals(viewName) && caller.can(v.permission())).findFirst();
    }
}
