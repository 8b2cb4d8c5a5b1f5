package org.meterline.archive.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The fields of a meter; ratios default to 1. The status is not an input: a new meter is in the
 * warehouse and moves with {@link MeterService#changeStatus}.
 */
public record MeterInput(String serialNumber, Long modelId, Long moduleId, BigDecimal ctRatio, BigDecimal ptRatio,
        LocalDate installedOn, String installationNote, String certificateNumber, LocalDate verifiedOn,
        LocalDate validUntil) {
}
