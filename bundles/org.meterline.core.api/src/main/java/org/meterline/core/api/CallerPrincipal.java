package org.meterline.core.api;

import java.io.Serializable;
import java.security.Principal;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.Subject;

/**
 * The principal the {@code meterline} JAAS realm adds to a subject after a successful login.
 * It carries the {@link Caller}, so REST, the UI and the Karaf shell find the same identity.
 */
public final class CallerPrincipal implements Principal, Serializable {

    private static final long serialVersionUID = 1L;

    private final Caller caller;

    public CallerPrincipal(Caller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.username();
    }

    /** The caller of a subject that logged in through the {@code meterline} realm, if any. */
    public static Optional<Caller> of(Subject subject) {
        if (subject == null) {
            return Optional.empty();
        }
        return subject.getPrincipals(CallerPrincipal.class).stream().findFirst().map(CallerPrincipal::caller);
    }

    /**
     * The caller of the code running now, taken from the JAAS subject of the access control
     * context: a Karaf shell or ssh session of a {@code meterline} account.
     */
    @SuppressWarnings("removal")
    public static Optional<Caller> current() {
        return of(Subject.getSubject(java.security.AccessController.getContext()));
    }

    /** Like {@link #current()}, but fails with a message telling how to log in. */
    public static Caller requireCurrent() {
        return current().orElseThrow(() -> new ForbiddenException(
                "Log in with a Meterline account (ssh -p 8101 USER@host, or bin/client -u USER)."));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CallerPrincipal other && other.caller.equals(caller);
    }

    @Override
    public int hashCode() {
        return caller.hashCode();
    }

    @Override
    public String toString() {
        return "CallerPrincipal[" + caller.username() + "@" + caller.tenantId() + "]";
    }
}
