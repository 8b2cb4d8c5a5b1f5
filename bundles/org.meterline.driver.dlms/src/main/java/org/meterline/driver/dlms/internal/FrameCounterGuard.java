package org.meterline.driver.dlms.internal;

import org.meterline.driver.dlms.internal.CounterStore.CounterStoreException;
import org.meterline.driver.dlms.internal.CounterStore.Window;
import org.openmuc.jdlms.RawMessageData;
import org.openmuc.jdlms.RawMessageData.MessageSource;
import org.openmuc.jdlms.RawMessageListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every frame the jDLMS client sends and keeps the reservation ahead of the invocation counter.
 *
 * <p>Why a {@link RawMessageListener} and not counting the driver's own requests: jDLMS
 * ({@code BaseDlmsConnection.encodeAPdu}) takes {@code frameCounter++} for every ciphered APDU it encodes,
 * and it encodes more than the driver asks for: the AARQ (its ciphered initiate request), the HLS
 * pass-3 reply (an ACTION on the association object) and every GET-next-block request of a long answer.
 * Counting calls would undercount. The wrapper layer ({@code WrapperLayer.send}) hands every sent frame
 * to the listener, in the sending thread, right after the write and before the next APDU is encoded;
 * the listener reads the counter actually used from the ciphered APDU header (tag, length, security
 * control, 4-byte invocation counter). The release request (RLRQ) is not ciphered and uses none.
 *
 * <p>When the next counter comes within {@code margin} of the window's end, the window is extended in
 * the store (durable) before this method returns, so jDLMS cannot encode a frame with an unreserved
 * counter. If the store fails, the listener throws: the send fails and the session ends.
 */
final class FrameCounterGuard implements RawMessageListener {

    private static final Logger LOG = LoggerFactory.getLogger(FrameCounterGuard.class);

    /** Thrown into jDLMS's send path when no further counter may be used. */
    static final class CounterUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CounterUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final CounterStore store;
    private final String serial;
    private final int clientId;
    private final int windowSize;
    private final int margin;
    private volatile Window window;
    private volatile long highestSent = -1;
    private volatile long framesSent;

    FrameCounterGuard(CounterStore store, String serial, int clientId, Window window, int windowSize) {
        this.store = store;
        this.serial = serial;
        this.clientId = clientId;
        this.window = window;
        this.windowSize = windowSize;
        this.margin = Math.max(2, windowSize / 4);
    }

    /** The counter jDLMS starts with. */
    long start() {
        return window.start();
    }

    Window window() {
        return window;
    }

    long highestSent() {
        return highestSent;
    }

    long framesSent() {
        return framesSent;
    }

    @Override
    public void messageCaptured(RawMessageData data) {
        if (data.getMessageSource() != MessageSource.CLIENT) {
            return;
        }
        long counter = counterOf(data);
        if (counter < 0) {
            return;
        }
        framesSent++;
        if (counter > highestSent) {
            highestSent = counter;
        }
        Window w = window;
        if (counter >= w.end()) {
            // cannot happen while jDLMS counts one by one from start(); stop the session if it ever does
            LOG.error("Meter {}: invocation counter {} was outside the reserved window [{}, {})", serial, counter,
                    w.start(), w.end());
            throw new CounterUnavailable("invocation counter outside the reservation", null);
        }
        if (counter + 1 + margin >= w.end()) {
            try {
                window = store.extend(serial, clientId, w, windowSize);
            } catch (CounterStoreException e) {
                throw new CounterUnavailable(e.getMessage(), e);
            }
        }
    }

    /** Gives the unused rest of the lease back; call only once the connection is closed. */
    void release() {
        store.release(serial, clientId, window, highestSent);
    }

    /** The invocation counter of a sent frame's ciphered APDU; -1 when the frame has none. */
    static long counterOf(RawMessageData data) {
        RawMessageData.Apdu apdu = data.getApdu();
        if (apdu == null || apdu.getCosemPdu() == null) {
            return -1;
        }
        byte[] c = apdu.getCosemPdu().getCipheredCosemPdu();
        if (c == null || c.length < 2) {
            return -1;
        }
        int pos = 1; // tag
        int first = c[pos++] & 0xFF;
        if (first >= 0x80) {
            pos += first & 0x7F; // long form A-XDR length
        }
        pos++; // security control byte
        if (pos + 4 > c.length) {
            return -1;
        }
        return ((c[pos] & 0xFFL) << 24) | ((c[pos + 1] & 0xFFL) << 16) | ((c[pos + 2] & 0xFFL) << 8)
                | (c[pos + 3] & 0xFFL);
    }
}
