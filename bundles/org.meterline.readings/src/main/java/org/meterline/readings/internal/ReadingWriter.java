package org.meterline.readings.internal;

import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.meterline.readings.api.Reading;
import org.meterline.readings.api.WriteOutcome;

/**
 * Writes one chunk of readings inside the caller's transaction, idempotently.
 *
 * <ul>
 * <li><b>PostgreSQL</b>: the chunk goes as five arrays into one
 * {@code INSERT ... SELECT FROM unnest(...) ON CONFLICT DO NOTHING}; the update count is the
 * number of new rows, whatever the connection's batch settings.
 * <li><b>Derby</b> (no {@code ON CONFLICT}): a plain JDBC batch insert, as fast as raw JDBC when
 * nothing is stored yet. Derby stops a batch at the first duplicate key and keeps the rows before
 * it; the rest of the chunk is then checked against the table (one range query per meter and
 * item), the rows already there are dropped and the others inserted as a batch again. A replay
 * therefore costs a few range queries, not one failing insert per row.
 * </ul>
 */
final class ReadingWriter {

    static final String INSERT = "INSERT INTO ML_READING (TENANT_ID, METER_ID, ITEM, READ_AT, READING_VALUE, QUALITY)"
            + " VALUES (?, ?, ?, ?, ?, ?)";
    static final String PG_INSERT = "INSERT INTO ML_READING (TENANT_ID, METER_ID, ITEM, READ_AT, READING_VALUE, QUALITY)"
            + " SELECT ?, u.m, u.i, TIMESTAMP '1970-01-01 00:00:00' + u.t * INTERVAL '1 millisecond',"
            + " CAST(u.v AS NUMERIC(31,6)), u.q"
            + " FROM unnest(?::int8[], ?::int8[], ?::int8[], ?::text[], ?::int2[]) AS u(m, i, t, v, q)"
            + " ON CONFLICT DO NOTHING";
    private static final String EXISTING = "SELECT READ_AT FROM ML_READING WHERE TENANT_ID = ? AND METER_ID = ?"
            + " AND ITEM = ? AND READ_AT >= ? AND READ_AT <= ?";
    private static final String DUPLICATE_KEY = "23505";
    /** Each round stores or drops at least one row; the bound only guards against a driver that misreports. */
    private static final int MAX_ROUNDS = 50;

    private final Dialect dialect;

    ReadingWriter(Dialect dialect) {
        this.dialect = dialect;
    }

    WriteOutcome write(Connection c, long tenantId, List<Reading> chunk) throws SQLException {
        return write(c, tenantId, chunk, null);
    }

    /**
     * Writes the chunk; with a {@code present} map, also counts per meter the rows that were stored already
     * (on PostgreSQL this makes the insert return the meter of each new row).
     */
    WriteOutcome write(Connection c, long tenantId, List<Reading> chunk, Map<Long, Integer> present)
            throws SQLException {
        return dialect == Dialect.POSTGRESQL ? writePostgres(c, tenantId, chunk, present)
                : writeDerby(c, tenantId, chunk, present);
    }

    private static WriteOutcome writePostgres(Connection c, long tenantId, List<Reading> chunk,
            Map<Long, Integer> present) throws SQLException {
        int n = chunk.size();
        Long[] meters = new Long[n];
        Long[] items = new Long[n];
        Long[] times = new Long[n];
        String[] values = new String[n];
        Short[] qualities = new Short[n];
        for (int k = 0; k < n; k++) {
            Reading r = chunk.get(k);
            meters[k] = r.meterId();
            items[k] = ObisKey.pack(r.item());
            times[k] = r.at().toEpochMilli();
            values[k] = r.value().toPlainString();
            qualities[k] = (short) r.quality().ordinal();
        }
        Array[] arrays = {c.createArrayOf("int8", meters), c.createArrayOf("int8", items),
                c.createArrayOf("int8", times), c.createArrayOf("text", values), c.createArrayOf("int2", qualities)};
        try (PreparedStatement ps = c.prepareStatement(present == null ? PG_INSERT : PG_INSERT + " RETURNING METER_ID")) {
            ps.setLong(1, tenantId);
            for (int k = 0; k < arrays.length; k++) {
                ps.setArray(k + 2, arrays[k]);
            }
            if (present == null) {
                int inserted = ps.executeUpdate();
                return new WriteOutcome(inserted, n - inserted);
            }
            Map<Long, Integer> inserted = new java.util.HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.merge(rs.getLong(1), 1, Integer::sum);
                }
            }
            countNotWritten(present, chunk, inserted);
            int written = inserted.values().stream().mapToInt(Integer::intValue).sum();
            return new WriteOutcome(written, n - written);
        } finally {
            for (Array a : arrays) {
                a.free();
            }
        }
    }

    private static WriteOutcome writeDerby(Connection c, long tenantId, List<Reading> chunk, Map<Long, Integer> present)
            throws SQLException {
        Utc utc = new Utc();
        List<Reading> pending = chunk;
        int written = 0;
        int alreadyThere = 0;
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (int round = 0; !pending.isEmpty(); round++) {
                if (round > 0) {
                    List<Reading> fresh = withoutStored(c, tenantId, pending, utc);
                    alreadyThere += pending.size() - fresh.size();
                    if (present != null) {
                        countNotWritten(present, pending, countByMeter(fresh));
                    }
                    pending = fresh;
                    if (pending.isEmpty()) {
                        break;
                    }
                }
                for (Reading r : pending) {
                    bind(ps, tenantId, r, utc);
                    ps.addBatch();
                }
                try {
                    ps.executeBatch();
                    written += pending.size();
                    pending = List.of();
                } catch (BatchUpdateException e) {
                    ps.clearBatch();
                    if (!DUPLICATE_KEY.equals(e.getSQLState()) || round >= MAX_ROUNDS) {
                        throw e;
                    }
                    // Derby ran the batch up to the failing row; those rows stay in the transaction
                    int done = e.getUpdateCounts() == null ? 0 : e.getUpdateCounts().length;
                    written += done;
                    pending = pending.subList(done, pending.size());
                }
            }
        }
        return new WriteOutcome(written, alreadyThere);
    }

    /** Adds to {@code present}, per meter, how many of {@code offered} are not among the {@code kept} counts. */
    private static void countNotWritten(Map<Long, Integer> present, List<Reading> offered, Map<Long, Integer> kept) {
        countByMeter(offered).forEach((meter, n) -> {
            int notWritten = n - kept.getOrDefault(meter, 0);
            if (notWritten > 0) {
                present.merge(meter, notWritten, Integer::sum);
            }
        });
    }

        static Map<Long, Integer> countByMeter(List<Reading> rows) {
        Map<Long, Integer> out = new java.util.HashMap<>();
        for (Reading r : rows) {
            out.merge(r.meterId(), 1, Integer::sum);
        }
        return out;
    }

    static void bind(PreparedStatement ps, long tenantId, Reading r, Utc utc) throws SQLException {
        ps.setLong(1, tenantId);
        ps.setLong(2, r.meterId());
        ps.setLong(3, ObisKey.pack(r.item()));
        utc.set(ps, 4, r.at());
        ps.setBigDecimal(5, r.value());
        ps.setShort(6, (short) r.quality().ordinal());
    }

    /** The rows whose key is not stored yet (nor earlier in {@code rows}), in their order. */
    private static List<Reading> withoutStored(Connection c, long tenantId, List<Reading> rows, Utc utc)
            throws SQLException {
        Map<List<Long>, List<Reading>> groups = new LinkedHashMap<>();
        for (Reading r : rows) {
            groups.computeIfAbsent(List.of(r.meterId(), ObisKey.pack(r.item())), k -> new ArrayList<>()).add(r);
        }
        Set<List<Long>> stored = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(EXISTING)) {
            for (Map.Entry<List<Long>, List<Reading>> g : groups.entrySet()) {
                long min = Long.MAX_VALUE;
                long max = Long.MIN_VALUE;
                for (Reading r : g.getValue()) {
                    min = Math.min(min, r.at().toEpochMilli());
                    max = Math.max(max, r.at().toEpochMilli());
                }
                ps.setLong(1, tenantId);
                ps.setLong(2, g.getKey().get(0));
                ps.setLong(3, g.getKey().get(1));
                utc.set(ps, 4, java.time.Instant.ofEpochMilli(min));
                utc.set(ps, 5, java.time.Instant.ofEpochMilli(max));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.add(List.of(g.getKey().get(0), g.getKey().get(1), utc.get(rs, 1).toEpochMilli()));
                    }
                }
            }
        }
        List<Reading> fresh = new ArrayList<>(rows.size());
        for (Reading r : rows) {
            if (stored.add(List.of(r.meterId(), ObisKey.pack(r.item()), r.at().toEpochMilli()))) {
                fresh.add(r);
            }
        }
        return fresh;
    }
}
