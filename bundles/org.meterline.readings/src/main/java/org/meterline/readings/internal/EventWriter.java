package org.meterline.readings.internal;

import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.meterline.readings.api.MeterEvent;
import org.meterline.readings.api.WriteOutcome;

/**
 * Writes one chunk of meter events idempotently. Events are few next to readings, so on Derby a
 * batch that hits a duplicate key is finished row by row (a duplicate row fails alone and the
 * transaction goes on); PostgreSQL uses {@code unnest(...) ON CONFLICT DO NOTHING} as for readings.
 */
final class EventWriter {

    private static final String INSERT = "INSERT INTO ML_METER_EVENT (TENANT_ID, METER_ID, LOG_ITEM, OCCURRED_AT,"
            + " EVENT_CODE, EVENT_NAME) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String PG_INSERT = "INSERT INTO ML_METER_EVENT (TENANT_ID, METER_ID, LOG_ITEM, OCCURRED_AT,"
            + " EVENT_CODE, EVENT_NAME) SELECT ?, u.m, u.l, TIMESTAMP '1970-01-01 00:00:00' + u.t * INTERVAL '1 millisecond',"
            + " u.c, u.n FROM unnest(?::int8[], ?::int8[], ?::int8[], ?::int4[], ?::text[]) AS u(m, l, t, c, n)"
            + " ON CONFLICT DO NOTHING";
    private static final String DUPLICATE_KEY = "23505";

    private final Dialect dialect;

    EventWriter(Dialect dialect) {
        this.dialect = dialect;
    }

    WriteOutcome write(Connection c, long tenantId, List<MeterEvent> chunk) throws SQLException {
        return dialect == Dialect.POSTGRESQL ? writePostgres(c, tenantId, chunk) : writeDerby(c, tenantId, chunk);
    }

    private static WriteOutcome writePostgres(Connection c, long tenantId, List<MeterEvent> chunk) throws SQLException {
        int n = chunk.size();
        Long[] meters = new Long[n];
        Long[] logs = new Long[n];
        Long[] times = new Long[n];
        Integer[] codes = new Integer[n];
        String[] names = new String[n];
        for (int k = 0; k < n; k++) {
            MeterEvent e = chunk.get(k);
            meters[k] = e.meterId();
            logs[k] = ObisKey.pack(e.log());
            times[k] = e.at().toEpochMilli();
            codes[k] = e.code();
            names[k] = e.name();
        }
        Array[] arrays = {c.createArrayOf("int8", meters), c.createArrayOf("int8", logs),
                c.createArrayOf("int8", times), c.createArrayOf("int4", codes), c.createArrayOf("text", names)};
        try (PreparedStatement ps = c.prepareStatement(PG_INSERT)) {
            ps.setLong(1, tenantId);
            for (int k = 0; k < arrays.length; k++) {
                ps.setArray(k + 2, arrays[k]);
            }
            int inserted = ps.executeUpdate();
            return new WriteOutcome(inserted, n - inserted);
        } finally {
            for (Array a : arrays) {
                a.free();
            }
        }
    }

    private static WriteOutcome writeDerby(Connection c, long tenantId, List<MeterEvent> chunk) throws SQLException {
        Utc utc = new Utc();
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (MeterEvent e : chunk) {
                bind(ps, tenantId, e, utc);
                ps.addBatch();
            }
            try {
                ps.executeBatch();
                return new WriteOutcome(chunk.size(), 0);
            } catch (BatchUpdateException e) {
                ps.clearBatch();
                if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw e;
                }
                int done = e.getUpdateCounts() == null ? 0 : e.getUpdateCounts().length;
                int written = done;
                int present = 0;
                for (MeterEvent row : chunk.subList(done, chunk.size())) {
                    bind(ps, tenantId, row, utc);
                    try {
                        ps.executeUpdate();
                        written++;
                    } catch (SQLException ex) {
                        if (!DUPLICATE_KEY.equals(ex.getSQLState())) {
                            throw ex;
                        }
                        present++;
                    }
                }
                return new WriteOutcome(written, present);
            }
        }
    }

    private static void bind(PreparedStatement ps, long tenantId, MeterEvent e, Utc utc) throws SQLException {
        ps.setLong(1, tenantId);
        ps.setLong(2, e.meterId());
        ps.setLong(3, ObisKey.pack(e.log()));
        utc.set(ps, 4, e.at());
        ps.setInt(5, e.code());
        ps.setString(6, e.name());
    }
}
