package org.meterline.driver.api;

import java.util.Objects;

/** A firmware image to transfer: its identifier as the meter knows it, and its bytes. */
public final class FirmwareImage {

    private final String identifier;
    private final byte[] content;

    public FirmwareImage(String identifier, byte[] content) {
        this.identifier = Objects.requireNonNull(identifier, "identifier");
        this.content = content.clone();
    }

    public String identifier() {
        return identifier;
    }

    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }

    @Override
    public String toString() {
        return "FirmwareImage[" + identifier + ", " + content.length + " bytes]";
    }
}
