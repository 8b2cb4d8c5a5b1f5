package org.meterline.tariff.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The fields of a service rate to create or change; currency defaults to EUR, unit to kWh. */
public record ServiceRateInput(Long serviceTypeId, String code, String name, BigDecimal value, String currency,
        String unit, LocalDate validFrom, LocalDate validTo) {
}
