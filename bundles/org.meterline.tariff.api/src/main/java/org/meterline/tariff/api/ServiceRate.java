package org.meterline.tariff.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A flat price per unit of a service type, valid between two dates (either open). Tiered and
 * time-of-use rates come later.
 */
public record ServiceRate(long id, long serviceTypeId, String serviceTypeCode, String serviceTypeName, String code,
        String name, BigDecimal value, String currency, String unit, LocalDate validFrom, LocalDate validTo) {
}
