package org.meterline.archive.api;

/** The file formats bulk import reads and its templates come in. */
public enum ImportFormat {
    CSV, XLSX
}
