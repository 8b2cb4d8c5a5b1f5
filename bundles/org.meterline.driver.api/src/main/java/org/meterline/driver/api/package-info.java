/**
 * The meter driver SPI (Apache-2.0, semantically versioned): what a vendor implements to let
 * Meterline talk to its meters. A driver is a {@link org.meterline.driver.api.MeterDriver} OSGi
 * service naming its protocol, the meter models it serves and the SPI version it implements; it
 * opens a {@link org.meterline.driver.api.MeterSession} from typed
 * {@link org.meterline.driver.api.SessionSettings}. Every operation answers a
 * {@link org.meterline.driver.api.Result}: a value, or a typed
 * {@link org.meterline.driver.api.DriverError} (retryable or not); nothing returns null.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.meterline.driver.api;
