package org.meterline.ui.api;

import com.vaadin.server.VaadinSession;
import org.meterline.core.api.Caller;
import org.meterline.core.api.ForbiddenException;

/** The caller of the current UI session: the logged-in account, acting for the chosen customer. */
public final class UiContext {

    private static final String CALLER = "meterline.caller";

    private UiContext() {
    }

    public static Caller caller() {
        VaadinSession session = VaadinSession.getCurrent();
        Object caller = session == null ? null : session.getAttribute(CALLER);
        if (caller instanceof Caller c) {
            return c;
        }
        throw new ForbiddenException("Your session has ended; log in again.");
    }

    public static boolean loggedIn() {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null && session.getAttribute(CALLER) instanceof Caller;
    }

    /** Sets (or with null clears) the session's caller; for the UI shell. */
    public static void setCaller(Caller caller) {
        VaadinSession.getCurrent().setAttribute(CALLER, caller);
    }
}
