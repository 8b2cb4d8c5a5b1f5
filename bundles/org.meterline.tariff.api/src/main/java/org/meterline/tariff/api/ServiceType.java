package org.meterline.tariff.api;

/** A kind of service that is metered and billed: electricity, water, gas, ... */
public record ServiceType(long id, String code, String name) {
}
