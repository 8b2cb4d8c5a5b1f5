package org.meterline.driver.api;

import org.meterline.core.api.ObisCode;

/** The outcome for one reading item of a multi-item read: a reading, or why this item failed. */
public record ItemResult(ObisCode item, Result<Reading> result) {
}
