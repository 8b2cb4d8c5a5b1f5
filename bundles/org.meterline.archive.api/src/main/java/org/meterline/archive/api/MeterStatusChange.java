package org.meterline.archive.api;

import java.time.Instant;

/** One recorded lifecycle move of a meter. */
public record MeterStatusChange(long meterId, MeterStatus from, MeterStatus to, Instant at, String by, String reason) {
}
