package org.meterline.archive.api;

/** What a bulk import file holds. */
public enum ImportKind {
    /** Acquisition modules: serialNumber, type, imei, iccid, address, status. */
    MODULES,
    /** Meters: serialNumber, model (manufacturer model), moduleSerial, ctRatio, ptRatio, certificate fields. */
    METERS
}
