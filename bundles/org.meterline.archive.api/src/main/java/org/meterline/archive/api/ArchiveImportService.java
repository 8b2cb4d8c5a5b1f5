package org.meterline.archive.api;

import java.io.InputStream;
import org.meterline.core.api.Caller;

/**
 * Bulk import of acquisition modules and meters (manual §3: operations staff import them), from
 * CSV or xlsx. Every row is checked before anything is written; the import is all or nothing.
 */
public interface ArchiveImportService {

    /**
     * Reads, checks and (when every row is valid) imports a file into the caller's customer.
     *
     * @param fileName used to tell CSV from xlsx (by extension) and in messages
     */
    ImportReport importFile(Caller caller, ImportKind kind, String fileName, InputStream content,
            ImportProgress progress);

    /** A template file with the header row and one example row. */
    byte[] template(ImportKind kind, ImportFormat format);
}
