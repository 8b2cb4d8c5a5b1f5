package org.meterline.archive.api;

/**
 * A communication (acquisition) module that meters are read through. {@code address} is
 * host:port; IMEI and ICCID apply to cellular modules.
 */
public record AcquisitionModule(long id, String serialNumber, ModuleType type, String imei, String iccid,
        String address, ModuleStatus status) {
}
