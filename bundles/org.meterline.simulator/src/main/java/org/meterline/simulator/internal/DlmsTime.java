package org.meterline.simulator.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The 12-byte COSEM date-time octet string, always written in UTC (deviation 0, status 0).
 *
 * <p>Reading accepts a deviation: DLMS encodes it as minutes to add to the local time to get UTC (CET is
 * -60), and 0x8000 (not specified) as UTC. Unspecified fields (0xFF, year 0xFFFF) read as their lowest
 * value.
 */
public final class DlmsTime {

    public static final int LENGTH = 12;
    private static final int DEVIATION_NOT_SPECIFIED = 0x8000;

    private DlmsTime() {
    }

    public static byte[] encode(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        byte[] b = new byte[LENGTH];
        b[0] = (byte) (t.getYear() >> 8);
        b[1] = (byte) t.getYear();
        b[2] = (byte) t.getMonthValue();
        b[3] = (byte) t.getDayOfMonth();
        b[4] = (byte) t.getDayOfWeek().getValue();
        b[5] = (byte) t.getHour();
        b[6] = (byte) t.getMinute();
        b[7] = (byte) t.getSecond();
        b[8] = (byte) (instant.getNano() / 10_000_000);
        b[9] = 0;
        b[10] = 0;
        b[11] = 0;
        return b;
    }

    /**
     * Decodes a date-time octet string.
     *
     * @throws IllegalArgumentException if it is not 12 bytes or not a valid date and time
     */
    public static Instant decode(byte[] b) {
        if (b == null || b.length != LENGTH) {
            throw new IllegalArgumentException("a COSEM date-time has 12 bytes");
        }
        int year = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        if (year == 0xffff) {
            throw new IllegalArgumentException("year not specified");
        }
        int month = unspecified(b[2], 1);
        int day = unspecified(b[3], 1);
        int hour = unspecified(b[5], 0);
        int minute = unspecified(b[6], 0);
        int second = unspecified(b[7], 0);
        int hundredths = unspecified(b[8], 0);
        int deviation = ((b[9] & 0xff) << 8) | (b[10] & 0xff);
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, hundredths * 10_000_000);
            Instant instant = local.toInstant(ZoneOffset.UTC);
            if (deviation != DEVIATION_NOT_SPECIFIED) {
                instant = instant.plusSeconds(60L * (short) deviation);
            }
            return instant;
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("not a valid date-time", e);
        }
    }

    private static int unspecified(byte value, int lowest) {
        int v = value & 0xff;
        return v == 0xff ? lowest : v;
    }
}
