package org.meterline.archive.api;

/** What is wrong with one row of an import file: its row number (1 = first data row), field and message. */
public record ImportRowError(int row, String field, String message) {
}
