package org.meterline.readings.api;

/**
 * What a write did: rows newly stored, and rows that were already there (same key) and so were
 * left unchanged. A replayed batch reports its rows as {@code alreadyPresent}.
 */
public record WriteOutcome(int written, int alreadyPresent) {

    public static final WriteOutcome NONE = new WriteOutcome(0, 0);

    public int total() {
        return written + alreadyPresent;
    }

    public WriteOutcome plus(WriteOutcome other) {
        return new WriteOutcome(written + other.written, alreadyPresent + other.alreadyPresent);
    }
}
