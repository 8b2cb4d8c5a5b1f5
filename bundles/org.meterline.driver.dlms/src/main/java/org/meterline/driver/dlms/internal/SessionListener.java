package org.meterline.driver.dlms.internal;

import org.openmuc.jdlms.RawMessageData;
import org.openmuc.jdlms.RawMessageData.MessageSource;
import org.openmuc.jdlms.RawMessageListener;

/**
 * The raw message listener of an authenticated session: feeds sent frames to the
 * {@link FrameCounterGuard} (HLS) and, until the association stands, looks at the meter's AARE.
 *
 * <p>Why the AARE is read here: a meter that rejects an association answers an AARE with the result
 * "rejected" and then closes the connection. jDLMS records the rejection and then the end of the
 * stream in the same slot ({@code APduBlockingQueue.putError}), so the caller may only see "closed by
 * remote host" — a retryable link problem — instead of the rejection. The listener sees the AARE
 * bytes first (jDLMS hands them over even when decoding fails), so the driver can still say
 * "authentication failed".
 */
final class SessionListener implements RawMessageListener {

    private final FrameCounterGuard guard;
    private volatile boolean associated;
    private volatile int result = -1;
    private volatile int diagnostic = -1;

    SessionListener(FrameCounterGuard guard) {
        this.guard = guard;
    }

    void associated() {
        associated = true;
    }

    /** The AARE result (0 accepted, 1 rejected-permanent, 2 rejected-transient); -1 if none was seen. */
    int result() {
        return result;
    }

    /** The acse-service-user diagnostic of a rejection (13 = authentication failure); -1 if none. */
    int diagnostic() {
        return diagnostic;
    }

    boolean rejected() {
        return result > 0;
    }

    @Override
    public void messageCaptured(RawMessageData data) {
        if (data.getMessageSource() == MessageSource.CLIENT) {
            if (guard != null) {
                guard.messageCaptured(data);
            }
            return;
        }
        if (associated || result >= 0) {
            return;
        }
        byte[] m = data.getMessage();
        if (m == null) {
            return;
        }
        if (m.length > 0 && (m[0] & 0xFF) == 0x61) {
            parseAare(m, 0);
        } else if (m.length > 8 && (m[8] & 0xFF) == 0x61) {
            parseAare(m, 8);
        }
    }

    /** Reads result [2] and result-source-diagnostic [3] of a BER-encoded AARE. */
    void parseAare(byte[] b, int start) {
        try {
            int[] pos = {start + 1};
            int end = Math.min(b.length, length(b, pos) + pos[0]);
            while (pos[0] < end) {
                int tag = b[pos[0]++] & 0xFF;
                int len = length(b, pos);
                int content = pos[0];
                if (tag == 0xA2) {
                    result = integer(b, content);
                } else if (tag == 0xA3 && content + 1 < b.length) {
                    int[] inner = {content + 1};
                    length(b, inner);
                    if ((b[content] & 0xFF) == 0xA1) {
                        diagnostic = integer(b, inner[0]);
                    }
                }
                pos[0] = content + len;
            }
        } catch (RuntimeException e) {
            // not an AARE this listener understands: leave it to jDLMS
        }
    }

    private static int integer(byte[] b, int pos) {
        if ((b[pos] & 0xFF) != 0x02) {
            return -1;
        }
        int len = b[pos + 1] & 0xFF;
        int v = 0;
        for (int i = 0; i < len; i++) {
            v = (v << 8) | (b[pos + 2 + i] & 0xFF);
        }
        return v;
    }

    private static int length(byte[] b, int[] pos) {
        int first = b[pos[0]++] & 0xFF;
        if (first < 0x80) {
            return first;
        }
        int n = first & 0x7F;
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (b[pos[0]++] & 0xFF);
        }
        return v;
    }
}
