package org.meterline.archive.api;

/** A meter model: who makes it, what it speaks, how it is wired. */
public record MeterModel(long id, String manufacturer, String model, Protocol protocol, int phases, Wiring wiring) {
}
