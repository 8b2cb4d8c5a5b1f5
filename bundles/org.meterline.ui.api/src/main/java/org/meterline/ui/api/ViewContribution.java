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

    /** The entry's caption, as the manual names it (e.g. "Service Rate"). */
    String caption();

    /** The view's name in the URL fragment ({@code #!service-rate}); unique across the platform. */
    String viewName();

    /** Position inside the group; smaller first. */
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
