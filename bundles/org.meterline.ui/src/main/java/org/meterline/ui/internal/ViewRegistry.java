package org.meterline.ui.internal;

import java.util.Comparator;
import java.util.List;
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

    Optional<ViewContribution> find(String viewName, Caller caller) {
        return views.stream().filter(v -> v.viewName().equals(viewName) && caller.can(v.permission())).findFirst();
    }
}
