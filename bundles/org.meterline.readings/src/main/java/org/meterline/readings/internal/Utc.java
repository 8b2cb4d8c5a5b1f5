package org.meterline.readings.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Binds and reads TIMESTAMP columns as UTC wall-clock values, whatever the JVM's default time
 * zone is. A calendar is not thread-safe: one {@code Utc} per statement or call.
 */
final class Utc {

    private final Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);

    void set(PreparedStatement ps, int index, Instant instant) throws SQLException {
        ps.setTimestamp(index, Timestamp.from(instant), calendar);
    }

    Instant get(ResultSet rs, int index) throws SQLException {
        return rs.getTimestamp(index, calendar).toInstant();
    }
}
