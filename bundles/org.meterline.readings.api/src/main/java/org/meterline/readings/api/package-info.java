/**
 * The readings store: interval and register readings and meter events of the caller's customer,
 * written idempotently ({@link org.meterline.readings.api.ReadingStore#write}) and queried per
 * meter or aggregated over a {@link org.meterline.readings.api.Scope} in a site's time zone.
 * POC, project and grid scopes are turned into meter ids by a
 * {@link org.meterline.readings.api.MeterScopeResolver}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.meterline.readings.api;
