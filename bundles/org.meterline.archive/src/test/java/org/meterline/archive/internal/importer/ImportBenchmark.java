package org.meterline.archive.internal.importer;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.meterline.archive.api.ImportKind;
import org.meterline.archive.api.ImportReport;
import org.meterline.archive.api.MeterModelInput;
import org.meterline.archive.internal.ArchiveImportStore;
import org.meterline.archive.internal.ArchiveSchema;
import org.meterline.archive.internal.MeterModelServiceImpl;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Role;

/**
 * Imports a generated CSV of meters (100,000 unless told otherwise) into a fresh embedded Derby
 * database and prints how long each phase took and how much heap the import used. Run from the
 * module after {@code mvn test-compile}:
 *
 * <pre>
 * mvn -o exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.meterline.archive.internal.importer.ImportBenchmark -Dexec.args=100000
 * </pre>
 */
public final class ImportBenchmark {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ImportBenchmark.class);

    /** Figures go to the log (slf4j-simple prints them), one line each. */
    private static void print(String format, Object... args) {
        LOG.info(String.format(java.util.Locale.ROOT, format, args).stripTrailing());
    }

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        boolean xlsx = args.length > 1 && args[1].equalsIgnoreCase("xlsx");
        Path dir = Files.createTempDirectory("meterline-import-bench");
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("meterline.archive",
                Map.of("javax.persistence.nonJtaDataSource", ds));
        try {
            ArchiveSchema schema = new ArchiveSchema(ds, emf);
            Caller caller = new Caller("bench", 1, 10, 10, EnumSet.of(Role.OPERATOR));
            new MeterModelServiceImpl(schema).createMeterModel(caller, new MeterModelInput("Landis", "E450", null, 3, null));
            ArchiveImportServiceImpl imports = new ArchiveImportServiceImpl(new ArchiveImportStore(schema), 1_000_000,
                    1024L * 1024 * 1024, 1000);
            Path file = xlsx ? meterXlsx(dir.resolve("meters.xlsx"), rows)
                    : ArchiveImportTest.meterFile(dir.resolve("meters.csv"), rows);
            Runtime rt = Runtime.getRuntime();
            long[] phaseStart = {System.nanoTime()};
            String[] phase = {"reading"};
            long[] maxHeap = {0};
            long started = System.nanoTime();
            ImportReport report;
            try (InputStream in = Files.newInputStream(file)) {
                report = imports.importFile(caller, ImportKind.METERS, file.getFileName().toString(), in, (p, done, total) -> {
                    maxHeap[0] = Math.max(maxHeap[0], rt.totalMemory() - rt.freeMemory());
                    if (!p.equals(phase[0])) {
                        long now = System.nanoTime();
                        print("  %-9s %,7d ms%n", phase[0], (now - phaseStart[0]) / 1_000_000);
                        phase[0] = p;
                        phaseStart[0] = now;
                    }
                });
            }
            long now = System.nanoTime();
            print("  %-9s %,7d ms%n", phase[0], (now - phaseStart[0]) / 1_000_000);
            print("Imported %s: %,d of %,d meters (%,d bytes of %s) in %,d ms; heap in use at most %,d MB "
                    + "(max heap %,d MB)%n", report.imported(), report.importedRows(), report.rows(), Files.size(file), xlsx ? "xlsx" : "CSV",
                    (now - started) / 1_000_000, maxHeap[0] / (1024 * 1024), rt.maxMemory() / (1024 * 1024));
        } finally {
            emf.close();
        }
    }

    /** The rows of {@link ArchiveImportTest#meterFile} as an xlsx file, written with POI's streaming writer. */
    static Path meterXlsx(Path file, int rows) throws java.io.IOException {
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook workbook = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100);
                java.io.OutputStream out = Files.newOutputStream(file)) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet("Meters");
            String[] header = {"serialNumber", "manufacturer", "model", "moduleSerial", "ctRatio", "ptRatio",
                "certificateNumber", "verifiedOn", "validUntil"};
            org.apache.poi.ss.usermodel.Row first = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                first.createCell(c).setCellValue(header[c]);
            }
            for (int i = 0; i < rows; i++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(String.format("SN-%07d", i));
                row.createCell(1).setCellValue("Landis");
                row.createCell(2).setCellValue("E450");
                row.createCell(4).setCellValue(1 + i % 5);
                row.createCell(5).setCellValue(1);
                row.createCell(6).setCellValue("CERT-" + i);
                row.createCell(7).setCellValue("2026-01-15");
                row.createCell(8).setCellValue("2034-01-14");
            }
            workbook.write(out);
            workbook.dispose();
        }
        return file;
    }
}
