package org.meterline.driver.dlms.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.openmuc.jdlms.datatypes.CosemDateTime;
import org.openmuc.jdlms.datatypes.DataObject;
import org.openmuc.jdlms.datatypes.DataObject.Type;

/** Conversions between jDLMS {@link DataObject}s and Java values. */
final class CosemData {

    private static final int DEVIATION_UNSPECIFIED = 0x8000;

    private CosemData() {
    }

    /** A number, a boolean (1/0) or an enum as a number; empty for anything else. */
    static Optional<BigDecimal> number(DataObject d) {
        if (d == null) {
            return Optional.empty();
        }
        if (d.isBoolean()) {
            return Optional.of(((Boolean) d.getValue()) ? BigDecimal.ONE : BigDecimal.ZERO);
        }
        if (!d.isNumber()) {
            return Optional.empty();
        }
        Object v = d.getValue();
        if (v instanceof BigInteger b) {
            return Optional.of(new BigDecimal(b));
        }
        if (v instanceof Float f) {
            return Optional.of(new BigDecimal(Float.toString(f)));
        }
        if (v instanceof Double x) {
            return Optional.of(BigDecimal.valueOf(x));
        }
        if (v instanceof Number n) {
            return Optional.of(BigDecimal.valueOf(n.longValue()));
        }
        return Optional.empty();
    }

    /** Text of an octet/visible/UTF-8 string, when it is printable ASCII or UTF-8 text. */
    static Optional<String> text(DataObject d) {
        if (d == null || !d.isByteArray()) {
            return Optional.empty();
        }
        byte[] bytes = d.getValue();
        for (byte b : bytes) {
            if ((b & 0xFF) < 0x20 && b != '\t') {
                return Optional.empty();
            }
        }
        return Optional.of(new String(bytes, d.getType() == Type.UTF8_STRING ? StandardCharsets.UTF_8
                : StandardCharsets.ISO_8859_1));
    }

    /** A date-time from an octet string of 12 bytes or a DATE_TIME; empty for null data or "not specified". */
    static Optional<Instant> instant(DataObject d) {
        if (d == null || d.isNull()) {
            return Optional.empty();
        }
        byte[] b;
        if (d.getType() == Type.DATE_TIME) {
            b = ((CosemDateTime) d.getValue()).encode();
        } else if (d.getType() == Type.OCTET_STRING) {
            b = d.getValue();
        } else {
            throw new IllegalArgumentException("not a date-time: " + d.getType());
        }
        return instant(b);
    }

    static Optional<Instant> instant(byte[] b) {
        if (b.length != 12) {
            throw new IllegalArgumentException("a date-time has 12 bytes, not " + b.length);
        }
        int year = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
        int month = b[2] & 0xFF;
        int day = b[3] & 0xFF;
        int hour = b[5] & 0xFF;
        int minute = b[6] & 0xFF;
        int second = b[7] & 0xFF;
        int hundredths = b[8] & 0xFF;
        int deviation = (short) (((b[9] & 0xFF) << 8) | (b[10] & 0xFF));
        if (year == 0xFFFF || month == 0xFF || day == 0xFF || hour == 0xFF || minute == 0xFF) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second == 0xFF ? 0 : second,
                    hundredths == 0xFF ? 0 : hundredths * 10_000_000);
            // deviation in minutes, DLMS UA 1000-1 convention: local time = UTC - deviation
            int dev = (deviation & 0xFFFF) == DEVIATION_UNSPECIFIED ? 0 : deviation;
            return Optional.of(local.toInstant(ZoneOffset.UTC).plusSeconds(dev * 60L));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a valid date-time: " + HexFormat.of().formatHex(b), e);
        }
    }

    /** An octet-string date-time in UTC (deviation 0, status OK). */
    static byte[] encode(Instant t) {
        LocalDateTime l = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        return new byte[] {(byte) (l.getYear() >> 8), (byte) l.getYear(), (byte) l.getMonthValue(),
            (byte) l.getDayOfMonth(), (byte) l.getDayOfWeek().getValue(), (byte) l.getHour(), (byte) l.getMinute(),
            (byte) l.getSecond(), (byte) (l.getNano() / 10_000_000), 0, 0, 0};
    }

    static DataObject dateTime(Instant t) {
        return DataObject.newOctetStringData(encode(t));
    }

    static List<DataObject> list(DataObject d) {
        if (d == null || !d.isComplex()) {
            throw new IllegalArgumentException("not a structure or array: " + (d == null ? "nothing" : d.getType()));
        }
        return d.getValue();
    }

    /**
     * {@code text} as a value of {@code template}'s type: numbers range-checked, booleans, enums, strings;
     * octet strings as hex (or as text when the current value is printable text).
     */
    static DataObject asTypeOf(DataObject template, String text) {
        String t = text.trim();
        switch (template.getType()) {
            case BOOLEAN:
                if (t.equalsIgnoreCase("true") || t.equals("1")) {
                    return DataObject.newBoolData(true);
                }
                if (t.equalsIgnoreCase("false") || t.equals("0")) {
                    return DataObject.newBoolData(false);
                }
                throw new IllegalArgumentException("'" + text + "' is not a boolean (true/false)");
            case INTEGER:
                return DataObject.newInteger8Data((byte) integer(t, -128, 127));
            case UNSIGNED:
                return DataObject.newUInteger8Data((short) integer(t, 0, 255));
            case LONG_INTEGER:
                return DataObject.newInteger16Data((short) integer(t, Short.MIN_VALUE, Short.MAX_VALUE));
            case LONG_UNSIGNED:
                return DataObject.newUInteger16Data((int) integer(t, 0, 65535));
            case DOUBLE_LONG:
                return DataObject.newInteger32Data((int) integer(t, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case DOUBLE_LONG_UNSIGNED:
                return DataObject.newUInteger32Data(integer(t, 0, 0xFFFF_FFFFL));
            case LONG64:
                return DataObject.newInteger64Data(integer(t, Long.MIN_VALUE, Long.MAX_VALUE));
            case LONG64_UNSIGNED:
                return DataObject.newUInteger64Data(integer(t, 0, Long.MAX_VALUE));
            case ENUMERATE:
                return DataObject.newEnumerateData((int) integer(t, 0, 255));
            case FLOAT32:
                return DataObject.newFloat32Data(Float.parseFloat(t));
            case FLOAT64:
                return DataObject.newFloat64Data(Double.parseDouble(t));
            case VISIBLE_STRING:
                return DataObject.newVisibleStringData(text.getBytes(StandardCharsets.US_ASCII));
            case UTF8_STRING:
                return DataObject.newUtf8StringData(text.getBytes(StandardCharsets.UTF_8));
            case OCTET_STRING:
                if (text(template).isPresent() && !t.matches("(?i)(0x)?[0-9a-f]*") ) {
                    return DataObject.newOctetStringData(text.getBytes(StandardCharsets.ISO_8859_1));
                }
                try {
                    return DataObject.newOctetStringData(HexFormat.of().parseHex(t.replaceFirst("(?i)^0x", "")));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'" + text + "' is not hex octets");
                }
            default:
                throw new IllegalArgumentException("writing a value of type " + template.getType()
                        + " from text is not supported");
        }
    }

    private static long integer(String t, long min, long max) {
        BigDecimal v;
        try {
            v = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + t + "' is not a number");
        }
        BigInteger i;
        try {
            i = v.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(t + " is not an integer");
        }
        if (i.compareTo(BigInteger.valueOf(min)) < 0 || i.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new IllegalArgumentException(t + " is out of range " + min + ".." + max);
        }
        return i.longValue();
    }
}
