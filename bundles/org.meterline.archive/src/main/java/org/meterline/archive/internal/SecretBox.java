package org.meterline.archive.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals meter secrets with AES-256-GCM under a key kept in a file outside the database (created
 * on first use, readable by the owner only), so a copy of the database alone reveals no key. Each
 * sealed value is bound to its tenant and meter (GCM associated data): a value copied to another
 * meter's row does not open.
 */
final class SecretBox {

    private static final int NONCE_BYTES = 12;
    private static final byte VERSION = 1;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
        Arrays.fill(key, (byte) 0);
    }

    /** Opens the key file, creating it with a fresh random key when it does not exist. */
    static SecretBox open(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                create(keyFile);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim());
            if (key.length != 32) {
                throw new IllegalStateException("The secret key file " + keyFile + " does not hold a 256-bit key");
            }
            return new SecretBox(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + keyFile, e);
        }
    }

    private static void create(Path keyFile) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path parent = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".meterline-secret", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file inherits the directory's ACL
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, keyFile);
            }
        } catch (FileAlreadyExistsException raced) {
            // another instance created it first: use that one
        } finally {
            Files.deleteIfExists(tmp);
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The secrets, sealed and bound to the meter, as text for a column. */
    String seal(long tenantId, long meterId, byte[]... secrets) {
        ByteBuffer plain = ByteBuffer.allocate(Arrays.stream(secrets).mapToInt(s -> 2 + s.length).sum());
        for (byte[] s : secrets) {
            plain.putShort((short) s.length).put(s);
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(aad(tenantId, meterId));
            byte[] sealed = cipher.doFinal(plain.array());
            Arrays.fill(plain.array(), (byte) 0);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(VERSION).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secrets sealed by {@link #seal}, in the same order; fails if the value was altered or moved. */
    byte[][] open(long tenantId, long meterId, String sealed, int count) {
        byte[] all = Base64.getDecoder().decode(sealed);
        if (all.length < 1 + NONCE_BYTES || all[0] != VERSION) {
            throw new IllegalStateException("Stored meter secrets have an unknown format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 1, NONCE_BYTES));
            cipher.updateAAD(aad(tenantId, meterId));
            ByteBuffer plain = ByteBuffer.wrap(cipher.doFinal(all, 1 + NONCE_BYTES, all.length - 1 - NONCE_BYTES));
            byte[][] out = new byte[count][];
            for (int i = 0; i < count; i++) {
                out[i] = new byte[plain.getShort()];
                plain.get(out[i]);
            }
            Arrays.fill(plain.array(), (byte) 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored meter secrets cannot be opened: the secret key file differs "
                    + "from the one they were sealed with, or the value was altered");
        }
    }

    private static byte[] aad(long tenantId, long meterId) {
        return ByteBuffer.allocate(16).putLong(tenantId).putLong(meterId).array();
    }
}
