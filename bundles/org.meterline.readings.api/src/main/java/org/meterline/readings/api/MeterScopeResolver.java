package org.meterline.readings.api;

import java.util.Set;
import org.meterline.core.api.Caller;

/**
 * Turns a POC, project or power-grid scope into the ids of its meters, for the caller's customer.
 * The readings bundle ships one built on the archive's POC list; a capability that knows better
 * (e.g. the archive with POC validity periods) registers its own with a higher service ranking.
 */
public interface MeterScopeResolver {

    /**
     * The meters of the scope, empty when it has none.
     *
     * @throws org.meterline.core.api.NotFoundException when the POC, project or grid does not exist
     *     for the caller's customer
     */
    Set<Long> meterIds(Caller caller, Scope scope);
}
