/**
 * Event recording (manual §9.2): the catalogue of meter event types ({@link org.meterline.event.api.EventType},
 * by event log and code) and {@link org.meterline.event.api.EventRecords}, which lists the meter events
 * of the caller's customer by period, type or category and meter, and tells one event in detail. Plain
 * value types only: no JDBC, JPA or Vaadin types.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.meterline.event.api;
