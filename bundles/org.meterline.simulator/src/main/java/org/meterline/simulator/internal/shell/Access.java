package org.meterline.simulator.internal.shell;

import org.meterline.core.api.Caller;
import org.meterline.core.api.CallerPrincipal;
import org.meterline.core.api.ForbiddenException;
import org.meterline.core.api.Role;

/** The simulator opens ports on the host: starting, stopping and faulting fleets is for system admins. */
final class Access {

    private Access() {
    }

    static Caller requireSystemAdmin() {
        Caller caller = CallerPrincipal.requireCurrent();
        if (!caller.has(Role.SYSTEM_ADMIN)) {
            throw new ForbiddenException("The meter simulator is for system admins");
        }
        return caller;
    }
}
