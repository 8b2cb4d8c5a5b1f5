/**
 * Meter operation (manual §8.1 relay, §8.2 on-demand read): {@link org.meterline.operation.api.MeterOperations}
 * reads a meter's items now, connects or disconnects its main relay, keeps per-customer "Meter
 * Reading Item Settings" per meter model, and records every operation as a tracked job in the
 * operation log. Plain value types only: no driver, JPA or Vaadin types.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.meterline.operation.api;
