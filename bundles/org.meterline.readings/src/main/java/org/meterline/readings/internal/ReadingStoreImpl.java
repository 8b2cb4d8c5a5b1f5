package org.meterline.readings.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Checks;
import org.meterline.core.api.MeterlineException;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Permission;
import org.meterline.core.api.ValidationException;
import org.meterline.persistence.SchemaMigrations;
import org.meterline.readings.api.Bucket;
import org.meterline.readings.api.EventQuery;
import org.meterline.readings.api.MeterEvent;
import org.meterline.readings.api.MeterScopeResolver;
import org.meterline.readings.api.Quality;
import org.meterline.readings.api.Reading;
import org.meterline.readings.api.ReadingPage;
import org.meterline.readings.api.ReadingStore;
import org.meterline.readings.api.Scope;
import org.meterline.readings.api.TimeUnit;
import org.meterline.readings.api.WriteOutcome;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The readings store on the platform's DataSource, in plain JDBC. Every row carries the caller's
 * TENANT_ID and every query is bound to it; see the module README for schema and semantics.
 */
@Component(service = ReadingStore.class, configurationPid = "org.meterline.readings")
@Designate(ocd = ReadingStoreImpl.Config.class)
public class ReadingStoreImpl implements ReadingStore {

    @ObjectClassDefinition(name = "Meterline readings store", description = "Readings and meter events (plain JDBC)")
    public @interface Config {
        @AttributeDefinition(description = "Rows written per transaction (one batch, one commit)", min = "100",
                max = "100000")
        int rowsPerCommit() default DEFAULT_ROWS_PER_COMMIT;
    }

    static final int DEFAULT_ROWS_PER_COMMIT = 4000;
    private static final Logger LOG = LoggerFactory.getLogger(ReadingStoreImpl.class);
    private static final int MAX_ERRORS = 20;
    /** Meter ids bound into one aggregate query. */
    private static final int METERS_PER_QUERY = 200;
    /** Up to this many bucket boundaries are bound as an IN list, so only boundary readings are fetched. */
    private static final int BOUNDARIES_IN_LIST = 400;
    private static final BigDecimal MAX_VALUE = new BigDecimal("1E25");

    private final DataSource dataSource;
    private final Dialect dialect;
    private final int rowsPerCommit;
    private final ReadingWriter readingWriter;
    private final EventWriter eventWriter;
    private volatile MeterScopeResolver resolver;

    @Activate
    public ReadingStoreImpl(@Reference(target = "(osgi.jndi.service.name=meterline)") DataSource dataSource,
            Config config) {
        this(dataSource, config.rowsPerCommit());
    }

    ReadingStoreImpl(DataSource dataSource, int rowsPerCommit) {
        SchemaMigrations.migrate(dataSource, "readings", ReadingStoreImpl.class.getClassLoader());
        this.dataSource = dataSource;
        this.rowsPerCommit = Math.max(1, rowsPerCommit);
        try (Connection c = dataSource.getConnection()) {
            this.dialect = Dialect.of(c.getMetaData());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the readings database: " + e.getMessage(), e);
        }
        this.readingWriter = new ReadingWriter(dialect);
        this.eventWriter = new EventWriter(dialect);
        LOG.info("Readings store on {}, {} rows per commit", dialect, this.rowsPerCommit);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setResolver(MeterScopeResolver r) {
        resolver = r;
    }

    void unsetResolver(MeterScopeResolver r) {
        if (resolver == r) {
            resolver = null;
        }
    }

    Dialect dialect() {
        return dialect;
    }

    // ---------------------------------------------------------------- writing

    @Override
    public WriteOutcome write(Caller caller, List<Reading> readings) {
        caller.require(Permission.write(AREA));
        validateReadings(readings);
        return inChunks(caller.tenantId(), readings, "readings", readingWriter::write);
    }

    @Override
    public Map<Long, WriteOutcome> writeByMeter(Caller caller, List<Reading> readings) {
        caller.require(Permission.write(AREA));
        validateReadings(readings);
        Map<Long, Integer> present = new java.util.HashMap<>();
        inChunks(caller.tenantId(), readings, "readings", (c, tenantId, chunk) -> readingWriter.write(c, tenantId,
                chunk, present));
        Map<Long, WriteOutcome> out = new java.util.LinkedHashMap<>();
        ReadingWriter.countByMeter(readings).forEach((meter, total) -> {
            int there = present.getOrDefault(meter, 0);
            out.put(meter, new WriteOutcome(total - there, there));
        });
        return out;
    }

    @Override
    public WriteOutcome writeEvents(Caller caller, List<MeterEvent> events) {
        caller.require(Permission.write(AREA));
        validateEvents(events);
        return inChunks(caller.tenantId(), events, "events", eventWriter::write);
    }

    private interface ChunkWriter<T> {
        WriteOutcome write(Connection c, long tenantId, List<T> chunk) throws SQLException;
    }

    private <T> WriteOutcome inChunks(long tenantId, List<T> rows, String what, ChunkWriter<T> writer) {
        if (rows.isEmpty()) {
            return WriteOutcome.NONE;
        }
        WriteOutcome total = WriteOutcome.NONE;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                for (int from = 0; from < rows.size(); from += rowsPerCommit) {
                    List<T> chunk = rows.subList(from, Math.min(rows.size(), from + rowsPerCommit));
                    WriteOutcome done = writer.write(c, tenantId, chunk);
                    c.commit();
                    total = total.plus(done);
                }
                return total;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            LOG.warn("Storing {} of customer {} failed after {} of {} rows were committed", what, tenantId,
                    total.total(), rows.size(), e);
            throw new MeterlineException("Storing " + what + " failed after " + total.total() + " of " + rows.size()
                    + " rows; writing the same list again is safe. " + e.getMessage(), e);
        }
    }

    private static void validateReadings(List<Reading> readings) {
        if (readings == null) {
            throw new ValidationException("readings", "is required");
        }
        Checks checks = new Checks();
        int errors = 0;
        for (int k = 0; k < readings.size() && errors < MAX_ERRORS; k++) {
            Reading r = readings.get(k);
            String field = "readings[" + k + "]";
            if (r == null) {
                checks.fail(field, "is required");
                errors++;
                continue;
            }
            if (r.meterId() <= 0) {
                checks.fail(field + ".meterId", "must be a meter id");
                errors++;
            }
            BigDecimal v = r.value();
            if (v.scale() > 6 && v.stripTrailingZeros().scale() > 6) {
                checks.fail(field + ".value", "may have at most 6 decimals");
                errors++;
            } else if (v.abs().compareTo(MAX_VALUE) >= 0) {
                checks.fail(field + ".value", "must have at most 25 digits before the decimal point");
                errors++;
            }
        }
        checks.throwIfAny();
    }

    private static void validateEvents(List<MeterEvent> events) {
        if (events == null) {
            throw new ValidationException("events", "is required");
        }
        Checks checks = new Checks();
        for (int k = 0; k < events.size(); k++) {
            MeterEvent e = events.get(k);
            String field = "events[" + k + "]";
            if (e == null) {
                checks.fail(field, "is required");
            } else {
                checks.check(e.meterId() > 0, field + ".meterId", "must be a meter id")
                        .optionalText(field + ".name", e.name(), 100);
            }
        }
        checks.throwIfAny();
    }

    // ---------------------------------------------------------------- queries

    @Override
    public ReadingPage readings(Caller caller, long meterId, ObisCode item, Instant from, Instant to, int limit) {
        caller.require(Permission.read(AREA));
        new Checks().required("item", item).required("from", from).required("to", to)
                .check(limit >= 1 && limit <= MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT).throwIfAny();
        checkPeriod(from, to);
        Utc utc = new Utc();
        String sql = "SELECT READ_AT, READING_VALUE, QUALITY FROM ML_READING WHERE TENANT_ID = ? AND METER_ID = ?"
                + " AND ITEM = ? AND READ_AT >= ? AND READ_AT < ? ORDER BY READ_AT";
        List<Reading> out = new ArrayList<>();
        Quality[] qualities = Quality.values();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, caller.tenantId());
            ps.setLong(2, meterId);
            ps.setLong(3, ObisKey.pack(item));
            utc.set(ps, 4, from);
            utc.set(ps, 5, to);
            ps.setMaxRows(limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Reading(meterId, item, utc.get(rs, 1), plain(rs.getBigDecimal(2)),
                            qualities[rs.getShort(3)]));
                }
            }
        } catch (SQLException e) {
            throw failed("Reading", e);
        }
        if (out.size() > limit) {
            out.remove(limit);
            return new ReadingPage(out, Optional.of(out.get(limit - 1).at().plusMillis(1)));
        }
        return new ReadingPage(out, Optional.empty());
    }

    @Override
    public java.util.Set<Long> metersWithReadingAt(Caller caller, java.util.Collection<Long> meterIds, ObisCode item,
            Instant at) {
        caller.require(Permission.read(AREA));
        new Checks().required("meterIds", meterIds).required("item", item).required("at", at).throwIfAny();
        List<Long> ids = new ArrayList<>(new java.util.LinkedHashSet<>(meterIds));
        java.util.Set<Long> found = new java.util.HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        Utc utc = new Utc();
        try (Connection c = dataSource.getConnection()) {
            if (dialect == Dialect.POSTGRESQL) {
                // one statement: the meter ids as an array
                try (PreparedStatement ps = c.prepareStatement("SELECT METER_ID FROM ML_READING WHERE TENANT_ID = ?"
                        + " AND ITEM = ? AND READ_AT = ? AND METER_ID = ANY (?)")) {
                    ps.setLong(1, caller.tenantId());
                    ps.setLong(2, ObisKey.pack(item));
                    utc.set(ps, 3, at);
                    ps.setArray(4, c.createArrayOf("int8", ids.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getLong(1));
                        }
                    }
                }
            } else {
                // Derby probes an IN list only on an index's first column (here the tenant), so it would scan the
                // customer's rows; a point lookup on the whole primary key per meter is far cheaper
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ML_READING WHERE TENANT_ID = ?"
                        + " AND METER_ID = ? AND ITEM = ? AND READ_AT = ?")) {
                    ps.setLong(1, caller.tenantId());
                    ps.setLong(3, ObisKey.pack(item));
                    utc.set(ps, 4, at);
                    for (Long id : ids) {
                        ps.setLong(2, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                found.add(id);
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw failed("Reading", e);
        }
        return found;
    }

    @Override
    public Page<MeterEvent> events(Caller caller, long meterId, Instant from, Instant to, PageRequest page) {
        caller.require(Permission.read(AREA));
        new Checks().required("from", from).required("to", to).required("page", page).throwIfAny();
        checkPeriod(from, to);
        if (page.sortField() != null && !"at".equals(page.sortField())) {
            throw new ValidationException("sort", "cannot sort by " + page.sortField() + "; use at");
        }
        String where = " FROM ML_METER_EVENT WHERE TENANT_ID = ? AND METER_ID = ? AND OCCURRED_AT >= ?"
                + " AND OCCURRED_AT < ?";
        String dir = page.ascending() ? " ASC" : " DESC";
        String select = "SELECT LOG_ITEM, OCCURRED_AT, EVENT_CODE, EVENT_NAME" + where + " ORDER BY OCCURRED_AT" + dir
                + ", LOG_ITEM, EVENT_CODE OFFSET " + page.offset() + " ROWS FETCH NEXT " + page.limit() + " ROWS ONLY";
        Utc utc = new Utc();
        try (Connection c = dataSource.getConnection()) {
            List<MeterEvent> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(select)) {
                bindEventPeriod(ps, caller.tenantId(), meterId, from, to, utc);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new MeterEvent(meterId, ObisKey.unpack(rs.getLong(1)), utc.get(rs, 2), rs.getInt(3),
                                rs.getString(4)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + where)) {
                bindEventPeriod(ps, caller.tenantId(), meterId, from, to, utc);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Page<>(items, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw failed("Reading events", e);
        }
    }

    @Override
    public Page<MeterEvent> events(Caller caller, EventQuery query) {
        caller.require(Permission.read(AREA));
        new Checks().required("query", query).throwIfAny();
        PageRequest page = query.page();
        new Checks().required("from", query.from()).required("to", query.to())
                .check(query.meterIds().size() <= MAX_EVENT_IDS, "meterIds", "at most " + MAX_EVENT_IDS)
                .check(query.logs().size() <= MAX_EVENT_IDS, "logs", "at most " + MAX_EVENT_IDS)
                .check(query.codes().size() <= MAX_EVENT_IDS, "codes", "at most " + MAX_EVENT_IDS).throwIfAny();
        checkPeriod(query.from(), query.to());
        if (page.sortField() != null && !"at".equals(page.sortField())) {
            throw new ValidationException("sort", "cannot sort by " + page.sortField() + "; use at");
        }
        // (TENANT_ID, OCCURRED_AT) index (V2) for the customer's period, the primary key with meters
        StringBuilder where = new StringBuilder(" FROM ML_METER_EVENT WHERE TENANT_ID = ? AND OCCURRED_AT >= ?"
                + " AND OCCURRED_AT < ?");
        if (!query.meterIds().isEmpty()) {
            where.append(" AND METER_ID IN (").append(marks(query.meterIds().size())).append(')');
        }
        if (!query.logs().isEmpty()) {
            where.append(" AND LOG_ITEM IN (").append(marks(query.logs().size())).append(')');
        }
        if (!query.codes().isEmpty()) {
            where.append(" AND EVENT_CODE IN (").append(marks(query.codes().size())).append(')');
        }
        String dir = page.ascending() ? " ASC" : " DESC";
        String select = "SELECT METER_ID, LOG_ITEM, OCCURRED_AT, EVENT_CODE, EVENT_NAME" + where + " ORDER BY OCCURRED_AT"
                + dir + ", METER_ID, LOG_ITEM, EVENT_CODE OFFSET " + page.offset() + " ROWS FETCH NEXT " + page.limit()
                + " ROWS ONLY";
        Utc utc = new Utc();
        try (Connection c = dataSource.getConnection()) {
            List<MeterEvent> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(select)) {
                bindEventQuery(ps, caller.tenantId(), query, utc);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new MeterEvent(rs.getLong(1), ObisKey.unpack(rs.getLong(2)), utc.get(rs, 3),
                                rs.getInt(4), rs.getString(5)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + where)) {
                bindEventQuery(ps, caller.tenantId(), query, utc);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Page<>(items, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw failed("Reading events", e);
        }
    }

    private static void bindEventQuery(PreparedStatement ps, long tenantId, EventQuery query, Utc utc)
            throws SQLException {
        int p = 1;
        ps.setLong(p++, tenantId);
        utc.set(ps, p++, query.from());
        utc.set(ps, p++, query.to());
        for (long id : query.meterIds().stream().sorted().collect(Collectors.toList())) {
            ps.setLong(p++, id);
        }
        for (ObisCode log : query.logs()) {
            ps.setLong(p++, ObisKey.pack(log));
        }
        for (int code : query.codes()) {
            ps.setInt(p++, code);
        }
    }

    private static void bindEventPeriod(PreparedStatement ps, long tenantId, long meterId, Instant from, Instant to,
            Utc utc) throws SQLException {
        ps.setLong(1, tenantId);
        ps.setLong(2, meterId);
        utc.set(ps, 3, from);
        utc.set(ps, 4, to);
    }

    @Override
    public List<Bucket> aggregate(Caller caller, Scope scope, ObisCode item, Instant from, Instant to, TimeUnit unit,
            ZoneId zone) {
        caller.require(Permission.read(AREA));
        new Checks().required("scope", scope).required("item", item).required("from", from).required("to", to)
                .required("unit", unit).required("zone", zone).throwIfAny();
        checkPeriod(from, to);
        List<Instant> bounds = Buckets.boundaries(from, to, unit, zone, MAX_LIMIT);
        int n = bounds.size() - 1;
        BigDecimal[] sums = new BigDecimal[n];
        Arrays.fill(sums, BigDecimal.ZERO);
        int[] meters = new int[n];

        List<Long> meterIds = meterIds(caller, scope).stream().sorted().collect(Collectors.toList());
        Map<Long, Integer> boundaryIndex = new HashMap<>();
        for (int k = 0; k < bounds.size(); k++) {
            boundaryIndex.put(bounds.get(k).toEpochMilli(), k);
        }
        boolean boundariesInList = unit != TimeUnit.QUARTER_HOUR && bounds.size() <= BOUNDARIES_IN_LIST;
        Utc utc = new Utc();
        try (Connection c = dataSource.getConnection()) {
            for (int start = 0; start < meterIds.size(); start += METERS_PER_QUERY) {
                List<Long> chunk = meterIds.subList(start, Math.min(meterIds.size(), start + METERS_PER_QUERY));
                String sql = "SELECT METER_ID, READ_AT, READING_VALUE FROM ML_READING WHERE TENANT_ID = ? AND ITEM = ?"
                        + " AND METER_ID IN (" + marks(chunk.size()) + ") AND READ_AT >= ? AND READ_AT <= ?"
                        + " AND QUALITY <> " + Quality.BAD.ordinal()
                        + (boundariesInList ? " AND READ_AT IN (" + marks(bounds.size()) + ")" : "")
                        + " ORDER BY METER_ID, READ_AT";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int p = 1;
                    ps.setLong(p++, caller.tenantId());
                    ps.setLong(p++, ObisKey.pack(item));
                    for (long id : chunk) {
                        ps.setLong(p++, id);
                    }
                    utc.set(ps, p++, bounds.get(0));
                    utc.set(ps, p++, bounds.get(n));
                    if (boundariesInList) {
                        for (Instant b : bounds) {
                            utc.set(ps, p++, b);
                        }
                    }
                    ps.setFetchSize(1000);
                    try (ResultSet rs = ps.executeQuery()) {
                        addDeltas(rs, utc, boundaryIndex, sums, meters);
                    }
                }
            }
        } catch (SQLException e) {
            throw failed("Aggregating readings", e);
        }
        List<Bucket> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(new Bucket(bounds.get(k).atZone(zone).toLocalDateTime(), bounds.get(k), bounds.get(k + 1),
                    plain(sums[k]), meters[k]));
        }
        return out;
    }

    /** Rows come ordered by meter: per meter, the values at the boundaries, then a delta per bucket with both ends. */
    private static void addDeltas(ResultSet rs, Utc utc, Map<Long, Integer> boundaryIndex, BigDecimal[] sums,
            int[] meters) throws SQLException {
        BigDecimal[] atBoundary = new BigDecimal[sums.length + 1];
        long meter = Long.MIN_VALUE;
        while (rs.next()) {
            long m = rs.getLong(1);
            if (m != meter) {
                flush(atBoundary, sums, meters);
                meter = m;
            }
            Integer k = boundaryIndex.get(utc.get(rs, 2).toEpochMilli());
            if (k != null) {
                atBoundary[k] = rs.getBigDecimal(3);
            }
        }
        flush(atBoundary, sums, meters);
    }

    private static void flush(BigDecimal[] atBoundary, BigDecimal[] sums, int[] meters) {
        for (int k = 0; k < sums.length; k++) {
            if (atBoundary[k] != null && atBoundary[k + 1] != null) {
                sums[k] = sums[k].add(atBoundary[k + 1].subtract(atBoundary[k]));
                meters[k]++;
            }
        }
        Arrays.fill(atBoundary, null);
    }

    private Set<Long> meterIds(Caller caller, Scope scope) {
        if (scope.kind() == Scope.Kind.METER) {
            return Set.of(scope.id());
        }
        MeterScopeResolver r = resolver;
        if (r == null) {
            throw new MeterlineException("Aggregating by " + scope.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " needs the archive, which is not running; aggregate by meter instead.");
        }
        return r.meterIds(caller, scope);
    }

    /** Without trailing zeros and never in exponent form: 10.500000 becomes 10.5, 40.000000 becomes 40. */
    static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static void checkPeriod(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new ValidationException("to", "must be after from");
        }
    }

    private static MeterlineException failed(String what, SQLException e) {
        LOG.warn("{} failed", what, e);
        return new MeterlineException(what + " failed: " + e.getMessage(), e);
    }
}
