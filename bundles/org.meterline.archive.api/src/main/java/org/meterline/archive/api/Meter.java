package org.meterline.archive.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A meter: base information (serial number = device address, model, module, CT and PT ratio,
 * installation data), certification information, and its lifecycle status.
 */
public record Meter(long id, String serialNumber, long modelId, String modelName, Long moduleId, String moduleSerial,
        BigDecimal ctRatio, BigDecimal ptRatio, LocalDate installedOn, String installationNote,
        String certificateNumber, LocalDate verifiedOn, LocalDate validUntil, MeterStatus status) {
}
