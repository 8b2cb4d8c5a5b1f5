package org.meterline.archive.internal.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.meterline.archive.api.ImportKind;
import org.meterline.archive.api.ImportProgress;
import org.meterline.archive.internal.importer.ImportColumns.Column;

/**
 * The rows of an import file as the readers hand them over: the first non-blank row is the
 * header, the rows below it are numbered from 1 (blank rows count, so the numbers match what a
 * spreadsheet shows, less the header). Only the known columns are kept, in
 * {@link ImportColumns#of} order, trimmed, empty cells as null.
 */
final class ImportTable {

    /** One data row: its number (1 = the first row below the header) and its values by column. */
    record Row(int number, String[] values) {

        String get(int column) {
            return values[column];
        }
    }

    private final ImportKind kind;
    private final List<Column> columns;
    private final int maxRows;
    private final ImportErrors errors;
    private final ImportProgress progress;
    private final List<Row> rows = new ArrayList<>();
    /** Column slot by position in the file; -1 for a position that is not a column. */
    private int[] slots;
    private int headerAt = -1;

    ImportTable(ImportKind kind, int maxRows, ImportErrors errors, ImportProgress progress) {
        this.kind = kind;
        this.columns = ImportColumns.of(kind);
        this.maxRows = maxRows;
        this.errors = errors;
        this.progress = progress;
    }

    ImportKind kind() {
        return kind;
    }

    List<Row> rows() {
        return rows;
    }

    ImportErrors errors() {
        return errors;
    }

    /** False once reading should stop: a bad header, too many rows. */
    boolean wantsMore() {
        return !errors.isFatal();
    }

    /**
     * One row of the file. {@code index} counts rows from 0 (the file's first row); {@code cells}
     * holds the row's cells by position, null or blank where empty.
     */
    void add(int index, List<String> cells) {
        if (!wantsMore() || blank(cells)) {
            return;
        }
        if (slots == null) {
            header(index, cells);
            return;
        }
        if (rows.size() >= maxRows) {
            errors.fatal("file", String.format("has more than %,d rows; split it into smaller files", maxRows));
            return;
        }
        String[] values = new String[columns.size()];
        for (int i = 0; i < cells.size() && i < slots.length; i++) {
            String v = cells.get(i);
            if (slots[i] >= 0 && v != null && !v.isBlank()) {
                values[slots[i]] = v.trim();
            }
        }
        rows.add(new Row(index - headerAt, values));
        if (rows.size() % 1000 == 0) {
            progress.update("reading", rows.size(), 0);
        }
    }

    /** The data row number that the file's row {@code index} (from 0) has. */
    int rowNumber(int index) {
        return index - headerAt;
    }

    /** A cell of a data row that the reader could not take as it is. */
    void cellError(int index, int position, String message) {
        if (slots != null && position < slots.length && slots[position] >= 0) {
            errors.add(rowNumber(index), columns.get(slots[position]).name(), message);
        }
    }

    /** Called when the file ends. */
    void finish() {
        if (errors.isFatal()) {
            return;
        }
        if (slots == null) {
            errors.fatal("file", "is empty; the first row must name the columns: " + ImportColumns.names(kind));
        } else if (rows.isEmpty()) {
            errors.fatal("file", "has no rows below the header");
        } else {
            progress.update("reading", rows.size(), rows.size());
        }
    }

    private void header(int index, List<String> cells) {
        headerAt = index;
        slots = new int[cells.size()];
        Map<String, Integer> known = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            known.put(ImportColumns.normalize(columns.get(i).name()), i);
        }
        boolean[] seen = new boolean[columns.size()];
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i) == null ? "" : cells.get(i).trim();
            Integer slot = known.get(ImportColumns.normalize(name));
            slots[i] = -1;
            if (name.isEmpty()) {
                continue;
            }
            if (slot == null) {
                errors.fatal(name, "is not a column of a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " file; the columns are "
                        + ImportColumns.names(kind));
            } else if (seen[slot]) {
                errors.fatal(columns.get(slot).name(), "is in the header twice");
            } else {
                seen[slot] = true;
                slots[i] = slot;
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).required() && !seen[i]) {
                errors.fatal(columns.get(i).name(), "is a required column but the header does not name it");
            }
        }
    }

    private static boolean blank(List<String> cells) {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
