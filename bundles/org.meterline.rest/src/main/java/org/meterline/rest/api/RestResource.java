package org.meterline.rest.api;

/**
 * Marker service interface of a JAX-RS resource. The REST server tracks every service
 * registered under it and serves it below {@code /api/v1}; unregistering removes it.
 */
public interface RestResource {
}
