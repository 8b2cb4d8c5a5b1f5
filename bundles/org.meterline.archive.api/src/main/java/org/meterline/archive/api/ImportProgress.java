package org.meterline.archive.api;

/** Told how far an import has come, for a progress bar. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (phase, done, total) -> { };

    /**
     * @param phase what is happening now: "reading", "checking", "importing"
     * @param done rows done in this phase
     * @param total rows in the file
     */
    void update(String phase, int done, int total);
}
