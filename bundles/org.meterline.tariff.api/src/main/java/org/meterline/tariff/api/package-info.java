/**
 * Service types and service rates (manual §1): {@link org.meterline.tariff.api.TariffService}.
 * Capabilities that point at a rate (projects, POCs) register a
 * {@link org.meterline.tariff.api.ServiceRateReferences} so a rate in use cannot be deleted.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.meterline.tariff.api;
