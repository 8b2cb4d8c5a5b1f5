package org.meterline.grid.api;

/** A site: a place with meters, in one time zone (IANA id, e.g. Europe/Berlin). */
public record Site(long id, String name, String shortName, Double latitude, Double longitude, String timeZone) {
}
