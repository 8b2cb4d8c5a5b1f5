package org.meterline.archive.internal.importer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.archive.api.AcquisitionModule;
import org.meterline.archive.api.AcquisitionModuleInput;
import org.meterline.archive.api.ImportFormat;
import org.meterline.archive.api.ImportKind;
import org.meterline.archive.api.ImportReport;
import org.meterline.archive.api.ImportRowError;
import org.meterline.archive.api.Meter;
import org.meterline.archive.api.MeterInput;
import org.meterline.archive.api.MeterModelInput;
import org.meterline.archive.api.MeterStatus;
import org.meterline.archive.api.MeterStatusChange;
import org.meterline.archive.api.ModuleStatus;
import org.meterline.archive.api.ModuleType;
import org.meterline.archive.internal.AcquisitionModuleServiceImpl;
import org.meterline.archive.internal.ArchiveImportStore;
import org.meterline.archive.internal.ArchiveSchema;
import org.meterline.archive.internal.MeterModelServiceImpl;
import org.meterline.archive.internal.MeterServiceImpl;
import org.meterline.core.api.Caller;
import org.meterline.core.api.ForbiddenException;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Role;

/** Bulk import of modules and meters against a real embedded Derby database, for two customers. */
class ArchiveImportTest {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ArchiveImportTest.class);

    /** Figures go to the log (slf4j-simple prints them), one line each. */
    private static void print(String format, Object... args) {
        LOG.info(String.format(java.util.Locale.ROOT, format, args).stripTrailing());
    }

    private static final String METER_HEADER =
            "serialNumber,manufacturer,model,moduleSerial,ctRatio,ptRatio,certificateNumber,verifiedOn,validUntil\n";

    @TempDir
    Path dir;

    private EntityManagerFactory emf;
    private ArchiveImportServiceImpl imports;
    private MeterServiceImpl meters;
    private MeterModelServiceImpl models;
    private AcquisitionModuleServiceImpl modules;
    private final Caller acme = new Caller("ann", 1, 10, 10, EnumSet.of(Role.OPERATOR));
    private final Caller beta = new Caller("bob", 2, 20, 20, EnumSet.of(Role.OPERATOR));
    private final List<String> phases = new ArrayList<>();

    @BeforeEach
    void start() {
        ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        emf = Persistence.createEntityManagerFactory("meterline.archive", Map.of("javax.persistence.nonJtaDataSource", ds));
        ArchiveSchema schema = new ArchiveSchema(ds, emf);
        imports = new ArchiveImportServiceImpl(new ArchiveImportStore(schema), 200_000, 100L * 1024 * 1024, 1000);
        meters = new MeterServiceImpl(schema);
        models = new MeterModelServiceImpl(schema);
        modules = new AcquisitionModuleServiceImpl(schema);
        models.createMeterModel(acme, new MeterModelInput("Landis", "E450", null, 3, null));
    }

    @AfterEach
    void stop() {
        emf.close();
    }

    private ImportReport importCsv(Caller caller, ImportKind kind, String csv) {
        return imports.importFile(caller, kind, kind == ImportKind.METERS ? "meters.csv" : "modules.csv",
                new ByteArrayInputStream(csv.getBytes(UTF_8)), (phase, done, total) -> {
                    if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(phase)) {
                        phases.add(phase);
                    }
                });
    }

    private List<Meter> allMeters(Caller caller) {
        return meters.listMeters(caller, new PageRequest(0, PageRequest.MAX_LIMIT, "serialNumber", true, ""), null)
                .items();
    }

    private EmbeddedDataSource ds;

    /** Counted in the database: the meter list stops counting at its cap. */
    private long meterCount(Caller caller) {
        try (java.sql.Connection c = ds.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM ML_METER WHERE TENANT_ID = ?")) {
            ps.setLong(1, caller.tenantId());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<AcquisitionModule> allModules(Caller caller) {
        return modules.listModules(caller, new PageRequest(0, PageRequest.MAX_LIMIT, "serialNumber", true, "")).items();
    }

    private static List<ImportRowError> errors(ImportReport report) {
        assertFalse(report.imported(), () -> "expected errors, got " + report);
        assertEquals(0, report.importedRows());
        return report.errors();
    }

    private static void assertImported(int rows, ImportReport report) {
        assertEquals(new ImportReport(true, rows, rows, List.of()), report);
    }

    // ---------------------------------------------------------------- valid files

    @Test
    void validModuleCsvImportsEveryRow() {
        ImportReport report = importCsv(acme, ImportKind.MODULES, """
                Status;TYPE;serial number;IMEI;iccid;address
                online;4g;GW-1;490154203237518;8931440400012345678;10.0.0.5:4059

                ;plc;GW-2;;;
                disabled;rs_485;"GW-3";;;gw3.example.org:4059
                """);
        assertImported(3, report);
        assertEquals(List.of("reading", "checking", "importing"), phases);
        List<AcquisitionModule> all = allModules(acme);
        assertEquals(List.of("GW-1", "GW-2", "GW-3"), all.stream().map(AcquisitionModule::serialNumber).toList());
        AcquisitionModule first = all.get(0);
        assertEquals(new AcquisitionModule(first.id(), "GW-1", ModuleType.LTE, "490154203237518", "8931440400012345678",
                "10.0.0.5:4059", ModuleStatus.ONLINE), first);
        assertEquals(ModuleStatus.OFFLINE, all.get(1).status());
        assertNull(all.get(1).imei());
        assertEquals(ModuleType.RS485, all.get(2).type());
    }

    @Test
    void validMeterCsvImportsIntoTheWarehouseWithHistory() {
        AcquisitionModule gw = modules.createModule(acme, new AcquisitionModuleInput("GW-1", ModuleType.GPRS, null, null,
                null, null));
        ImportReport report = importCsv(acme, ImportKind.METERS, "\uFEFF" + METER_HEADER
                + "SN-1,Landis,E450,gw-1,200,1.5,C-1,2026-01-15,2034-01-14\n"
                + "SN-2,landis,e450,,,,,,\n");
        assertImported(2, report);
        List<Meter> all = allMeters(acme);
        assertEquals(2, all.size());
        Meter sn1 = all.get(0);
        assertEquals("SN-1", sn1.serialNumber());
        assertEquals("Landis E450", sn1.modelName());
        assertEquals(gw.id(), sn1.moduleId());
        assertEquals(0, new BigDecimal("200").compareTo(sn1.ctRatio()));
        assertEquals(0, new BigDecimal("1.5").compareTo(sn1.ptRatio()));
        assertEquals("C-1", sn1.certificateNumber());
        assertEquals(LocalDate.of(2026, 1, 15), sn1.verifiedOn());
        assertEquals(LocalDate.of(2034, 1, 14), sn1.validUntil());
        assertEquals(MeterStatus.WAREHOUSE, sn1.status());
        Meter sn2 = all.get(1);
        assertEquals(BigDecimal.ONE, sn2.ctRatio());
        assertNull(sn2.moduleId());
        List<MeterStatusChange> history = meters.statusHistory(acme, sn1.id());
        assertEquals(1, history.size());
        assertEquals(MeterStatus.WAREHOUSE, history.get(0).to());
        assertNull(history.get(0).from());
        assertEquals("ann", history.get(0).by());
        assertEquals("imported from meters.csv", history.get(0).reason());
    }

    @Test
    void validXlsxImports() throws IOException {
        modules.createModule(acme, new AcquisitionModuleInput("GW-1", ModuleType.GPRS, null, null, null, null));
        byte[] file = xlsx(List.of(
                List.of("model", "manufacturer", "serialNumber", "moduleSerial", "ctRatio", "verifiedOn", "validUntil"),
                List.of("E450", "Landis", " sn-1 ", "GW-1", 200.0, LocalDate.of(2026, 1, 15), "2034-01-14"),
                List.of(),
                List.of("E450", "Landis", 123456.0, "", 2.5, "", "")));
        ImportReport report = imports.importFile(acme, ImportKind.METERS, "Meters.XLSX", new ByteArrayInputStream(file),
                null);
        assertImported(2, report);
        List<Meter> all = allMeters(acme);
        assertEquals(List.of("123456", "SN-1"), all.stream().map(Meter::serialNumber).toList());
        assertEquals(0, new BigDecimal("2.5").compareTo(all.get(0).ctRatio()));
        assertEquals(0, new BigDecimal("200").compareTo(all.get(1).ctRatio()));
        assertEquals(LocalDate.of(2026, 1, 15), all.get(1).verifiedOn());
        assertEquals(LocalDate.of(2034, 1, 14), all.get(1).validUntil());

        byte[] moduleFile = xlsx(List.of(List.of("serialNumber", "type", "imei"),
                List.of("GW-2", "nb-iot", 490154203237518.0)));
        assertImported(1, imports.importFile(acme, ImportKind.MODULES, "modules.xlsx",
                new ByteArrayInputStream(moduleFile), null));
        assertEquals("490154203237518", modules.findModule(acme, "GW-2").orElseThrow().imei());
    }

    @Test
    void templatesRoundTrip() {
        for (ImportFormat format : ImportFormat.values()) {
            String suffix = format == ImportFormat.CSV ? ".csv" : ".xlsx";
            Caller caller = new Caller("c" + format, 3, 30 + format.ordinal(), 30 + format.ordinal(),
                    EnumSet.of(Role.OPERATOR));
            assertImported(1, imports.importFile(caller, ImportKind.MODULES, "m" + suffix,
                    new ByteArrayInputStream(imports.template(ImportKind.MODULES, format)), null));
            AcquisitionModule module = allModules(caller).get(0);
            assertEquals(new AcquisitionModule(module.id(), "GW-0001", ModuleType.LTE, "490154203237518",
                    "8931440400012345678", "10.0.0.5:4059", ModuleStatus.OFFLINE), module);

            ImportReport withoutModel = imports.importFile(caller, ImportKind.METERS, "t" + suffix,
                    new ByteArrayInputStream(imports.template(ImportKind.METERS, format)), null);
            assertEquals(List.of(new ImportRowError(1, "model", "is not a meter model of this customer: Landis+Gyr E450")),
                    errors(withoutModel));
            models.createMeterModel(caller, new MeterModelInput("Landis+Gyr", "E450", null, null, null));
            assertImported(1, imports.importFile(caller, ImportKind.METERS, "t" + suffix,
                    new ByteArrayInputStream(imports.template(ImportKind.METERS, format)), null));
            Meter meter = allMeters(caller).get(0);
            assertEquals("SN-000001", meter.serialNumber());
            assertEquals(LocalDate.of(2034, 1, 14), meter.validUntil());
        }
        String csv = new String(imports.template(ImportKind.METERS, ImportFormat.CSV), UTF_8);
        assertTrue(csv.startsWith(METER_HEADER.trim() + "\r\n"), csv);
    }

    // ---------------------------------------------------------------- invalid files import nothing

    @Test
    void oneBadRowImportsNothing() {
        ImportReport report = importCsv(acme, ImportKind.METERS, METER_HEADER
                + "SN-1,Landis,E450,,,,,,\n"
                + "SN-2,Landis,E450,,,,,,\n"
                + "SN-3,Landis,E450,,abc,0,,2026-02-30,\n"
                + "SN-4,Landis,E450,,,,,,\n");
        assertEquals(4, report.rows());
        assertEquals(List.of(
                new ImportRowError(3, "ctRatio", "must be a number, e.g. 1 or 2.5"),
                new ImportRowError(3, "verifiedOn", "must be a date as yyyy-mm-dd, e.g. 2026-01-15"),
                new ImportRowError(3, "ptRatio", "must be more than 0 and at most 100000")), errors(report));
        assertEquals(0, meterCount(acme));
    }

    @Test
    void serviceRulesApplyToEveryRow() {
        ImportReport meterReport = importCsv(acme, ImportKind.METERS, METER_HEADER
                + "bad serial!,Landis,E450,,1.23456,,,2026-05-01,2026-04-01\n"
                + ",,,,,,,,\n"
                + ",Landis,,,,,,,\n");
        assertEquals(List.of(
                new ImportRowError(1, "serialNumber", "may contain only letters, digits, '-' and '_' (at most 64)"),
                new ImportRowError(1, "ctRatio", "must have at most 4 decimals"),
                new ImportRowError(1, "validUntil", "must not be before the verification date"),
                new ImportRowError(3, "model", "is required"),
                new ImportRowError(3, "serialNumber", "is required")), errors(meterReport));
        assertEquals(2, meterReport.rows());

        ImportReport moduleReport = importCsv(acme, ImportKind.MODULES, """
                serialNumber,type,imei,iccid,address,status
                GW-1,wifi,123,1,10.0.0.5:99999,sleeping
                GW-2,,,,,
                """);
        assertEquals(List.of(
                new ImportRowError(1, "type", "must be one of gprs, 4g, nb-iot, plc, rs-485, ethernet"),
                new ImportRowError(1, "status", "must be one of online, offline, disabled"),
                new ImportRowError(1, "imei", "must be exactly 15 digits"),
                new ImportRowError(1, "iccid", "must be 19 or 20 digits"),
                new ImportRowError(1, "address", "must be host:port with a port from 1 to 65535, e.g. 10.0.0.5:4059"),
                new ImportRowError(2, "type", "is required")), errors(moduleReport));
        assertTrue(allModules(acme).isEmpty());
    }

    @Test
    void duplicatesWithinTheFileAndAgainstTheDatabase() {
        meters.createMeter(acme, new MeterInput("SN-1", models.listMeterModels(acme,
                new PageRequest(0, 10, "manufacturer", true, "")).items().get(0).id(), null, null, null, null, null,
                null, null, null));
        ImportReport report = importCsv(acme, ImportKind.METERS, METER_HEADER
                + "SN-1,Landis,E450,,,,,,\n"
                + "SN-2,Landis,E450,,,,,,\n"
                + "sn-2,Landis,E450,,,,,,\n"
                + "sn-1,Landis,E450,,,,,,\n");
        assertEquals(List.of(
                new ImportRowError(1, "serialNumber", "A meter with serial number SN-1 already exists."),
                new ImportRowError(3, "serialNumber", "SN-2 is also in row 2"),
                new ImportRowError(4, "serialNumber", "SN-1 is also in row 1")), errors(report));
        assertEquals(1, meterCount(acme));

        modules.createModule(acme, new AcquisitionModuleInput("GW-1", ModuleType.GPRS, null, null, null, null));
        ImportReport moduleReport = importCsv(acme, ImportKind.MODULES, """
                serialNumber,type
                gw-1,gprs
                GW-2,gprs
                gw-2,gprs
                """);
        assertEquals(List.of(
                new ImportRowError(1, "serialNumber", "An acquisition module with serial number gw-1 already exists."),
                new ImportRowError(3, "serialNumber", "gw-2 is also in row 2")), errors(moduleReport));
        assertEquals(1, allModules(acme).size());
    }

    @Test
    void unknownModelAndModule() {
        ImportReport report = importCsv(acme, ImportKind.METERS, METER_HEADER
                + "SN-1,Landis,E999,,,,,,\n"
                + "SN-2,Landis,E450,GW-404,,,,,\n");
        assertEquals(List.of(
                new ImportRowError(1, "model", "is not a meter model of this customer: Landis E999"),
                new ImportRowError(2, "moduleSerial", "is not an acquisition module of this customer: GW-404")),
                errors(report));
    }

    @Test
    void headerMustNameTheRequiredColumns() {
        ImportReport report = importCsv(acme, ImportKind.METERS, "serialNumber,manufacturer,colour\nSN-1,Landis,red\n");
        assertEquals(List.of(
                new ImportRowError(0, "colour", "is not a column of a meters file; the columns are serialNumber, "
                        + "manufacturer, model, moduleSerial, ctRatio, ptRatio, certificateNumber, verifiedOn, validUntil"),
                new ImportRowError(0, "model", "is a required column but the header does not name it")),
                errors(report));
        assertEquals(List.of(new ImportRowError(0, "serialNumber", "is in the header twice")),
                errors(importCsv(acme, ImportKind.MODULES, "serialNumber,type,Serial_Number\nGW-1,gprs,GW-1\n")));
        assertEquals(List.of(new ImportRowError(0, "file", "has no rows below the header")),
                errors(importCsv(acme, ImportKind.MODULES, "serialNumber,type\n\n")));
        assertEquals(List.of(new ImportRowError(0, "file", "is empty; the first row must name the columns: "
                + "serialNumber, type, imei, iccid, address, status")), errors(importCsv(acme, ImportKind.MODULES, "")));
    }

    @Test
    void filesThatCannotBeRead() throws IOException {
        assertEquals(List.of(new ImportRowError(0, "file", "must be a .csv or .xlsx file")), errors(imports.importFile(
                acme, ImportKind.MODULES, "modules.txt", new ByteArrayInputStream(new byte[1]), null)));
        assertEquals(List.of(new ImportRowError(0, "file", "is an Excel 97-2003 file (.xls); save it as .xlsx or CSV")),
                errors(imports.importFile(acme, ImportKind.MODULES, "modules.xls", new ByteArrayInputStream(new byte[1]),
                        null)));
        ImportRowError notZip = errors(imports.importFile(acme, ImportKind.MODULES, "modules.xlsx",
                new ByteArrayInputStream("serialNumber,type\n".getBytes(UTF_8)), null)).get(0);
        assertEquals("file", notZip.field());
        assertTrue(notZip.message().startsWith("cannot be read as xlsx: "), notZip.message());
        assertEquals(List.of(new ImportRowError(0, "file", "is not UTF-8 text; save it as \"CSV UTF-8\"")),
                errors(imports.importFile(acme, ImportKind.MODULES, "modules.csv", new ByteArrayInputStream(
                        "serialNumber,type\nGW-\u00e9,gprs\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                        null)));
        ArchiveImportServiceImpl small = new ArchiveImportServiceImpl(null, 2, 100, 1000);
        assertEquals(List.of(new ImportRowError(0, "file", "is larger than 100 bytes; split it into smaller files")),
                errors(small.importFile(acme, ImportKind.MODULES, "m.csv", new ByteArrayInputStream(
                        ("serialNumber,type\n" + "GW-1,gprs\n".repeat(20)).getBytes(UTF_8)), null)));
        assertEquals(List.of(new ImportRowError(0, "file", "has more than 2 rows; split it into smaller files")),
                errors(small.importFile(acme, ImportKind.MODULES, "m.csv", new ByteArrayInputStream(
                        "serialNumber,type\nGW-1,gprs\nGW-2,gprs\nGW-3,gprs\n".getBytes(UTF_8)), null)));
        // an ICCID typed into a number cell has lost its last digits
        byte[] file = xlsx(List.of(List.of("serialNumber", "type", "iccid"),
                List.of("GW-1", "gprs", 8931440400012345678.0)));
        assertEquals(List.of(new ImportRowError(1, "iccid", "is a number with more than 15 digits, which a spreadsheet "
                + "cannot keep exactly; format the column as text and type it again")),
                errors(imports.importFile(acme, ImportKind.MODULES, "m.xlsx", new ByteArrayInputStream(file), null)));
    }

    @Test
    void manyErrorsAreCountedButListedUpToALimit() {
        StringBuilder csv = new StringBuilder("serialNumber,type\n");
        for (int i = 0; i < 1500; i++) {
            csv.append("GW-").append(i).append(",wifi\n");
        }
        List<ImportRowError> errors = errors(importCsv(acme, ImportKind.MODULES, csv.toString()));
        assertEquals(1001, errors.size());
        assertEquals(new ImportRowError(1000, "type", "must be one of gprs, 4g, nb-iot, plc, rs-485, ethernet"),
                errors.get(999));
        assertEquals(new ImportRowError(0, null, "500 more errors are not listed (1,500 in all)"), errors.get(1000));
    }

    @Test
    void onlyWritersImport() {
        Caller viewer = new Caller("vic", 4, 10, 10, EnumSet.of(Role.VIEWER));
        assertThrows(ForbiddenException.class, () -> importCsv(viewer, ImportKind.MODULES, "serialNumber,type\nG,gprs\n"));
    }

    // ---------------------------------------------------------------- customers

    @Test
    void importsStayInsideTheirCustomer() {
        assertImported(1, importCsv(acme, ImportKind.MODULES, "serialNumber,type\nGW-1,gprs\n"));
        assertImported(1, importCsv(acme, ImportKind.METERS, METER_HEADER + "SN-1,Landis,E450,GW-1,,,,,\n"));
        assertTrue(allModules(beta).isEmpty());
        assertEquals(0, meterCount(beta));

        // beta can use the same serial numbers, but not acme's model or module
        assertEquals(List.of(
                new ImportRowError(1, "model", "is not a meter model of this customer: Landis E450"),
                new ImportRowError(1, "moduleSerial", "is not an acquisition module of this customer: GW-1")),
                errors(importCsv(beta, ImportKind.METERS, METER_HEADER + "SN-1,Landis,E450,GW-1,,,,,\n")));
        assertImported(1, importCsv(beta, ImportKind.MODULES, "serialNumber,type\nGW-1,plc\n"));
        models.createMeterModel(beta, new MeterModelInput("Landis", "E450", null, null, null));
        assertImported(1, importCsv(beta, ImportKind.METERS, METER_HEADER + "SN-1,Landis,E450,GW-1,,,,,\n"));
        Meter betas = allMeters(beta).get(0);
        Meter acmes = allMeters(acme).get(0);
        assertEquals(modules.findModule(beta, "GW-1").orElseThrow().id(), betas.moduleId());
        assertFalse(betas.moduleId().equals(acmes.moduleId()));
        assertFalse(betas.modelId() == acmes.modelId());
        assertEquals(1, meterCount(acme));
        assertEquals(ModuleType.GPRS, modules.findModule(acme, "GW-1").orElseThrow().type());
    }

    // ---------------------------------------------------------------- size

    @Test
    void hundredThousandMetersImportInOneGo() throws IOException {
        int rows = 100_000;
        Path file = meterFile(dir.resolve("meters.csv"), rows);
        List<String> seen = new ArrayList<>();
        long started = System.nanoTime();
        ImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = imports.importFile(acme, ImportKind.METERS, "meters.csv", in, (phase, done, total) -> {
                if (!seen.contains(phase)) {
                    seen.add(phase);
                }
            });
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        print("Imported %,d meters (%,d bytes of CSV) in %,d ms%n", rows, Files.size(file), millis);
        assertImported(rows, report);
        assertEquals(List.of("reading", "checking", "importing"), seen);
        assertEquals(rows, meterCount(acme));
        Meter last = meters.findMeter(acme, String.format("SN-%07d", rows - 1)).orElseThrow();
        assertEquals(1, meters.statusHistory(acme, last.id()).size());
    }

    /** A CSV file of valid meters (model Landis E450 of acme, a few modules referenced). */
    static Path meterFile(Path file, int rows) throws IOException {
        try (var w = Files.newBufferedWriter(file, UTF_8)) {
            w.write(METER_HEADER);
            for (int i = 0; i < rows; i++) {
                w.write(String.format("SN-%07d,Landis,E450,,%d,1,CERT-%d,2026-01-15,2034-01-14%n", i, 1 + i % 5, i));
            }
        }
        return file;
    }

    /** An xlsx file with one sheet of these rows: strings as text cells, doubles as numbers, dates as dates. */
    static byte[] xlsx(List<List<?>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Sheet1");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("d/m/yy"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<?> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object v = cells.get(c);
                    if (v instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    } else if (v instanceof LocalDate d) {
                        row.createCell(c).setCellValue(d);
                        row.getCell(c).setCellStyle(date);
                    } else if (!"".equals(v)) {
                        row.createCell(c).setCellValue((String) v);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
