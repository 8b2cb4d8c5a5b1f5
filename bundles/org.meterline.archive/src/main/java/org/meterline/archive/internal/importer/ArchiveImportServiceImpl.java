package org.meterline.archive.internal.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.meterline.archive.api.AcquisitionModuleInput;
import org.meterline.archive.api.ArchiveImportService;
import org.meterline.archive.api.ImportFormat;
import org.meterline.archive.api.ImportKind;
import org.meterline.archive.api.ImportProgress;
import org.meterline.archive.api.ImportReport;
import org.meterline.archive.api.MeterInput;
import org.meterline.archive.internal.ArchiveImportStore;
import org.meterline.archive.internal.ArchiveSchema;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Permission;
import org.meterline.core.api.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk import of acquisition modules and meters from CSV or xlsx (manual §3), all or nothing.
 *
 * <ol>
 * <li><b>reading</b>: the file is read as a stream (an xlsx file is first copied to a temporary
 * file, which POI reads without loading the sheet); the header must name every required column.
 * {@link ImportProgress} gets a total of 0 while the number of rows is not known yet.</li>
 * <li><b>checking</b>, in the import's transaction: each row gets the checks of the single-object
 * service, the look-ups of models and modules, and the uniqueness checks against the other rows
 * and the stored objects. Any error: the report lists them and nothing is written.</li>
 * <li><b>importing</b>, in the same transaction: rows are persisted in chunks, flushing and
 * clearing the entity manager after each, and committed once at the end.</li>
 * </ol>
 * An interrupted thread stops the import between two chunks and rolls it back.
 */
@Component(service = ArchiveImportService.class, configurationPid = "org.meterline.archive.import")
@Designate(ocd = ArchiveImportServiceImpl.Config.class)
public class ArchiveImportServiceImpl implements ArchiveImportService {

    @ObjectClassDefinition(name = "Meterline bulk import", description = "Archive → Import and /api/v1/imports")
    public @interface Config {
        @AttributeDefinition(description = "Most data rows one file may have")
        int maxRows() default 200_000;

        @AttributeDefinition(description = "Largest file accepted, in megabytes")
        int maxFileMegabytes() default 100;

        @AttributeDefinition(description = "Rows checked and written per chunk (the entity manager is flushed and "
                + "cleared after each)")
        int chunkRows() default 1000;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveImportServiceImpl.class);
    private static final String AREA = "archive";
    /** The length of a lifecycle record's reason. */
    private static final int REASON_LENGTH = 255;

    private final ArchiveImportStore store;
    private final int maxRows;
    private final long maxBytes;
    private final int chunkRows;

    @Activate
    public ArchiveImportServiceImpl(@Reference ArchiveSchema schema, Config config) {
        this(new ArchiveImportStore(schema), config.maxRows(), config.maxFileMegabytes() * 1024L * 1024L,
                config.chunkRows());
    }

    ArchiveImportServiceImpl(ArchiveImportStore store, int maxRows, long maxBytes, int chunkRows) {
        this.store = store;
        this.maxRows = Math.max(1, maxRows);
        this.maxBytes = Math.max(1, maxBytes);
        this.chunkRows = Math.max(1, chunkRows);
    }

    @Override
    public ImportReport importFile(Caller caller, ImportKind kind, String fileName, InputStream content,
            ImportProgress progress) {
        caller.require(Permission.write(AREA));
        if (kind == null) {
            throw new ValidationException("kind", "is required: modules or meters");
        }
        ImportProgress p = progress == null ? ImportProgress.NONE : progress;
        long started = System.nanoTime();
        ImportErrors errors = new ImportErrors();
        ImportTable table = new ImportTable(kind, maxRows, errors, p);
        p.update("reading", 0, 0);
        read(fileName, content, table);
        List<ImportTable.Row> rows = table.rows();
        int count = rows.size();
        if (errors.isFatal()) {
            return new ImportReport(false, count, 0, errors.toList());
        }
        String reason = reason(fileName);
        ImportReport report = store.inTenant(caller.tenantId(), session -> {
            p.update("checking", 0, count);
            if (kind == ImportKind.MODULES) {
                List<AcquisitionModuleInput> inputs = ModuleRows.check(rows, session, errors, p, chunkRows);
                rows.clear();
                if (!errors.isEmpty()) {
                    return new ImportReport(false, count, 0, errors.toList());
                }
                p.update("importing", 0, count);
                ModuleRows.write(inputs, session, p, chunkRows);
            } else {
                List<MeterInput> inputs = MeterRows.check(rows, session, errors, p, chunkRows);
                rows.clear();
                if (!errors.isEmpty()) {
                    return new ImportReport(false, count, 0, errors.toList());
                }
                p.update("importing", 0, count);
                MeterRows.write(inputs, session, caller.username(), reason, p, chunkRows);
            }
            return new ImportReport(true, count, count, List.of());
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (report.imported()) {
            LOG.info("{} imported {} {} from {} into customer {} in {} ms", caller.username(), count,
                    kind.name().toLowerCase(Locale.ROOT), fileName, caller.tenantId(), millis);
        } else {
            LOG.info("{} tried to import {} from {} into customer {}: {} errors, nothing imported ({} ms)",
                    caller.username(), kind.name().toLowerCase(Locale.ROOT), fileName, caller.tenantId(),
                    errors.total(), millis);
        }
        return report;
    }

    @Override
    public byte[] template(ImportKind kind, ImportFormat format) {
        if (kind == null) {
            throw new ValidationException("kind", "is required: modules or meters");
        }
        if (format == null) {
            throw new ValidationException("format", "is required: csv or xlsx");
        }
        return ImportTemplates.template(kind, format);
    }

    /** The format a file name stands for, by its extension; null if neither. */
    static ImportFormat formatOf(String fileName) {
        String name = fileName == null ? "" : fileName.trim().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return ImportFormat.CSV;
        }
        return name.endsWith(".xlsx") ? ImportFormat.XLSX : null;
    }

    /** Stops an import whose thread was interrupted; the transaction then rolls back. */
    static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("The import was stopped; nothing was imported.");
        }
    }

    private void read(String fileName, InputStream content, ImportTable table) {
        ImportFormat format = formatOf(fileName);
        if (format == null) {
            String name = fileName == null ? "" : fileName.trim().toLowerCase(Locale.ROOT);
            table.errors().fatal("file", name.endsWith(".xls") ? "is an Excel 97-2003 file (.xls); save it as .xlsx "
                    + "or CSV" : "must be a .csv or .xlsx file");
            return;
        }
        if (content == null) {
            table.errors().fatal("file", "is missing");
            return;
        }
        InputStream in = new LimitedInputStream(content, maxBytes);
        try {
            if (format == ImportFormat.CSV) {
                CsvImportReader.read(in, table);
            } else {
                Path copy = Files.createTempFile("meterline-import-", ".xlsx");
                try {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                    XlsxImportReader.read(copy.toFile(), table);
                } finally {
                    Files.deleteIfExists(copy);
                }
            }
            table.finish();
        } catch (LimitedInputStream.TooLarge e) {
            table.errors().fatal("file", e.getMessage());
        } catch (IOException e) {
            table.errors().fatal("file", format == ImportFormat.CSV ? CsvImportReader.message(e)
                    : XlsxImportReader.message(e));
        }
    }

    private static String reason(String fileName) {
        String reason = "imported from " + (fileName == null ? "a file" : fileName.trim());
        return reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH - 1) + "…";
    }
}
