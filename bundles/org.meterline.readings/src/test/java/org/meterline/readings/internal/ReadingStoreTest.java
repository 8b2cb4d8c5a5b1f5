package org.meterline.readings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.meterline.archive.api.Poc;
import org.meterline.archive.api.PocService;
import org.meterline.core.api.Caller;
import org.meterline.core.api.ForbiddenException;
import org.meterline.core.api.MeterlineException;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Role;
import org.meterline.core.api.ValidationException;
import org.meterline.grid.api.GridService;
import org.meterline.grid.api.PowerGrid;
import org.meterline.readings.api.Bucket;
import org.meterline.readings.api.EventQuery;
import org.meterline.readings.api.MeterEvent;
import org.meterline.readings.api.Quality;
import org.meterline.readings.api.Reading;
import org.meterline.readings.api.ReadingPage;
import org.meterline.readings.api.Scope;
import org.meterline.readings.api.TimeUnit;
import org.meterline.readings.api.WriteOutcome;
import org.meterline.readings.internal.TestDatabases.Kind;

/** The readings store on real Derby and real PostgreSQL: every test runs on both. */
class ReadingStoreTest {

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    private static final ObisCode ENERGY = ObisCode.parse("1-0:1.8.0.255");
    private static final ObisCode EXPORT = ObisCode.parse("1-0:2.8.0.255");
    private static final ObisCode EVENT_LOG = ObisCode.parse("0-0:99.98.0.255");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration QUARTER = Duration.ofMinutes(15);

    private final Caller acme = caller(10, Role.OPERATOR);
    private final Caller beta = caller(20, Role.OPERATOR);
    private DataSource ds;

    private static Caller caller(long tenant, Role role) {
        return new Caller("user" + tenant + role, tenant * 100 + role.ordinal(), tenant, tenant, EnumSet.of(role));
    }

    private ReadingStoreImpl store(Kind kind) throws SQLException {
        return store(kind, ReadingStoreImpl.DEFAULT_ROWS_PER_COMMIT);
    }

    private ReadingStoreImpl store(Kind kind, int rowsPerCommit) throws SQLException {
        ds = DBS.open(kind);
        ReadingStoreImpl store = new ReadingStoreImpl(ds, rowsPerCommit);
        assertEquals(kind.name(), store.dialect().name());
        return store;
    }

    /** Cumulative readings every 15 minutes from {@code from} to {@code to} inclusive, +{@code step} each. */
    private static List<Reading> profile(long meter, Instant from, Instant to, String start, String step) {
        List<Reading> out = new ArrayList<>();
        BigDecimal value = new BigDecimal(start);
        for (Instant t = from; !t.isAfter(to); t = t.plus(QUARTER)) {
            out.add(Reading.good(meter, ENERGY, t, ReadingStoreImpl.plain(value)));
            value = value.add(new BigDecimal(step));
        }
        return out;
    }

    private static Instant localMidnight(int year, int month, int day) {
        return LocalDate.of(year, month, day).atStartOfDay(BERLIN).toInstant();
    }

    private long count(String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void writingManyMetersAtOnceSaysPerMeterWhatWasStoredAlready(Kind kind) throws SQLException {
        ReadingStoreImpl store = store(kind, 100); // several commits
        Instant t0 = Instant.parse("2026-05-04T00:00:00Z");
        Instant last = t0.plus(Duration.ofHours(24)).minus(QUARTER);
        store.write(acme, profile(2, t0, t0.plus(Duration.ofHours(10)).minus(QUARTER), "5", "1")); // 40 of meter 2's
        List<Reading> rows = new ArrayList<>();
        for (long m = 1; m <= 3; m++) {
            rows.addAll(profile(m, t0, last, "5", "1"));
        }

        Map<Long, WriteOutcome> perMeter = store.writeByMeter(acme, rows);

        assertEquals(Map.of(1L, new WriteOutcome(96, 0), 2L, new WriteOutcome(56, 40), 3L, new WriteOutcome(96, 0)),
                perMeter);
        assertEquals(3 * 96, count("ML_READING"));
        assertEquals(Map.of(1L, new WriteOutcome(0, 96), 2L, new WriteOutcome(0, 96), 3L, new WriteOutcome(0, 96)),
                store.writeByMeter(acme, rows));
    }

    // ---------------------------------------------------------------- which meters have a reading at an instant

    @ParameterizedTest
    @EnumSource(Kind.class)
    void metersWithAReadingAtAnInstantAreFoundInOneCallForManyMeters(Kind kind) throws SQLException {
        ReadingStoreImpl store = store(kind);
        Instant at = Instant.parse("2026-05-04T00:00:00Z");
        List<Reading> rows = new ArrayList<>();
        for (long m = 1; m <= 450; m++) {
            // every third meter has the instant; the others a reading a second later or of another item
            Instant t = m % 3 == 0 ? at : at.plusSeconds(1);
            rows.add(Reading.good(m, m % 3 == 1 ? EXPORT : ENERGY, m % 3 == 1 ? at : t, BigDecimal.ONE));
        }
        store.write(acme, rows);
        store.write(beta, List.of(Reading.good(1000, ENERGY, at, BigDecimal.ONE)));

        List<Long> asked = new ArrayList<>();
        for (long m = 1; m <= 450; m++) {
            asked.add(m);
        }
        asked.add(1000L); // beta's meter: not acme's
        java.util.Set<Long> found = store.metersWithReadingAt(acme, asked, ENERGY, at);

        java.util.Set<Long> expected = new java.util.HashSet<>();
        for (long m = 3; m <= 450; m += 3) {
            expected.add(m);
        }
        assertEquals(expected, found); // 150 of 450 meters
        assertEquals(java.util.Set.of(1000L), store.metersWithReadingAt(beta, List.of(1000L, 3L), ENERGY, at));
        assertEquals(java.util.Set.of(), store.metersWithReadingAt(acme, List.of(), ENERGY, at));
        assertThrows(org.meterline.core.api.ValidationException.class,
                () -> store.metersWithReadingAt(acme, asked, null, at));
    }

    // ---------------------------------------------------------------- idempotency

    @ParameterizedTest
    @EnumSource(Kind.class)
    void writingTwiceChangesNothingAndSaysSo(Kind kind) throws SQLException {
        ReadingStoreImpl store = store(kind);
        Instant t0 = Instant.parse("2026-05-04T00:00:00Z");
        List<Reading> rows = new ArrayList<>(profile(1, t0, t0.plus(Duration.ofHours(24)).minus(QUARTER), "100", "0.25"));
        rows.add(new Reading(1, EXPORT, t0, new BigDecimal("7.5"), Quality.QUESTIONABLE));

        assertEquals(new WriteOutcome(97, 0), store.write(acme, rows));
        List<Reading> changed = rows.stream()
                .map(r -> new Reading(r.meterId(), r.item(), r.at(), r.value().add(BigDecimal.TEN), Quality.BAD))
                .collect(Collectors.toList());
        assertEquals(new WriteOutcome(0, 97), store.write(acme, changed));
        assertEquals(new WriteOutcome(0, 97), store.write(acme, rows));

        assertEquals(97, count("ML_READING"));
        ReadingPage page = store.readings(acme, 1, ENERGY, t0, t0.plus(Duration.ofDays(1)), 1000);
        assertEquals(rows.subList(0, 96), page.readings());
        assertEquals(List.of(rows.get(96)), store.readings(acme, 1, EXPORT, t0, t0.plusSeconds(1), 10).readings());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aReplayedBatchWithPartialOverlapStoresOnlyTheNewRows(Kind kind) throws SQLException {
        ReadingStoreImpl store = store(kind, 16); // several chunks per call, and overlap inside chunks
        Instant t0 = Instant.parse("2026-05-04T00:00:00Z");
        List<Reading> all = new ArrayList<>();
        for (long meter = 1; meter <= 3; meter++) {
            all.addAll(profile(meter, t0, t0.plus(Duration.ofMinutes(15 * 49)), "0", "1"));
        }
        List<Reading> first = new ArrayList<>();
        List<Reading> replay = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            (k % 50 < 30 ? first : replay).add(all.get(k));
            if (k % 50 >= 20 && k % 50 < 30) {
                replay.add(all.get(k)); // 10 of every 50 rows come again
            }
        }
        Collections.shuffle(replay, new java.util.Random(7));
        replay.add(replay.get(0)); // and one twice in the same call

        assertEquals(new WriteOutcome(90, 0), store.write(acme, first));
        assertEquals(new WriteOutcome(60, 31), store.write(acme, replay));
        assertEquals(150, count("ML_READING"));
        for (long meter = 1; meter <= 3; meter++) {
            List<Reading> stored = store.readings(acme, meter, ENERGY, t0, t0.plus(Duration.ofDays(1)), 100).readings();
            long m = meter;
            assertEquals(all.stream().filter(r -> r.meterId() == m).collect(Collectors.toList()), stored);
        }
        assertEquals(new WriteOutcome(0, 150), store.write(acme, all));
    }

    // ---------------------------------------------------------------- time zones

    @ParameterizedTest
    @EnumSource(Kind.class)
    void timestampsAreStoredInUtcWhateverTheJvmZone(Kind kind) throws SQLException {
        ReadingStoreImpl store = store(kind);
        TimeZone saved = TimeZone.getDefault();
        // 01:30 UTC on the spring-forward day is 02:30 on a Berlin wall clock, which does not exist there
        Instant gap = Instant.parse("2026-03-29T01:30:00Z");
        Instant overlap = Instant.parse("2026-10-25T00:30:00Z"); // 02:30 CEST, the first of two 02:30s
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
            store.write(acme, List.of(Reading.good(1, ENERGY, gap, BigDecimal.ONE),
                    Reading.good(1, ENERGY, overlap, BigDecimal.TEN),
                    Reading.good(1, ENERGY, overlap.plus(Duration.ofHours(1)), new BigDecimal("11"))));
            TimeZone.setDefault(TimeZone.getTimeZone("America/Sao_Paulo"));
            List<Instant> back = store.readings(acme, 1, ENERGY, gap.minusSeconds(1), Instant.parse("2027-01-01T00:00:00Z"), 10)
                    .readings().stream().map(Reading::at).collect(Collectors.toList());
            assertEquals(List.of(gap, overlap, overlap.plus(Duration.ofHours(1))), back);
            assertEquals(new WriteOutcome(0, 1), store.write(acme, List.of(Reading.good(1, ENERGY, gap, BigDecimal.ONE))));
        } finally {
            TimeZone.setDefault(saved);
        }
        // what the table holds is the UTC wall clock, as any SQL client sees it
        String text = kind == Kind.DERBY ? "CAST(READ_AT AS VARCHAR(30))" : "TO_CHAR(READ_AT, 'YYYY-MM-DD HH24:MI:SS')";
        List<String> stored = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + text + " FROM ML_READING ORDER BY READ_AT")) {
            while (rs.next()) {
                stored.add(rs.getString(1).substring(0, 19));
            }
        }
        assertEquals(List.of("2026-03-29 01:30:00", "2026-10-25 00:30:00", "2026-10-25 01:30:00"), stored);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void springForwardDayHas92QuarterHours23HoursAndOneDay(Kind kind) throws SQLException {
        ReadingStoreImpl store = store(kind);
        Instant start = localMidnight(2026, 3, 29);
        Instant end = localMidnight(2026, 3, 30);
        assertEquals(Duration.ofHours(23), Duration.between(start, end));
        store.write(acme, profile(1, start, end, "1000", "0.5"));

        List<Bucket> quarters = store.aggregate(acme, Scope.meter(1), ENERGY, start, end, TimeUnit.QUARTER_HOUR, BERLIN);
        assertEquals(92, quarters.size());
        assertTrue(quarters.stream().allMatch(b -> b.meters() == 1 && b.value().compareTo(new BigDecimal("0.5")) == 0));

        List<Bucket> hours = store.aggregate(acme, Scope.meter(1), ENERGY, start, end, TimeUnit.HOUR, BERLIN);
        assertEquals(23, hours.size());
        assertTrue(hours.stream().allMatch(b -> b.value().compareTo(new BigDecimal("2")) == 0 && b.meters() == 1));
        List<Integer> localHours = hours.stream().map(b -> b.localStart().getHour()).collect(Collectors.toList());
        assertEquals(List.of(0, 1, 3, 4, 5), localHours.subList(0, 5)); // 02:00 does not exist that night
        assertEquals(LocalDateTime.of(2026, 3, 29, 3, 0), hours.get(2).localStart());
        assertEquals(Instant.parse("2026-03-29T01:00:00Z"), hours.get(2).start());

        List<Bucket> days = store.aggregate(acme, Scope.meter(1), ENERGY, start, end, TimeUnit.DAY, BERLIN);
        assertEquals(List.of(new Bucket(LocalDateTime.of(2026, 3, 29, 0, 0), start, end, new BigDecimal("46"), 1)), days);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void fallBackDayHas100QuarterHours25HoursAndOneDay(Kind kind) throws SQLException {
        ReadingStoreImpl store = store(kind);
        Instant start = localMidnight(2026, 10, 25);
        Instant end = localMidnight(2026, 10, 26);
        assertEquals(Duration.ofHours(25), Duration.between(start, end));
        store.write(acme, profile(1, start, end, "0", "1"));

        List<Bucket> quarters = store.aggregate(acme, Scope.meter(1), ENERGY, start, end, TimeUnit.QUARTER_HOUR, BERLIN);
        assertEquals(100, quarters.size());
        assertTrue(quarters.stream().allMatch(b -> b.meters() == 1 && b.value().compareTo(BigDecimal.ONE) == 0));

        List<Bucket> hours = store.aggregate(acme, Scope.meter(1), ENERGY, start, end, TimeUnit.HOUR, BERLIN);
        assertEquals(25, hours.size());
        assertEquals(List.of(0, 1, 2, 2, 3), hours.stream().map(b -> b.localStart().getHour()).limit(5)
                .collect(Collectors.toList()));
        assertEquals(Instant.parse("2026-10-25T00:00:00Z"), hours.get(2).start()); // 02:00 CEST
        assertEquals(Instant.parse("2026-10-25T01:00:00Z"), hours.get(3).start()); // 02:00 CET
        assertTrue(hours.stream().allMatch(b -> b.value().compareTo(new BigDecimal("4")) == 0));

        List<Bucket> days = store.aggregate(acme, Scope.meter(1), ENERGY, start, end, TimeUnit.DAY, BERLIN);
        assertEquals(1, days.size());
        assertEquals(new BigDecimal("100"), days.get(0).value());
        // the same day in UTC is a different day: 24 hours from 00:00Z, covering 96 of the values
        List<Bucket> utcDay = store.aggregate(acme, Scope.meter(1), ENERGY, Instant.parse("2026-10-25T00:00:00Z"),
                Instant.parse("2026-10-25T12:00:00Z"), TimeUnit.DAY, ZoneId.of("UTC"));
        assertEquals(1, utcDay.size());
        assertEquals(0, utcDay.get(0).meters()); // ends at 2026-10-26T00:00Z, after the last reading (23:00Z)
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void monthsRunFromLocalFirstToLocalFirst(Kind kind) throws SQLException {
        ReadingStoreImpl store = store(kind);
        // a register read every local midnight, +10 a day, from 1 January to 1 May 2026
        List<Reading> daily = new ArrayList<>();
        BigDecimal v = new BigDecimal("5000");
        for (LocalDate d = LocalDate.of(2026, 1, 1); !d.isAfter(LocalDate.of(2026, 5, 1)); d = d.plusDays(1)) {
            daily.add(Reading.good(1, ENERGY, d.atStartOfDay(BERLIN).toInstant(), v));
            v = v.add(BigDecimal.TEN);
        }
        store.write(acme, daily);
        // from the middle of January: the first bucket still starts on 1 January
        List<Bucket> months = store.aggregate(acme, Scope.meter(1), ENERGY, localMidnight(2026, 1, 15),
                localMidnight(2026, 4, 2), TimeUnit.MONTH, BERLIN);
        assertEquals(List.of(LocalDateTime.of(2026, 1, 1, 0, 0), LocalDateTime.of(2026, 2, 1, 0, 0),
                LocalDateTime.of(2026, 3, 1, 0, 0), LocalDateTime.of(2026, 4, 1, 0, 0)),
                months.stream().map(Bucket::localStart).collect(Collectors.toList()));
        assertEquals(List.of(new BigDecimal("310"), new BigDecimal("280"), new BigDecimal("310"), new BigDecimal("300")),
                months.stream().map(Bucket::value).collect(Collectors.toList()));
        assertEquals(Instant.parse("2026-02-28T23:00:00Z"), months.get(2).start());
        assertEquals(Instant.parse("2026-03-31T22:00:00Z"), months.get(2).end()); // CEST from 29 March
        // the same register in days: March has 31 buckets of 10
        List<Bucket> days = store.aggregate(acme, Scope.meter(1), ENERGY, localMidnight(2026, 3, 1),
                localMidnight(2026, 4, 1), TimeUnit.DAY, BERLIN);
        assertEquals(31, days.size());
        assertTrue(days.stream().allMatch(b -> b.value().compareTo(BigDecimal.TEN) == 0 && b.meters() == 1));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void missingOrBadBoundaryReadingsLeaveTheMeterOutOfTheBucket(Kind kind) throws SQLException {
        ReadingStoreImpl store = store(kind);
        Instant t0 = Instant.parse("2026-06-01T00:00:00Z");
        List<Reading> rows = new ArrayList<>(profile(1, t0, t0.plus(Duration.ofHours(3)), "0", "1"));
        rows.set(8, new Reading(1, ENERGY, t0.plus(Duration.ofHours(2)), new BigDecimal("999"), Quality.BAD));
        rows.remove(4); // 01:00 missing: hours 0 and 1 have no delta; 02:00 is bad: hour 2 has none either
        store.write(acme, rows);
        List<Bucket> hours = store.aggregate(acme, Scope.meter(1), ENERGY, t0, t0.plus(Duration.ofHours(4)),
                TimeUnit.HOUR, ZoneId.of("UTC"));
        assertEquals(List.of(0, 0, 0, 0), hours.stream().map(Bucket::meters).collect(Collectors.toList()));
        assertEquals(BigDecimal.ZERO, hours.get(0).value());
        List<Bucket> quarters = store.aggregate(acme, Scope.meter(1), ENERGY, t0, t0.plus(Duration.ofHours(1)),
                TimeUnit.QUARTER_HOUR, ZoneId.of("UTC"));
        assertEquals(List.of(1, 1, 1, 0), quarters.stream().map(Bucket::meters).collect(Collectors.toList()));
    }

    // ---------------------------------------------------------------- customers and roles

    @ParameterizedTest
    @EnumSource(Kind.class)
    void customersSeeOnlyTheirOwnReadingsAndEvents(Kind kind) throws SQLException {
        ReadingStoreImpl store = store(kind);
        Instant t0 = Instant.parse("2026-05-04T00:00:00Z");
        store.write(acme, profile(1, t0, t0.plus(Duration.ofHours(1)), "0", "1"));
        store.writeEvents(acme, List.of(new MeterEvent(1, EVENT_LOG, t0, 47, "Relay disconnected")));
        Instant t1 = t0.plus(Duration.ofDays(1));

        assertTrue(store.readings(beta, 1, ENERGY, t0, t1, 100).readings().isEmpty());
        assertEquals(0, store.events(beta, 1, t0, t1, PageRequest.first(10)).total());
        assertEquals(0, store.aggregate(beta, Scope.meter(1), ENERGY, t0, t1, TimeUnit.DAY, BERLIN).get(0).meters());
        // beta writing the same keys neither sees nor touches acme's rows
        assertEquals(new WriteOutcome(5, 0), store.write(beta, profile(1, t0, t0.plus(Duration.ofHours(1)), "50", "2")));
        assertEquals(new BigDecimal("4"), store.aggregate(acme, Scope.meter(1), ENERGY, t0, t0.plus(Duration.ofHours(1)),
                TimeUnit.HOUR, BERLIN).get(0).value());
        assertEquals(new BigDecimal("8"), store.aggregate(beta, Scope.meter(1), ENERGY, t0, t0.plus(Duration.ofHours(1)),
                TimeUnit.HOUR, BERLIN).get(0).value());
        // a system admin acting for beta sees beta's data
        Caller admin = caller(1, Role.SYSTEM_ADMIN).actingFor(20);
        assertEquals(new BigDecimal("50"), store.readings(admin, 1, ENERGY, t0, t1, 1).readings().get(0).value());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void readingNeedsReadAndStoringNeedsWrite(Kind kind) throws SQLException {
        ReadingStoreImpl store = store(kind);
        Instant t0 = Instant.parse("2026-05-04T00:00:00Z");
        List<Reading> rows = List.of(Reading.good(1, ENERGY, t0, BigDecimal.ONE));
        List<MeterEvent> events = List.of(new MeterEvent(1, EVENT_LOG, t0, 1, null));
        for (Role role : List.of(Role.VIEWER, Role.INSTALLER)) {
            Caller c = caller(10, role);
            assertThrows(ForbiddenException.class, () -> store.write(c, rows));
            assertThrows(ForbiddenException.class, () -> store.writeEvents(c, events));
            assertTrue(store.readings(c, 1, ENERGY, t0, t0.plusSeconds(1), 1).readings().isEmpty());
        }
        assertEquals(0, count("ML_READING"));
        assertEquals(0, count("ML_METER_EVENT"));
        Caller nobody = new Caller("nobody", 1, 10, 10, EnumSet.noneOf(Role.class));
        assertThrows(ForbiddenException.class, () -> store.readings(nobody, 1, ENERGY, t0, t0.plusSeconds(1), 1));
        assertThrows(ForbiddenException.class, () -> store.events(nobody, 1, t0, t0.plusSeconds(1), PageRequest.first(1)));
        assertThrows(ForbiddenException.class,
                () -> store.aggregate(nobody, Scope.meter(1), ENERGY, t0, t0.plusSeconds(1), TimeUnit.DAY, BERLIN));
        assertEquals(new WriteOutcome(1, 0), store.write(caller(10, Role.CUSTOMER_ADMIN), rows));
    }

    // ---------------------------------------------------------------- scopes

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aggregatesAddUpTheMetersOfAPocProjectOrGrid(Kind kind) throws SQLException {
        ReadingStoreImpl store = store(kind);
        // grids: 100 > 101 (child), 102 separate; POCs: meter 1 in project 10 on grid 100, meter 2 in project 10 on
        // grid 101, meter 3 in project 11 on grid 102, meter 4 in project 11 without grid (ended POC)
        List<Poc> pocs = List.of(poc(1, 10, 100L, 1, true), poc(2, 10, 101L, 2, true), poc(3, 11, 102L, 3, true),
                poc(4, 11, null, 4, false));
        List<PowerGrid> grids = List.of(grid(100, null), grid(102, null), grid(101, 100L));
        store.setResolver(new PocMeterScopeResolver(pocService(pocs), gridService(grids)));

        Instant t0 = localMidnight(2026, 7, 1);
        Instant t1 = localMidnight(2026, 7, 2);
        for (long meter = 1; meter <= 4; meter++) {
            store.write(acme, profile(meter, t0, t1, "0", String.valueOf(meter))); // meter m uses m per quarter-hour
        }
        assertEquals(bucket(96 * (1 + 2), 2), day(store, Scope.project(10), t0, t1));
        assertEquals(bucket(96 * (3 + 4), 2), day(store, Scope.project(11), t0, t1));
        assertEquals(bucket(96 * (1 + 2), 2), day(store, Scope.grid(100), t0, t1)); // with the grid below it
        assertEquals(bucket(96 * 2, 1), day(store, Scope.grid(101), t0, t1));
        assertEquals(bucket(96 * 3, 1), day(store, Scope.poc(3), t0, t1));
        assertEquals(bucket(96 * 4, 1), day(store, Scope.meter(4), t0, t1));
        assertThrows(NotFoundException.class, () -> day(store, Scope.project(99), t0, t1));
        assertThrows(NotFoundException.class, () -> day(store, Scope.poc(99), t0, t1));

        // project scope spread over many meters: more than one query's worth of meter ids
        List<Poc> many = new ArrayList<>();
        List<Reading> rows = new ArrayList<>();
        for (int m = 1000; m < 1450; m++) {
            many.add(poc(m, 12, null, m, true));
            rows.add(Reading.good(m, ENERGY, t0, BigDecimal.ZERO));
            rows.add(Reading.good(m, ENERGY, t1, BigDecimal.ONE));
        }
        store.write(acme, rows);
        store.setResolver(new PocMeterScopeResolver(pocService(many), gridService(grids)));
        assertEquals(bucket(450, 450), day(store, Scope.project(12), t0, t1));

        store.unsetResolver(null);
        store.setResolver(null);
        MeterlineException e = assertThrows(MeterlineException.class, () -> day(store, Scope.project(10), t0, t1));
        assertTrue(e.getMessage().contains("archive"), e.getMessage());
    }

    private Bucket day(ReadingStoreImpl store, Scope scope, Instant t0, Instant t1) {
        List<Bucket> days = store.aggregate(acme, scope, ENERGY, t0, t1, TimeUnit.DAY, BERLIN);
        assertEquals(1, days.size());
        return days.get(0);
    }

    private static Bucket bucket(long value, int meters) {
        Instant t0 = localMidnight(2026, 7, 1);
        return new Bucket(LocalDateTime.of(2026, 7, 1, 0, 0), t0, localMidnight(2026, 7, 2), BigDecimal.valueOf(value),
                meters);
    }

    private static Poc poc(long id, long project, Long grid, long meter, boolean active) {
        return new Poc(id, 1, project, grid, 1, meter, "S" + meter, id, "C" + id, "home", "POC " + id, null, null, active);
    }

    private static PowerGrid grid(long id, Long parent) {
        return new PowerGrid(id, parent, "G" + id, "G" + id, null, null, "G" + id);
    }

    private static PocService pocService(List<Poc> pocs) {
        return fake(PocService.class, Map.of("listPocs", args -> {
            PageRequest p = (PageRequest) args[1];
            List<Poc> items = pocs.subList(Math.min(p.offset(), pocs.size()), Math.min(p.offset() + p.limit(), pocs.size()));
            return new Page<>(items, pocs.size());
        }, "getPoc", args -> pocs.stream().filter(p -> p.id() == (long) args[1]).findFirst()
                .orElseThrow(() -> NotFoundException.of("POC", args[1]))));
    }

    private static GridService gridService(List<PowerGrid> grids) {
        return fake(GridService.class, Map.of("getProject", args -> {
            if ((long) args[1] > 50) {
                throw NotFoundException.of("Project", args[1]);
            }
            return null;
        }, "getPowerGrid", args -> grids.stream().filter(g -> g.id() == (long) args[1]).findFirst()
                .orElseThrow(() -> NotFoundException.of("Power grid", args[1])), "powerGridTree", args -> grids));
    }

    private static <T> T fake(Class<T> type, Map<String, java.util.function.Function<Object[], Object>> methods) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            java.util.function.Function<Object[], Object> f = methods.get(m.getName());
            if (f == null) {
                throw new UnsupportedOperationException(m.getName());
            }
            return f.apply(args);
        }));
    }

    // ---------------------------------------------------------------- events, paging, input

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eventsAreIdempotentAndPaged(Kind kind) throws SQLException {
        ReadingStoreImpl store = store(kind, 4);
        Instant t0 = Instant.parse("2026-05-04T10:00:00Z");
        ObisCode powerLog = ObisCode.parse("0-0:99.97.0.255");
        List<MeterEvent> events = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            events.add(new MeterEvent(1, EVENT_LOG, t0.plusSeconds(60 * k), 40 + k, "event " + k));
        }
        events.add(new MeterEvent(1, powerLog, t0, 1, "Power down"));
        events.add(new MeterEvent(1, EVENT_LOG, t0, 99, null)); // same instant, other code: another event
        assertEquals(new WriteOutcome(12, 0), store.writeEvents(acme, events));
        List<MeterEvent> replay = new ArrayList<>(events.subList(5, 12));
        replay.add(new MeterEvent(1, EVENT_LOG, t0.plusSeconds(3600), 7, "new"));
        assertEquals(new WriteOutcome(1, 7), store.writeEvents(acme, replay));
        assertEquals(13, count("ML_METER_EVENT"));

        Instant t1 = t0.plus(Duration.ofDays(1));
        Page<MeterEvent> first = store.events(acme, 1, t0, t1, new PageRequest(0, 3, null, true, ""));
        assertEquals(13, first.total());
        assertEquals(List.of(new MeterEvent(1, powerLog, t0, 1, "Power down"), new MeterEvent(1, EVENT_LOG, t0, 40, "event 0"),
                new MeterEvent(1, EVENT_LOG, t0, 99, null)), first.items()); // by time, then log, then code
        Page<MeterEvent> last = store.events(acme, 1, t0, t1, new PageRequest(0, 1, "at", false, ""));
        assertEquals("new", last.items().get(0).name());
        assertThrows(ValidationException.class, () -> store.events(acme, 1, t0, t1, new PageRequest(0, 1, "code", true, "")));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eventsAcrossMetersFilteredNewestFirstAndPerCustomer(Kind kind) throws SQLException {
        ReadingStoreImpl store = store(kind);
        Instant t0 = Instant.parse("2026-05-04T10:00:00Z");
        ObisCode fraud = ObisCode.parse("0-0:99.98.1.255");
        ObisCode disconnect = ObisCode.parse("0-0:99.98.2.255");
        List<MeterEvent> events = List.of(
                new MeterEvent(1, EVENT_LOG, t0, 1, "power off"),
                new MeterEvent(2, EVENT_LOG, t0, 1, "power off"),
                new MeterEvent(1, EVENT_LOG, t0.plusSeconds(60), 2, "power on"),
                new MeterEvent(2, fraud, t0.plusSeconds(120), 40, "terminal cover opened"),
                new MeterEvent(3, disconnect, t0.plusSeconds(180), 59, "relay disconnected"),
                new MeterEvent(3, disconnect, t0.plusSeconds(86_400), 60, "relay connected")); // outside the period
        store.writeEvents(acme, events);
        store.writeEvents(beta, List.of(new MeterEvent(4, EVENT_LOG, t0, 1, "power off")));
        Instant t1 = t0.plusSeconds(3600);

        Page<MeterEvent> all = store.events(acme, EventQuery.period(t0, t1, new PageRequest(0, 10, "at", false, "")));
        assertEquals(5, all.total());
        assertEquals(List.of(events.get(4), events.get(3), events.get(2), events.get(0), events.get(1)), all.items(),
                "newest first, then by meter");
        Page<MeterEvent> oldest = store.events(acme, EventQuery.period(t0, t1, new PageRequest(1, 2, null, true, "")));
        assertEquals(List.of(events.get(1), events.get(2)), oldest.items());
        assertEquals(5, oldest.total());

        assertEquals(List.of(events.get(3), events.get(1)), store.events(acme, new EventQuery(Set.of(2L), null, null, t0,
                t1, new PageRequest(0, 10, "at", false, ""))).items());
        assertEquals(List.of(events.get(2), events.get(0), events.get(1)), store.events(acme, new EventQuery(Set.of(),
                Set.of(EVENT_LOG), Set.of(), t0, t1, new PageRequest(0, 10, "at", false, ""))).items());
        Page<MeterEvent> cover = store.events(acme, new EventQuery(Set.of(1L, 2L, 3L), Set.of(fraud), Set.of(40, 41), t0,
                t1, new PageRequest(0, 10, "at", false, "")));
        assertEquals(List.of(events.get(3)), cover.items());
        assertEquals(1, cover.total());
        assertEquals(0, store.events(acme, new EventQuery(Set.of(4L), null, null, t0, t1, PageRequest.first(10))).total(),
                "another customer's meter");
        assertEquals(List.of(new MeterEvent(4, EVENT_LOG, t0, 1, "power off")),
                store.events(beta, EventQuery.period(t0, t1, PageRequest.first(10))).items());

        assertThrows(ValidationException.class, () -> store.events(acme, EventQuery.period(t1, t0, PageRequest.first(1))));
        assertThrows(ValidationException.class, () -> store.events(acme, EventQuery.period(t0, t1,
                new PageRequest(0, 1, "code", true, ""))));
        assertThrows(ForbiddenException.class, () -> store.events(new Caller("nobody", 1, 10, 10, Set.of()),
                EventQuery.period(t0, t1, PageRequest.first(1))));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void readingsComeInPagesThatJoinUp(Kind kind) throws SQLException {
        ReadingStoreImpl store = store(kind);
        Instant t0 = Instant.parse("2026-05-04T00:00:00Z");
        List<Reading> rows = profile(1, t0, t0.plus(QUARTER.multipliedBy(249)), "0", "0.001");
        store.write(acme, rows);
        List<Reading> read = new ArrayList<>();
        Instant from = t0;
        int pages = 0;
        while (true) {
            ReadingPage page = store.readings(acme, 1, ENERGY, from, t0.plus(Duration.ofDays(10)), 100);
            read.addAll(page.readings());
            pages++;
            if (page.next().isEmpty()) {
                break;
            }
            from = page.next().get();
        }
        assertEquals(3, pages);
        assertEquals(rows, read);
        assertEquals(new BigDecimal("0.249"), read.get(249).value());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void badInputIsRefusedBeforeAnythingIsStored(Kind kind) throws SQLException {
        ReadingStoreImpl store = store(kind);
        Instant t0 = Instant.parse("2026-05-04T00:00:00Z");
        ValidationException e = assertThrows(ValidationException.class, () -> store.write(acme, List.of(
                Reading.good(1, ENERGY, t0, BigDecimal.ONE), Reading.good(1, ENERGY, t0.plusSeconds(900), new BigDecimal("0.1234567")),
                Reading.good(0, ENERGY, t0, BigDecimal.ONE), Reading.good(1, ENERGY, t0, new BigDecimal("1E25")))));
        assertEquals(List.of("readings[1].value", "readings[2].meterId", "readings[3].value"),
                e.errors().stream().map(org.meterline.core.api.FieldError::field).collect(Collectors.toList()));
        assertEquals(0, count("ML_READING"));
        assertEquals(new WriteOutcome(1, 0), store.write(acme, List.of(Reading.good(1, ENERGY, t0, new BigDecimal("1.2000000")))));
        assertThrows(ValidationException.class, () -> store.writeEvents(acme,
                List.of(new MeterEvent(1, EVENT_LOG, t0, 1, "x".repeat(101)))));
        assertThrows(ValidationException.class, () -> store.aggregate(acme, Scope.meter(1), ENERGY, t0,
                t0.plus(Duration.ofDays(400)), TimeUnit.QUARTER_HOUR, BERLIN));
        assertThrows(ValidationException.class, () -> store.readings(acme, 1, ENERGY, t0, t0, 10));
        assertThrows(ValidationException.class, () -> store.readings(acme, 1, ENERGY, t0, t0.plusSeconds(1), 10_001));
        assertEquals(WriteOutcome.NONE, store.write(acme, List.of()));
    }
}
