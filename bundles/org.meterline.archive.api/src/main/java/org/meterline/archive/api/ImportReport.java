package org.meterline.archive.api;

import java.util.List;

/**
 * The outcome of a bulk import. A file with any invalid row imports nothing: {@code imported} is
 * false and {@code errors} names each bad row and field.
 */
public record ImportReport(boolean imported, int rows, int importedRows, List<ImportRowError> errors) {

    public ImportReport {
        errors = List.copyOf(errors);
    }
}
