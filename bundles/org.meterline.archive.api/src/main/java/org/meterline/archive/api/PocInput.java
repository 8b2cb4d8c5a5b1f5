package org.meterline.archive.api;

/** The fields of a POC; the meter and consumer are named by serial number and code, as on site. */
public record PocInput(Long siteId, Long projectId, Long powerGridId, Long serviceRateId, String meterSerial,
        String consumerCode, String type, String name, Double latitude, Double longitude) {
}
