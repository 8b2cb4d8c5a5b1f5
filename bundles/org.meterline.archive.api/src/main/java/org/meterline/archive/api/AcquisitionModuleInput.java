package org.meterline.archive.api;

/** The fields of an acquisition module; status defaults to offline. */
public record AcquisitionModuleInput(String serialNumber, ModuleType type, String imei, String iccid, String address,
        ModuleStatus status) {
}
