package org.meterline.driver.dlms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.driver.dlms.internal.CounterStore.Window;
import org.openmuc.jdlms.RawMessageData;
import org.openmuc.jdlms.RawMessageData.MessageSource;

class FrameCounterGuardTest {

    @TempDir
    Path dir;

    /** A ciphered APDU as jDLMS's GcmModule lays it out: tag, length, security control, counter, text. */
    static RawMessageData sent(long counter, boolean longLength) {
        byte[] c = longLength ? new byte[300] : new byte[30];
        int pos = 0;
        c[pos++] = (byte) 0xC8;
        if (longLength) {
            c[pos++] = (byte) 0x82;
            c[pos++] = 0x01;
            c[pos++] = 0x20;
        } else {
            c[pos++] = 27;
        }
        c[pos++] = 0x30;
        c[pos++] = (byte) (counter >>> 24);
        c[pos++] = (byte) (counter >>> 16);
        c[pos++] = (byte) (counter >>> 8);
        c[pos] = (byte) counter;
        return RawMessageData.builder().setMessageSource(MessageSource.CLIENT)
                .setApdu(new RawMessageData.Apdu(new RawMessageData.CosemPdu(c, new byte[0]), null)).build();
    }

    @Test
    void readsTheCounterOfTheCipheredApdu() {
        assertEquals(0x01020304L, FrameCounterGuard.counterOf(sent(0x01020304L, false)));
        assertEquals(0xFFFFFFF0L, FrameCounterGuard.counterOf(sent(0xFFFFFFF0L, true)));
        RawMessageData plain = RawMessageData.builder().setMessageSource(MessageSource.CLIENT)
                .setApdu(new RawMessageData.Apdu(null, new byte[] {0x62, 0})).build();
        assertEquals(-1, FrameCounterGuard.counterOf(plain));
    }

    @Test
    void extendsTheWindowBeforeItRunsOut() throws Exception {
        CounterStore store = new CounterStore(dir);
        Window w = store.reserve("SIM000001", 1, 1, 16);
        FrameCounterGuard guard = new FrameCounterGuard(store, "SIM000001", 1, w, 16);
        for (long c = 1; c <= 100; c++) {
            guard.messageCaptured(sent(c, false));
            long stored = store.highWater("SIM000001", 1).getAsLong();
            assertTrue(stored > c + 1, "after sending " + c + " the next counter must be reserved, stored " + stored);
        }
        assertEquals(100, guard.highestSent());
        assertEquals(100, guard.framesSent());
    }

    @Test
    void aFailingStoreStopsTheNextFrame() throws Exception {
        Path file = dir.resolve("not-a-directory");
        Files.writeString(file, "x");
        CounterStore broken = new CounterStore(file);
        FrameCounterGuard guard = new FrameCounterGuard(broken, "SIM000001", 1, new Window(1, 17), 16);
        assertThrows(FrameCounterGuard.CounterUnavailable.class, () -> {
            for (long c = 1; c < 17; c++) {
                guard.messageCaptured(sent(c, false));
            }
        });
        assertTrue(guard.highestSent() < 16);
    }

    @Test
    void aFrameOutsideTheWindowIsRefused() throws Exception {
        CounterStore store = new CounterStore(dir);
        Window w = store.reserve("M", 1, 1, 100);
        FrameCounterGuard guard = new FrameCounterGuard(store, "M", 1, w, 100);
        assertThrows(FrameCounterGuard.CounterUnavailable.class, () -> guard.messageCaptured(sent(5000, false)));
    }
}
