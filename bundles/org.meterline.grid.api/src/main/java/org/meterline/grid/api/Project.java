package org.meterline.grid.api;

import java.time.LocalDate;
import java.util.List;

/** A project at a site, with the service rates its points of collection may use. */
public record Project(long id, long siteId, String siteName, String name, String shortName, List<Long> serviceRateIds,
        LocalDate billingStartDate, LocalDate startDate, LocalDate endDate, ProjectStatus status, Double latitude,
        Double longitude) {

    public Project {
        serviceRateIds = serviceRateIds == null ? List.of() : List.copyOf(serviceRateIds);
    }
}
