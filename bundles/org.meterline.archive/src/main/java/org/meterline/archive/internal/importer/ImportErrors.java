package org.meterline.archive.internal.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.meterline.archive.api.ImportRowError;

/**
 * The errors found in one file: the first {@link #MAX_LISTED} in detail, and how many there are
 * in all. Row 0 is the header or the file as a whole; row 1 is the first data row.
 */
final class ImportErrors {

    static final int MAX_LISTED = 1000;

    private final List<ImportRowError> listed = new ArrayList<>();
    private int total;
    private boolean fatal;

    void add(int row, String field, String message) {
        total++;
        if (listed.size() < MAX_LISTED) {
            listed.add(new ImportRowError(row, field, message));
        }
    }

    /** An error that stops reading: a bad header, an unreadable or too big file. */
    void fatal(String field, String message) {
        add(0, field, message);
        fatal = true;
    }

    boolean isFatal() {
        return fatal;
    }

    boolean isEmpty() {
        return total == 0;
    }

    int total() {
        return total;
    }

    /**
     * The listed errors by row; when there were more than {@link #MAX_LISTED}, a last entry (row
     * 0, no field) says how many were left out.
     */
    List<ImportRowError> toList() {
        List<ImportRowError> all = new ArrayList<>(listed);
        all.sort(Comparator.comparingInt(ImportRowError::row));
        if (total > listed.size()) {
            all.add(new ImportRowError(0, null, String.format("%,d more errors are not listed (%,d in all)",
                    total - listed.size(), total)));
        }
        return all;
    }
}
