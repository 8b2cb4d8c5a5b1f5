package org.meterline.archive.internal.importer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.meterline.archive.api.ArchiveImportService;
import org.meterline.archive.api.ImportFormat;
import org.meterline.archive.api.ImportKind;
import org.meterline.archive.api.ImportProgress;
import org.meterline.archive.api.ImportReport;
import org.meterline.core.api.Caller;
import org.meterline.ui.api.testing.VaadinViewTest;

/** The import view's parts and their ids, which the browser tests rely on. */
class ImportViewTest {

    @Test
    void hasItsPartsWithStableIds() {
        ArchiveImportService service = new ArchiveImportService() {
            @Override
            public ImportReport importFile(Caller caller, ImportKind kind, String fileName, InputStream content,
                    ImportProgress progress) {
                throw new UnsupportedOperationException();
            }

            @Override
            public byte[] template(ImportKind kind, ImportFormat format) {
                return new byte[0];
            }
        };
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            ImportView view = new ImportView(service, executor, 1024);
            Map<String, com.vaadin.ui.Component> byId = VaadinViewTest.byId(view);
            for (String id : new String[] {"import-kind", "import-template-csv", "import-template-xlsx", "import-upload",
                "import-progress", "import-status", "import-errors"}) {
                assertEquals(id, byId.get(id) == null ? null : byId.get(id).getId(), id);
            }
            assertFalse(byId.get("import-errors").isVisible());
            assertFalse(byId.get("import-progress").isVisible());
        } finally {
            executor.shutdownNow();
        }
    }
}
