package org.meterline.core.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OBIS code (IEC 62056-61), the six value groups A-B:C.D.E*F that name a meter quantity, e.g.
 * {@code 1-0:1.8.0*255} (active energy import, total). Parsed from the usual spellings
 * ({@code 1-0:1.8.0.255}, {@code 1.0.1.8.0.255}, {@code 1-0:1.8.0}, F defaults to 255).
 */
public record ObisCode(int a, int b, int c, int d, int e, int f) {

    private static final Pattern FORMAL = Pattern.compile(
            "(\\d{1,3})-(\\d{1,3}):(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:[.*](\\d{1,3}))?");
    private static final Pattern DOTTED = Pattern.compile(
            "(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    public ObisCode {
        for (int group : new int[] {a, b, c, d, e, f}) {
            if (group < 0 || group > 255) {
                throw new IllegalArgumentException("OBIS value groups are 0..255");
            }
        }
    }

    /** Parses an OBIS code; a text that is none fails with a {@link ValidationException} on field "obis". */
    public static ObisCode parse(String text) {
        String t = text == null ? "" : text.trim();
        Matcher m = FORMAL.matcher(t);
        if (!m.matches()) {
            m = DOTTED.matcher(t);
        }
        if (!m.matches()) {
            throw new ValidationException("obis", "is not an OBIS code such as 1-0:1.8.0.255");
        }
        int[] g = new int[6];
        for (int i = 0; i < 6; i++) {
            String part = m.group(i + 1);
            g[i] = part == null ? 255 : Integer.parseInt(part);
            if (g[i] > 255) {
                throw new ValidationException("obis", "value groups of an OBIS code are 0..255");
            }
        }
        return new ObisCode(g[0], g[1], g[2], g[3], g[4], g[5]);
    }

    /** The six bytes, as DLMS addresses a COSEM object. */
    public byte[] bytes() {
        return new byte[] {(byte) a, (byte) b, (byte) c, (byte) d, (byte) e, (byte) f};
    }

    @Override
    public String toString() {
        return a + "-" + b + ":" + c + "." + d + "." + e + "." + f;
    }
}
