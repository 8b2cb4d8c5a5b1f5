package org.meterline.tariff.api;

/** The fields of a service type to create or change. */
public record ServiceTypeInput(String code, String name) {
}
