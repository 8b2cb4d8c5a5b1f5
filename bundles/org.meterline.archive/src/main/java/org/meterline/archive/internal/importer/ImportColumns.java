package org.meterline.archive.internal.importer;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.meterline.archive.api.ImportKind;

/**
 * The columns of an import file: their names as the template spells them, which ones are
 * required, and the template's example row. A header names columns case-insensitively and in any
 * order; spaces, '_', '-' and '*' in a header are ignored ("Serial Number*" is serialNumber).
 */
final class ImportColumns {

    /** One column: its name, whether a row must fill it, and the template's example value. */
    record Column(String name, boolean required, String example) {
    }

    static final List<Column> MODULES = List.of(
            new Column("serialNumber", true, "GW-0001"),
            new Column("type", true, "4g"),
            new Column("imei", false, "490154203237518"),
            new Column("iccid", false, "8931440400012345678"),
            new Column("address", false, "10.0.0.5:4059"),
            new Column("status", false, "offline"));

    static final List<Column> METERS = List.of(
            new Column("serialNumber", true, "SN-000001"),
            new Column("manufacturer", true, "Landis+Gyr"),
            new Column("model", true, "E450"),
            new Column("moduleSerial", false, ""),
            new Column("ctRatio", false, "1"),
            new Column("ptRatio", false, "1"),
            new Column("certificateNumber", false, "CERT-2026-0001"),
            new Column("verifiedOn", false, "2026-01-15"),
            new Column("validUntil", false, "2034-01-14"));

    private ImportColumns() {
    }

    static List<Column> of(ImportKind kind) {
        return kind == ImportKind.MODULES ? MODULES : METERS;
    }

    /** Where a column is in {@link #of}, by its name. */
    static int index(ImportKind kind, String name) {
        List<Column> columns = of(kind);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** The comparable form of a header cell. */
    static String normalize(String header) {
        if (header == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(header.length());
        for (char c : header.toCharArray()) {
            if (c != '\uFEFF' && c != '_' && c != '-' && c != '*' && !Character.isWhitespace(c)) {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    static String names(ImportKind kind) {
        return of(kind).stream().map(Column::name).collect(Collectors.joining(", "));
    }
}
