package org.meterline.archive.internal.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.meterline.archive.api.ImportFormat;
import org.meterline.archive.api.ImportKind;
import org.meterline.archive.api.ModuleStatus;
import org.meterline.archive.api.ModuleType;
import org.meterline.archive.internal.importer.ImportColumns.Column;

/**
 * Template files: the header row and one example row. In the xlsx template every column is
 * formatted as text (so that an IMEI or ICCID keeps its digits and a date stays yyyy-mm-dd) and the
 * module type and status offer their choices.
 */
public final class ImportTemplates {

    public static final String CSV_TYPE = "text/csv";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Rows of the xlsx template that offer the type and status choices. */
    private static final int CHOICE_ROWS = 100_000;

    private ImportTemplates() {
    }

    static byte[] template(ImportKind kind, ImportFormat format) {
        try {
            return format == ImportFormat.XLSX ? xlsx(kind) : csv(kind);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name a downloaded template gets. */
    public static String fileName(ImportKind kind, ImportFormat format) {
        return (kind == ImportKind.MODULES ? "acquisition-modules" : "meters") + "-template."
                + (format == ImportFormat.XLSX ? "xlsx" : "csv");
    }

    /** The media type of a file of this format. */
    public static String contentType(ImportFormat format) {
        return format == ImportFormat.XLSX ? XLSX_TYPE : CSV_TYPE;
    }

    private static byte[] csv(ImportKind kind) throws IOException {
        List<Column> columns = ImportColumns.of(kind);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180)) {
            printer.printRecord(columns.stream().map(Column::name));
            printer.printRecord(columns.stream().map(Column::example));
        }
        return out.toByteArray();
    }

    private static byte[] xlsx(ImportKind kind) throws IOException {
        List<Column> columns = ImportColumns.of(kind);
        return XlsxImportReader.inPoi(() -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                XSSFSheet sheet = workbook.createSheet(kind == ImportKind.MODULES ? "Acquisition modules" : "Meters");
                CellStyle text = workbook.createCellStyle();
                text.setDataFormat(workbook.createDataFormat().getFormat("@"));
                CellStyle header = workbook.createCellStyle();
                header.cloneStyleFrom(text);
                Font bold = workbook.createFont();
                bold.setBold(true);
                header.setFont(bold);
                Row names = sheet.createRow(0);
                Row example = sheet.createRow(1);
                for (int i = 0; i < columns.size(); i++) {
                    Column c = columns.get(i);
                    sheet.setDefaultColumnStyle(i, text);
                    sheet.setColumnWidth(i, 256 * Math.max(14, Math.max(c.name().length(), c.example().length()) + 3));
                    names.createCell(i).setCellValue(c.name());
                    names.getCell(i).setCellStyle(header);
                    if (!c.example().isEmpty()) {
                        example.createCell(i).setCellValue(c.example());
                        example.getCell(i).setCellStyle(text);
                    }
                }
                sheet.createFreezePane(0, 1);
                if (kind == ImportKind.MODULES) {
                    choices(sheet, ImportColumns.index(kind, "type"),
                            Arrays.stream(ModuleType.values()).map(ModuleType::id).toArray(String[]::new));
                    choices(sheet, ImportColumns.index(kind, "status"),
                            Arrays.stream(ModuleStatus.values()).map(ModuleStatus::id).toArray(String[]::new));
                }
                workbook.write(out);
                return out.toByteArray();
            }
        });
    }

    private static void choices(XSSFSheet sheet, int column, String[] values) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        sheet.addValidationData(helper.createValidation(helper.createExplicitListConstraint(values),
                new CellRangeAddressList(1, CHOICE_ROWS, column, column)));
    }
}
