package org.meterline.simulator.internal;

/**
 * Reads the 4-byte invocation counter of ciphered APDUs sent by an HLS client: glo-get/set/action
 * requests, general-glo-ciphering, and the glo-initiate-request inside an AARQ. Nothing is decrypted.
 */
final class ApduInspector {

    private static final int GLO_GET_REQUEST = 0xC8;
    private static final int GLO_SET_REQUEST = 0xC9;
    private static final int GLO_ACTION_REQUEST = 0xCB;
    private static final int GENERAL_GLO_CIPHERING = 0xDB;
    private static final int AARQ = 0x60;
    private static final int USER_INFORMATION = 0xBE;
    private static final int GLO_INITIATE_REQUEST = 0x21;

    private ApduInspector() {
    }

    /** The invocation counter of a ciphered APDU, -1 if the APDU is not ciphered or too short. */
    static long invocationCounter(byte[] apdu) {
        try {
            if (apdu.length == 0) {
                return -1;
            }
            int tag = apdu[0] & 0xff;
            switch (tag) {
                case GLO_GET_REQUEST:
                case GLO_SET_REQUEST:
                case GLO_ACTION_REQUEST:
                    return counterAfterLength(apdu, 1);
                case GENERAL_GLO_CIPHERING: {
                    int titleLength = apdu[1] & 0xff;
                    return counterAfterLength(apdu, 2 + titleLength);
                }
                case AARQ:
                    return fromAarq(apdu);
                default:
                    return -1;
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            return -1;
        }
    }

    /** At {@code pos}: A-XDR length, security control byte, 4-byte invocation counter. */
    private static long counterAfterLength(byte[] b, int pos) {
        int p = skipLength(b, pos);
        p++; // security control
        if (p + 4 > b.length) {
            return -1;
        }
        return ((b[p] & 0xffL) << 24) | ((b[p + 1] & 0xffL) << 16) | ((b[p + 2] & 0xffL) << 8) | (b[p + 3] & 0xffL);
    }

    /** Skips a BER / A-XDR length at {@code pos}, returns the position after it. */
    private static int skipLength(byte[] b, int pos) {
        int first = b[pos] & 0xff;
        return first < 0x80 ? pos + 1 : pos + 1 + (first & 0x7f);
    }

    private static int length(byte[] b, int pos) {
        int first = b[pos] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int n = first & 0x7f;
        int v = 0;
        for (int i = 1; i <= n; i++) {
            v = (v << 8) | (b[pos + i] & 0xff);
        }
        return v;
    }

    private static final int CALLING_AP_TITLE = 0xA6;

    /** The client's system title from an AARQ's calling-AP-title, as hex; null for other APDUs or none. */
    static String callingTitle(byte[] apdu) {
        try {
            if (apdu.length == 0 || (apdu[0] & 0xff) != AARQ) {
                return null;
            }
            int p = skipLength(apdu, 1);
            while (p < apdu.length) {
                int tag = apdu[p] & 0xff;
                int len = length(apdu, p + 1);
                int value = skipLength(apdu, p + 1);
                if (tag == CALLING_AP_TITLE && (apdu[value] & 0xff) == 0x04) {
                    int n = length(apdu, value + 1);
                    int content = skipLength(apdu, value + 1);
                    return java.util.HexFormat.of().formatHex(apdu, content, content + n);
                }
                p = value + len;
            }
            return null;
        } catch (ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private static long fromAarq(byte[] b) {
        int p = skipLength(b, 1);
        while (p < b.length) {
            int tag = b[p] & 0xff;
            int len = length(b, p + 1);
            int value = skipLength(b, p + 1);
            if (tag == USER_INFORMATION) {
                // OCTET STRING containing the xDLMS initiate request
                if ((b[value] & 0xff) != 0x04) {
                    return -1;
                }
                int content = skipLength(b, value + 1);
                if ((b[content] & 0xff) != GLO_INITIATE_REQUEST) {
                    return -1;
                }
                return counterAfterLength(b, content + 1);
            }
            p = value + len;
        }
        return -1;
    }
}
