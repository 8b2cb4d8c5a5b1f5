package org.meterline.archive.internal.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file with Apache Commons CSV, streaming. UTF-8 (a byte order mark is allowed);
 * fields separated by ',' or, when the header has ';' or tabs and no ',', by that (Excel writes
 * ';' in some locales); quotes as RFC 4180.
 */
final class CsvImportReader {

    private CsvImportReader() {
    }

    static void read(InputStream in, ImportTable table) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 65536);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(reader)).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true).setTrim(true).get();
        try (CSVParser parser = format.parse(reader)) {
            int index = 0;
            for (CSVRecord record : parser) {
                if (!table.wantsMore()) {
                    break;
                }
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                table.add(index++, cells);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (IllegalStateException e) {
            // Commons CSV reports a broken quote as an IllegalStateException around an IOException
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /** Tells a reader's problem to the user. */
    static String message(IOException e) {
        if (e instanceof CharacterCodingException) {
            return "is not UTF-8 text; save it as \"CSV UTF-8\"";
        }
        return "cannot be read as CSV: " + e.getMessage();
    }

    private static char delimiter(BufferedReader reader) throws IOException {
        reader.mark(65536);
        String first;
        do {
            first = reader.readLine();
        } while (first != null && first.isBlank());
        reader.reset();
        if (first == null || first.indexOf(',') >= 0) {
            return ',';
        }
        if (first.indexOf(';') >= 0) {
            return ';';
        }
        return first.indexOf('\t') >= 0 ? '\t' : ',';
    }
}
