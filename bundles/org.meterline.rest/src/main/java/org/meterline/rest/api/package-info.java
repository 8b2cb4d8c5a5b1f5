/**
 * How a capability publishes REST resources: register a JAX-RS annotated DS component under
 * {@link org.meterline.rest.api.RestResource}; it is served under {@code /api/v1}, behind
 * authentication, with problem+json errors and in the OpenAPI document.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.meterline.rest.api;
