package org.meterline.archive.internal.importer;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an xlsx file with Apache POI's streaming (SAX) reader: the sheet is
 * never held in memory, only its shared strings. Dates come as yyyy-mm-dd, numbers as plain
 * decimals ("1" for 1.0, never "1E+2"); a whole number too long for a spreadsheet number (more
 * than 15 digits, as an ICCID typed into a number cell) is refused, as the spreadsheet has
 * already lost its last digits.
 */
final class XlsxImportReader {

    /** Columns beyond this one are ignored (no import file has that many). */
    private static final int MAX_COLUMNS = 256;
    /** Spreadsheets keep 15 significant digits: a whole number from here on may have lost some. */
    private static final double MAX_EXACT = 1e15;

    private XlsxImportReader() {
    }

    static void read(File file, ImportTable table) throws IOException {
        checkParts(file);
        inPoi(() -> {
            OPCPackage pkg = null;
            try {
                pkg = OPCPackage.open(file, PackageAccess.READ);
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
                StylesTable styles = reader.getStylesTable();
                Iterator<InputStream> sheets = reader.getSheetsData();
                if (!sheets.hasNext()) {
                    throw new IOException("has no sheet");
                }
                Formatter formatter = new Formatter();
                try (InputStream sheet = sheets.next()) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, new Rows(table, formatter),
                            formatter, false));
                    parser.parse(new InputSource(sheet));
                } catch (Stop stop) {
                    // the table has seen enough
                }
                return null;
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                // POI tells a broken or foreign file with several checked and unchecked exceptions
                throw new IOException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
            } finally {
                if (pkg != null) {
                    pkg.revert();
                }
            }
        });
    }

    /** Tells a reader's problem to the user. */
    static String message(IOException e) {
        return "cannot be read as xlsx: " + e.getMessage();
    }

    /**
     * Runs POI code with POI's class loader as the context class loader: its XMLBeans look up their
     * schema types through it, which inside OSGi is otherwise the caller's bundle.
     */
    static <T> T inPoi(IoSupplier<T> work) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(OPCPackage.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A {@link Supplier} that may fail with an {@link IOException}. */
    @FunctionalInterface
    interface IoSupplier<T> {
        T get() throws IOException;
    }

    /**
     * Refuses a zip with two parts of the same name: readers may then see different data (POI
     * before 5.4.0 does not check this itself, CVE-2025-31672).
     */
    private static void checkParts(File file) throws IOException {
        try (ZipFile zip = new ZipFile(file)) {
            Set<String> names = new HashSet<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                String name = e.nextElement().getName();
                if (!names.add(name)) {
                    throw new IOException("has two parts named " + name + "; it is not a well-formed xlsx file");
                }
            }
        } catch (ZipException e) {
            throw new IOException("is not an xlsx file (an xlsx file is a zip archive)", e);
        }
    }

    /** Stops the SAX parser once the table wants no more rows. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    /** Hands the sheet's rows to the table, cell positions from the cell references. */
    private static final class Rows implements SheetContentsHandler {
        private final ImportTable table;
        private final Formatter formatter;
        private final List<String> cells = new ArrayList<>();
        private final List<Integer> imprecise = new ArrayList<>();
        private int next;

        Rows(ImportTable table, Formatter formatter) {
            this.table = table;
            this.formatter = formatter;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            imprecise.clear();
            next = 0;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? next : new CellReference(reference).getCol();
            next = column + 1;
            boolean lost = formatter.takeImprecise();
            if (column >= MAX_COLUMNS) {
                return;
            }
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, value);
            if (lost) {
                imprecise.add(column);
            }
        }

        @Override
        public void endRow(int rowNum) {
            table.add(rowNum, cells);
            for (int column : imprecise) {
                table.cellError(rowNum, column, "is a number with more than 15 digits, which a spreadsheet cannot "
                        + "keep exactly; format the column as text and type it again");
            }
            if (!table.wantsMore()) {
                throw new Stop();
            }
        }
    }

    /** Formats number cells for import rather than for display. */
    private static final class Formatter extends DataFormatter {
        private boolean imprecise;

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString,
                boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, use1904Windowing);
                return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
            }
            if (Math.abs(value) >= MAX_EXACT && value == Math.rint(value)) {
                imprecise = true;
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }

        boolean takeImprecise() {
            boolean was = imprecise;
            imprecise = false;
            return was;
        }
    }
}
