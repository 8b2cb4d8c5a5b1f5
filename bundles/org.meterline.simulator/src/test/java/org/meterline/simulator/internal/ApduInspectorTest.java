package org.meterline.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ApduInspectorTest {

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void gloGetRequest() {
        assertEquals(0x01020304L, ApduInspector.invocationCounter(bytes(0xC8, 0x1E, 0x30, 0x01, 0x02, 0x03, 0x04,
                0xAA, 0xBB)));
        assertEquals(0xFFFFFFFEL, ApduInspector.invocationCounter(bytes(0xCB, 0x81, 0x90, 0x30, 0xFF, 0xFF, 0xFF,
                0xFE)));
    }

    @Test
    void generalGloCiphering() {
        assertEquals(7L, ApduInspector.invocationCounter(bytes(0xDB, 0x08, 'M', 'L', 'C', 0, 0, 0, 0, 1, 0x20, 0x30,
                0, 0, 0, 7, 0x55)));
    }

    @Test
    void aarqWithGloInitiateRequest() {
        byte[] aarq = bytes(0x60, 0x36,
                0xA1, 0x09, 0x06, 0x07, 0x60, 0x85, 0x74, 0x05, 0x08, 0x01, 0x03, // application context
                0xA6, 0x0A, 0x04, 0x08, 'M', 'L', 'C', 0, 0, 0, 0, 1,             // calling AP title
                0x8A, 0x02, 0x07, 0x80,                                           // acse requirements
                0xBE, 0x17, 0x04, 0x15, 0x21, 0x13, 0x30, 0x00, 0x00, 0x03, 0xE8, // user information
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
        assertEquals(1000L, ApduInspector.invocationCounter(aarq));
    }

    @Test
    void plainAndTruncatedApdus() {
        assertEquals(-1L, ApduInspector.invocationCounter(bytes(0xC0, 0x01, 0xC1, 0x00, 0x03)));
        assertEquals(-1L, ApduInspector.invocationCounter(bytes(0xC8, 0x1E, 0x30, 0x01)));
        assertEquals(-1L, ApduInspector.invocationCounter(bytes()));
        // AARQ without user information (LLS)
        assertEquals(-1L, ApduInspector.invocationCounter(bytes(0x60, 0x04, 0x8A, 0x02, 0x07, 0x80)));
    }
}
