package org.meterline.grid.api;

import java.time.LocalDate;
import java.util.List;

/** The fields of a project to create or change; status defaults to planned. */
public record ProjectInput(Long siteId, String name, String shortName, List<Long> serviceRateIds,
        LocalDate billingStartDate, LocalDate startDate, LocalDate endDate, ProjectStatus status, Double latitude,
        Double longitude) {
}
