package org.meterline.tenant.internal;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** bcrypt through Bouncy Castle: salted, with a configurable cost. */
final class PasswordHasher {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final SecureRandom random = new SecureRandom();
    private final int cost;
    /** Checked against when a username is unknown, so a miss costs as long as a hit. */
    private final String dummy;

    PasswordHasher(int cost) {
        this.cost = cost;
        this.dummy = hash("not-a-password".toCharArray());
    }

    String hash(char[] password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password, salt, cost);
    }

    boolean matches(String hash, char[] password) {
        try {
            return OpenBSDBCrypt.checkPassword(hash == null ? dummy : hash, password) && hash != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    String generatePassword(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
