package org.meterline.driver.api;

/** Told after each block of an image transfer; return false to stop (the transfer can resume later). */
@FunctionalInterface
public interface TransferProgress {

    TransferProgress IGNORE = (done, total) -> true;

    /** @return whether to go on */
    boolean blocks(int done, int total);
}
