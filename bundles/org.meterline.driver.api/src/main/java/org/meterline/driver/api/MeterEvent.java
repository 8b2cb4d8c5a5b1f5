package org.meterline.driver.api;

import java.time.Instant;
import org.meterline.core.api.ObisCode;

/** An entry of a meter's event log: when, which log, the meter's event code and its name if known. */
public record MeterEvent(ObisCode log, Instant at, int code, String name) {
}
