package org.meterline.tariff.api;

import org.meterline.core.api.Caller;

/**
 * Implemented by a capability whose objects point at service rates (a project's associated
 * rates, a POC's rate). Before a rate is deleted, every registered implementation is asked; a
 * rate that is still referenced is refused with a message naming the referrers.
 */
public interface ServiceRateReferences {

    /** What references rates, in plural, for messages: "projects", "POCs". */
    String referrers();

    /** How many of the caller's customer's objects reference the rate. */
    long countReferences(Caller caller, long serviceRateId);
}
