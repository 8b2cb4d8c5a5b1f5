package org.meterline.rest.api;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.SecurityContext;
import org.meterline.core.api.Caller;
import org.meterline.core.api.CallerPrincipal;

/** The authenticated {@link Caller} of a REST request. */
public final class RestCaller {

    private RestCaller() {
    }

    public static Caller of(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof CallerPrincipal principal) {
            return principal.caller();
        }
        throw new NotAuthorizedException("Basic realm=\"meterline\"");
    }
}
