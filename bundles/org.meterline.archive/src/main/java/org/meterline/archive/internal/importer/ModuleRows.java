package org.meterline.archive.internal.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.meterline.archive.api.AcquisitionModuleInput;
import org.meterline.archive.api.ImportKind;
import org.meterline.archive.api.ImportProgress;
import org.meterline.archive.api.ModuleStatus;
import org.meterline.archive.api.ModuleType;
import org.meterline.archive.internal.ArchiveImportStore;
import org.meterline.archive.internal.importer.ImportTable.Row;
import org.meterline.core.api.FieldError;

/** Checks and writes the rows of an acquisition module file. */
final class ModuleRows {

    private static final int SERIAL = ImportColumns.index(ImportKind.MODULES, "serialNumber");
    private static final int TYPE = ImportColumns.index(ImportKind.MODULES, "type");
    private static final int IMEI = ImportColumns.index(ImportKind.MODULES, "imei");
    private static final int ICCID = ImportColumns.index(ImportKind.MODULES, "iccid");
    private static final int ADDRESS = ImportColumns.index(ImportKind.MODULES, "address");
    private static final int STATUS = ImportColumns.index(ImportKind.MODULES, "status");
    private static final String TYPES = Arrays.stream(ModuleType.values()).map(ModuleType::id)
            .collect(Collectors.joining(", "));
    private static final String STATUSES = Arrays.stream(ModuleStatus.values()).map(ModuleStatus::id)
            .collect(Collectors.joining(", "));

    private ModuleRows() {
    }

    /**
     * Checks every row as {@code createModule} would, and against the other rows and the stored
     * modules (serial numbers are unique per customer, ignoring case).
     */
    static List<AcquisitionModuleInput> check(List<Row> rows, ArchiveImportStore.Session session, ImportErrors errors,
            ImportProgress progress, int chunk) {
        Map<String, Long> stored = session.moduleIds();
        Map<String, Integer> seen = new HashMap<>();
        List<AcquisitionModuleInput> inputs = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int n = row.number();
            String typeText = row.get(TYPE);
            ModuleType type = null;
            if (typeText != null) {
                type = ModuleType.fromId(typeText).orElse(null);
                if (type == null) {
                    errors.add(n, "type", "must be one of " + TYPES);
                }
            }
            String statusText = row.get(STATUS);
            ModuleStatus status = null;
            if (statusText != null) {
                status = ModuleStatus.fromId(statusText).orElse(null);
                if (status == null) {
                    errors.add(n, "status", "must be one of " + STATUSES);
                }
            }
            AcquisitionModuleInput in = new AcquisitionModuleInput(row.get(SERIAL), type, row.get(IMEI), row.get(ICCID),
                    row.get(ADDRESS), status);
            // an unknown type was told above: check the rest as if it were a valid one
            AcquisitionModuleInput checked = typeText != null && type == null
                    ? new AcquisitionModuleInput(in.serialNumber(), ModuleType.GPRS, in.imei(), in.iccid(), in.address(),
                            status)
                    : in;
            for (FieldError e : ArchiveImportStore.check(checked)) {
                errors.add(n, e.field(), e.message());
            }
            String serial = row.get(SERIAL);
            if (serial != null) {
                String key = ArchiveImportStore.moduleKey(serial);
                Integer first = seen.putIfAbsent(key, n);
                if (first != null) {
                    errors.add(n, "serialNumber", serial + " is also in row " + first);
                } else if (stored.containsKey(key)) {
                    errors.add(n, "serialNumber", "An acquisition module with serial number " + serial
                            + " already exists.");
                }
            }
            inputs.add(in);
            if ((i + 1) % chunk == 0) {
                progress.update("checking", i + 1, rows.size());
                ArchiveImportServiceImpl.stopIfInterrupted();
            }
        }
        progress.update("checking", rows.size(), rows.size());
        return inputs;
    }

    static void write(List<AcquisitionModuleInput> inputs, ArchiveImportStore.Session session, ImportProgress progress,
            int chunk) {
        for (int from = 0; from < inputs.size(); from += chunk) {
            int to = Math.min(inputs.size(), from + chunk);
            session.addModules(inputs.subList(from, to));
            progress.update("importing", to, inputs.size());
            ArchiveImportServiceImpl.stopIfInterrupted();
        }
    }
}
