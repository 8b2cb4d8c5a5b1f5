package org.meterline.archive.internal.importer.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.meterline.archive.api.ImportFormat;
import org.meterline.archive.api.ImportKind;
import org.meterline.core.api.ValidationException;

/** How the REST resource reads its path, query and Content-Type. */
class ImportResourceTest {

    @Test
    void fileNameComesFromTheQueryOrTheContentType() {
        assertEquals("meters.xlsx", ImportResource.fileName("meters.xlsx", "application/octet-stream"));
        assertEquals("meters.CSV", ImportResource.fileName(" meters.CSV ", ImportResource.XLSX));
        assertEquals("upload.csv", ImportResource.fileName(null, "text/csv; charset=UTF-8"));
        assertEquals("upload.xlsx", ImportResource.fileName("", ImportResource.XLSX));
        assertEquals("march.xlsx", ImportResource.fileName("march", ImportResource.XLSX));
        assertEquals("filename", assertThrows(ValidationException.class,
                () -> ImportResource.fileName("march", "application/octet-stream")).errors().get(0).field());
        assertEquals("filename", assertThrows(ValidationException.class,
                () -> ImportResource.fileName(null, null)).errors().get(0).field());
    }

    @Test
    void kindAndFormat() {
        assertEquals(ImportKind.MODULES, ImportResource.kind("modules"));
        assertEquals(ImportKind.METERS, ImportResource.kind("Meters"));
        assertEquals("kind", assertThrows(ValidationException.class, () -> ImportResource.kind("pocs")).errors().get(0)
                .field());
        assertEquals(ImportFormat.CSV, ImportResource.format(null));
        assertEquals(ImportFormat.XLSX, ImportResource.format("XLSX"));
        assertEquals("format", assertThrows(ValidationException.class, () -> ImportResource.format("ods")).errors()
                .get(0).field());
    }
}
