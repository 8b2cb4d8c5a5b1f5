package org.meterline.archive.api;

/** The fields of a meter model; protocol defaults to DLMS/COSEM, phases to 1, wiring to direct. */
public record MeterModelInput(String manufacturer, String model, Protocol protocol, Integer phases, Wiring wiring) {
}
