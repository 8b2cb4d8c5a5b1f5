package org.meterline.ui.internal;

import java.util.List;
import java.util.Locale;
import org.meterline.ui.api.ViewContribution;

/**
 * One line of a menu group: a view directly under the group, or a subgroup (the manual's intermediate
 * menu entry, such as "Collocation task") with its views in menu order.
 *
 * @param subgroup the subgroup's caption, null for a view directly under the group
 * @param key the subgroup's key in its group (its caption in lower case, words joined by '-'); null
 *        for a view directly under the group
 * @param views the view directly under the group, or the subgroup's views; never empty
 */
record MenuEntry(String subgroup, String key, List<ViewContribution> views) {

    MenuEntry {
        views = List.copyOf(views);
        if (views.isEmpty()) {
            throw new IllegalArgumentException("a menu entry has at least one view");
        }
    }

    static MenuEntry of(ViewContribution view) {
        return new MenuEntry(null, null, List.of(view));
    }

    boolean isSubgroup() {
        return subgroup != null;
    }

    /** The view of an entry directly under the group. */
    ViewContribution view() {
        return views.get(0);
    }

    /** Where the entry goes in its group: a subgroup goes where its first member would. */
    int order() {
        return views.stream().mapToInt(ViewContribution::order).min().orElse(0);
    }

    String caption() {
        return isSubgroup() ? subgroup : view().caption();
    }

    /** The subgroup caption a contribution asks for, trimmed; null when it asks for none. */
    static String subgroupOf(ViewContribution view) {
        String subgroup = view.subgroup();
        return subgroup == null || subgroup.isBlank() ? null : subgroup.strip();
    }

    /**
     * The key of a subgroup caption: lower case, every run of other characters than letters and
     * digits one '-' ("Collocation task" → "collocation-task"), so captions that differ only in case
     * or spacing share a subgroup.
     */
    static String key(String caption) {
        String key = caption.toLowerCase(Locale.ROOT).replaceAll("[^\\p{IsAlphabetic}\\p{IsDigit}]+", "-")
                .replaceAll("^-+|-+$", "");
        return key.isEmpty() ? "sub-" + Integer.toHexString(caption.hashCode()) : key;
    }
}
