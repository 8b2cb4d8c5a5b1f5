package org.meterline.archive.internal.importer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.meterline.archive.api.ImportKind;
import org.meterline.archive.api.ImportProgress;
import org.meterline.archive.api.MeterInput;
import org.meterline.archive.internal.ArchiveImportStore;
import org.meterline.archive.internal.importer.ImportTable.Row;
import org.meterline.core.api.FieldError;

/** Checks and writes the rows of a meter file. */
final class MeterRows {

    private static final int SERIAL = ImportColumns.index(ImportKind.METERS, "serialNumber");
    private static final int MANUFACTURER = ImportColumns.index(ImportKind.METERS, "manufacturer");
    private static final int MODEL = ImportColumns.index(ImportKind.METERS, "model");
    private static final int MODULE = ImportColumns.index(ImportKind.METERS, "moduleSerial");
    private static final int CT = ImportColumns.index(ImportKind.METERS, "ctRatio");
    private static final int PT = ImportColumns.index(ImportKind.METERS, "ptRatio");
    private static final int CERTIFICATE = ImportColumns.index(ImportKind.METERS, "certificateNumber");
    private static final int VERIFIED_ON = ImportColumns.index(ImportKind.METERS, "verifiedOn");
    private static final int VALID_UNTIL = ImportColumns.index(ImportKind.METERS, "validUntil");
    /** Stands for a model that was not found (and told so), while the other fields are checked. */
    private static final Long NO_MODEL = 0L;
    /** The length of the serial number column; longer ones are refused by the field checks. */
    private static final int SERIAL_LENGTH = 64;

    private MeterRows() {
    }

    /**
     * Checks every row as {@code createMeter} would: the fields, the model (manufacturer and model
     * of one of the customer's meter models), the module (one of the customer's modules), and the
     * serial number against the other rows and the stored meters (unique per customer, kept
     * upper-case: "sn-1" and "SN-1" are one meter).
     */
    static List<MeterInput> check(List<Row> rows, ArchiveImportStore.Session session, ImportErrors errors,
            ImportProgress progress, int chunk) {
        Map<String, Long> models = session.modelIds();
        Map<String, Long> modules = session.moduleIds();
        Map<String, Integer> seen = new HashMap<>();
        List<MeterInput> inputs = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += chunk) {
            List<Row> part = rows.subList(from, Math.min(rows.size(), from + chunk));
            Set<String> stored = session.existingMeterSerials(part.stream().map(r -> r.get(SERIAL))
                    .filter(s -> s != null && s.length() <= SERIAL_LENGTH).map(ArchiveImportStore::meterKey)
                    .collect(Collectors.toSet()));
            for (Row row : part) {
                inputs.add(check(row, models, modules, seen, stored, errors));
            }
            progress.update("checking", from + part.size(), rows.size());
            ArchiveImportServiceImpl.stopIfInterrupted();
        }
        return inputs;
    }

    static void write(List<MeterInput> inputs, ArchiveImportStore.Session session, String by, String reason,
            ImportProgress progress, int chunk) {
        for (int from = 0; from < inputs.size(); from += chunk) {
            int to = Math.min(inputs.size(), from + chunk);
            session.addMeters(inputs.subList(from, to), by, reason);
            progress.update("importing", to, inputs.size());
            ArchiveImportServiceImpl.stopIfInterrupted();
        }
    }

    private static MeterInput check(Row row, Map<String, Long> models, Map<String, Long> modules,
            Map<String, Integer> seen, Set<String> stored, ImportErrors errors) {
        int n = row.number();
        String manufacturer = row.get(MANUFACTURER);
        String model = row.get(MODEL);
        Long modelId = null;
        if (manufacturer == null) {
            errors.add(n, "manufacturer", "is required");
        }
        if (model == null) {
            errors.add(n, "model", "is required");
        }
        if (manufacturer != null && model != null) {
            modelId = models.get(ArchiveImportStore.modelKey(manufacturer, model));
            if (modelId == null) {
                errors.add(n, "model", "is not a meter model of this customer: " + manufacturer + " " + model);
            }
        }
        String moduleSerial = row.get(MODULE);
        Long moduleId = null;
        if (moduleSerial != null) {
            moduleId = modules.get(ArchiveImportStore.moduleKey(moduleSerial));
            if (moduleId == null) {
                errors.add(n, "moduleSerial", "is not an acquisition module of this customer: " + moduleSerial);
            }
        }
        BigDecimal ct = number(row, CT, "ctRatio", errors);
        BigDecimal pt = number(row, PT, "ptRatio", errors);
        LocalDate verifiedOn = date(row, VERIFIED_ON, "verifiedOn", errors);
        LocalDate validUntil = date(row, VALID_UNTIL, "validUntil", errors);
        String serial = row.get(SERIAL);
        MeterInput in = new MeterInput(serial, modelId == null ? NO_MODEL : modelId, moduleId, ct, pt, null, null,
                row.get(CERTIFICATE), verifiedOn, validUntil);
        for (FieldError e : ArchiveImportStore.check(in)) {
            errors.add(n, column(e.field()), e.message());
        }
        if (serial != null) {
            String key = ArchiveImportStore.meterKey(serial);
            Integer first = seen.putIfAbsent(key, n);
            if (first != null) {
                errors.add(n, "serialNumber", key + " is also in row " + first);
            } else if (stored.contains(key)) {
                errors.add(n, "serialNumber", "A meter with serial number " + key + " already exists.");
            }
        }
        return in;
    }

    /** The file's column for a field of {@link MeterInput}. */
    private static String column(String field) {
        switch (field) {
            case "modelId":
                return "model";
            case "moduleId":
                return "moduleSerial";
            default:
                return field;
        }
    }

    private static BigDecimal number(Row row, int column, String field, ImportErrors errors) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            errors.add(row.number(), field, "must be a number, e.g. 1 or 2.5");
            return null;
        }
    }

    private static LocalDate date(Row row, int column, String field, ImportErrors errors) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(row.number(), field, "must be a date as yyyy-mm-dd, e.g. 2026-01-15");
            return null;
        }
    }
}
