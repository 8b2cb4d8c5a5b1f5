package org.meterline.grid.api;

/** The fields of a site to create or change; the time zone defaults to UTC. */
public record SiteInput(String name, String shortName, Double latitude, Double longitude, String timeZone) {
}
