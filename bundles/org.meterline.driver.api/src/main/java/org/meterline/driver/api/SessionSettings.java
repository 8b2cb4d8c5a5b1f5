package org.meterline.driver.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach one meter: its module's network endpoint, the meter's own address
 * behind it (a DLMS logical device / server address), the client identity, security and timeouts.
 *
 * @param serialNumber the meter's serial number, for messages and for drivers that address by it
 * @param host module host name or address
 * @param port module TCP port
 * @param logicalDevice the meter's logical device (server) address behind the module
 * @param clientId the client (association) identity, e.g. DLMS client SAP 16 (public) or 1 (management)
 * @param security authentication and keys
 * @param connectTimeout time to establish the link and association
 * @param responseTimeout time to wait for each answer
 * @param model the meter's model as the archive names it (one of the driver's {@link MeterDriver#models()}),
 *        or null when the caller does not know it; a driver serving several models uses it to pick the
 *        model's object map
 */
public record SessionSettings(String serialNumber, String host, int port, int logicalDevice, int clientId,
        Security security, Duration connectTimeout, Duration responseTimeout, ModelRef model) {

    public SessionSettings {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535");
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(5) : responseTimeout;
    }

    /** Settings for a meter whose model the caller does not know. */
    public SessionSettings(String serialNumber, String host, int port, int logicalDevice, int clientId,
            Security security, Duration connectTimeout, Duration responseTimeout) {
        this(serialNumber, host, port, logicalDevice, clientId, security, connectTimeout, responseTimeout, null);
    }
}
