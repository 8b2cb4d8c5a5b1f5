/**
 * Customers (tenants) and their user accounts: {@link org.meterline.tenant.api.CustomerService},
 * {@link org.meterline.tenant.api.AccountService}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.meterline.tenant.api;
