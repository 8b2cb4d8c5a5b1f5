package org.meterline.archive.api;

import java.util.Arrays;

/**
 * A meter's communication settings with its secrets decrypted, for the platform's driver access
 * only (never serialised to REST or shown). Arrays are copies; {@link #toString()} hides them.
 */
public final class MeterCredentials {

    private final MeterCommunication settings;
    private final byte[] password;
    private final byte[] authenticationKey;
    private final byte[] encryptionKey;
    private final byte[] masterKey;

    public MeterCredentials(MeterCommunication settings, byte[] password, byte[] authenticationKey,
            byte[] encryptionKey, byte[] masterKey) {
        this.settings = settings;
        this.password = copy(password);
        this.authenticationKey = copy(authenticationKey);
        this.encryptionKey = copy(encryptionKey);
        this.masterKey = copy(masterKey);
    }

    private static byte[] copy(byte[] b) {
        return b == null ? new byte[0] : b.clone();
    }

    public MeterCommunication settings() {
        return settings;
    }

    public byte[] password() {
        return password.clone();
    }

    public byte[] authenticationKey() {
        return authenticationKey.clone();
    }

    public byte[] encryptionKey() {
        return encryptionKey.clone();
    }

    public byte[] masterKey() {
        return masterKey.clone();
    }

    /** Overwrites the secrets held here. */
    public void destroy() {
        for (byte[] b : new byte[][] {password, authenticationKey, encryptionKey, masterKey}) {
            Arrays.fill(b, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "MeterCredentials[" + settings + ", secrets=***]";
    }
}
