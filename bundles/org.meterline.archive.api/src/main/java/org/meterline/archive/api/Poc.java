package org.meterline.archive.api;

/**
 * A point of collection (manual §4.2): where a meter measures a consumer's supply, in a project
 * of a site, on a power grid, billed at one of the project's service rates.
 */
public record Poc(long id, long siteId, long projectId, Long powerGridId, long serviceRateId, long meterId,
        String meterSerial, long consumerId, String consumerCode, String type, String name, Double latitude,
        Double longitude, boolean active) {
}
