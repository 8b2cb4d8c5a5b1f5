package org.meterline.simulator.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-meter secrets derived from the fleet seed and the serial number with HMAC-SHA256, so a test can ask
 * the fleet for them. {@link #toString()} never shows them.
 */
public final class Secrets {

    private static final char[] PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final byte[] password;
    private final byte[] authenticationKey;
    private final byte[] encryptionKey;
    private final byte[] masterKey;

    private Secrets(byte[] password, byte[] authenticationKey, byte[] encryptionKey, byte[] masterKey) {
        this.password = password;
        this.authenticationKey = authenticationKey;
        this.encryptionKey = encryptionKey;
        this.masterKey = masterKey;
    }

    /** The secrets the fleet reports for a meter. */
    public static Secrets derive(long seed, String serial) {
        return derive(seed, serial, "");
    }

    /** Secrets that differ from {@link #derive(long, String)}: what a meter with the WrongKeys fault uses. */
    public static Secrets deriveWrong(long seed, String serial) {
        return derive(seed, serial, "wrong:");
    }

    private static Secrets derive(long seed, String serial, String variant) {
        Mac mac = mac(seed);
        byte[] pw = hmac(mac, variant + "password:" + serial);
        byte[] password = new byte[8];
        for (int i = 0; i < password.length; i++) {
            password[i] = (byte) PASSWORD_ALPHABET[(pw[i] & 0xff) % PASSWORD_ALPHABET.length];
        }
        return new Secrets(password, Arrays.copyOf(hmac(mac, variant + "ak:" + serial), 16),
                Arrays.copyOf(hmac(mac, variant + "ek:" + serial), 16),
                Arrays.copyOf(hmac(mac, variant + "mk:" + serial), 16));
    }

    private static Mac mac(long seed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = ByteBuffer.allocate(Long.BYTES + 16).putLong(seed)
                    .put("meterline-sim-v1".getBytes(StandardCharsets.US_ASCII)).array();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] hmac(Mac mac, String label) {
        return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
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

    @Override
    public String toString() {
        return "Secrets[hidden]";
    }
}
