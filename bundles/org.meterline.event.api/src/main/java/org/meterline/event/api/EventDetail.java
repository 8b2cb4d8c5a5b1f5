package org.meterline.event.api;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One event and what it happened to (manual §9.2 "Operate": the event record detail): the meter's
 * model and acquisition module, the POC and consumer it is bound to, and the time on the clock of
 * the POC's site.
 *
 * @param event the event
 * @param modelName the meter's model
 * @param moduleSerial the meter's acquisition module, null when it has none
 * @param pocName the POC the meter is bound to (the active one, else the last), null when none
 * @param consumerCode that POC's consumer code, null when none
 * @param consumerName that consumer's name, null when none or not readable
 * @param siteName the POC's site, null when none
 * @param timeZone the site's time zone (IANA id), null when not known
 * @param siteTime the event's time on the site's clock, null when the zone is not known
 */
public record EventDetail(EventRecord event, String modelName, String moduleSerial, String pocName,
        String consumerCode, String consumerName, String siteName, String timeZone, LocalDateTime siteTime) {

    public EventDetail {
        Objects.requireNonNull(event, "event");
    }
}
