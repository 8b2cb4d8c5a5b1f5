package org.meterline.ui.api;

import com.vaadin.navigator.View;
import com.vaadin.server.Resource;
import org.meterline.core.api.Permission;

/**
 * A screen a capability adds to the web UI, registered as an OSGi service. The UI shell tracks
 * these services: registering one adds a menu entry, unregistering removes it.
 */
public interface ViewContribution {

    /** The menu group the entry appears in. */
    MenuGroup group();

    /**
     * The manual's intermediate menu entry between the group and this entry, e.g. "Collocation task"
     * for Operation &amp; Maintenance → Collocation task → Task Config; null (the default) puts the
     * entry directly under the group. The shell shows a subgroup as a collapsible entry of its group,
     * placed by the smallest {@link #order()} of its members, and expands it when one of its views
     * is opened; contributions with the same subgroup caption in one group share it. The entry's
     * id in the page is {@code menu-sub-<caption in lower case, words joined by '-'>}
     * ({@code menu-sub-collocation-task}).
     *
     * @since 1.2
     */
    default String subgroup() {
        return null;
    }

    /** The entry's caption, as the manual names it (e.g. "Service Rate"). */
    String caption();

    /** The view's name in the URL fragment ({@code #!service-rate}); unique across the platform. */
    String viewName();

    /** Position inside the group (or inside its subgroup); smaller first. */
    int order();

    /** What a caller must hold to see the entry and open the view. */
    Permission permission();

    /** The menu icon, or null. */
    default Resource icon() {
        return null;
    }

    /** Creates the view for one browser tab; called on the UI thread with the session locked. */
    View createView();
}
