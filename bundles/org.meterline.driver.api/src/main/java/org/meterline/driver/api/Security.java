package org.meterline.driver.api;

import java.util.Arrays;

/**
 * How a session authenticates. Key material is copied in and never appears in
 * {@link #toString()}, so settings can be logged safely.
 */
public sealed interface Security permits Security.None, Security.Password, Security.Keys {

    /** No authentication (public client). */
    record None() implements Security {
    }

    /** Low-level security: a password. */
    final class Password implements Security {
        private final byte[] secret;

        public Password(byte[] secret) {
            this.secret = secret.clone();
        }

        public byte[] secret() {
            return secret.clone();
        }

        @Override
        public String toString() {
            return "Password[***]";
        }
    }

    /** High-level security with keys, e.g. DLMS HLS5-GMAC with security suite 0. */
    final class Keys implements Security {
        private final byte[] authenticationKey;
        private final byte[] encryptionKey;
        private final byte[] masterKey;

        public Keys(byte[] authenticationKey, byte[] encryptionKey, byte[] masterKey) {
            this.authenticationKey = authenticationKey.clone();
            this.encryptionKey = encryptionKey.clone();
            this.masterKey = masterKey == null ? new byte[0] : masterKey.clone();
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

        /** Overwrites the key material; the object is useless afterwards. */
        public void destroy() {
            Arrays.fill(authenticationKey, (byte) 0);
            Arrays.fill(encryptionKey, (byte) 0);
            Arrays.fill(masterKey, (byte) 0);
        }

        @Override
        public String toString() {
            return "Keys[***]";
        }
    }
}
