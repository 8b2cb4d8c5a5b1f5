package org.meterline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * No data lost (issue item): the distribution, run as a process with the demo meters, is killed with
 * SIGKILL in the middle of a load-profile collection run, and restarted on the same home. Every meter
 * whose outcome said SUCCEEDED before the kill has all the values it reported in the database, no
 * (meter, item, time) is stored twice, the interrupted run is ABORTED after the restart, and a new run
 * reads every meter, storing nothing twice (the acknowledged meters report their intervals as already
 * stored) and leaving each meter's load profile without holes up to the new run's end.
 *
 * <p>The run is kept going long enough to be killed by a slow-answer fault on every simulated meter and
 * two read threads. The database is read with embedded Derby from the test: right after the kill (before the
 * restart, so nothing has been read again) and after a clean stop at the end.
 */
public class CollectionKillProcessIT {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CollectionKillProcessIT.class);

    /** Figures go to the log (slf4j-simple prints them), one line each. */
    private static void print(String format, Object... args) {
        LOG.info(String.format(java.util.Locale.ROOT, format, args).stripTrailing());
    }

    private static final long INTERVAL = 900; // seconds: the simulator's capture period
    private static final int PERIOD_MINUTES = 3 * 24 * 60; // 3 days: 288 intervals x 4 channels per meter
    private static final int CHANNELS = 4;
    private static final int ACKED_BEFORE_KILL = 8;
    private static final Pattern ALREADY = Pattern.compile("\\((\\d+) already stored\\)");

    private static final Set<Long> PROFILE_ITEMS = Set.of(item(1), item(2), item(3), item(4));

    private static MeterlineProcess meterline;

    @BeforeClass
    public static void start() throws Exception {
        meterline = MeterlineProcess.unpackDemo("run-collection-kill", 27000);
        // two meters at a time, so the run is still going when it is killed
        meterline.set("etc/org.meterline.collection.cfg", "readThreads", "2");
        meterline.set("etc/org.meterline.collection.cfg", "retryDelayMillis", "200");
        meterline.set("etc/org.meterline.collection.cfg", "retryMaxDelayMillis", "1000");
        meterline.start();
        awaitDemo();
    }

    @AfterClass
    public static void stop() throws Exception {
        Path pid = meterline == null ? null : meterline.home.resolve("karaf.pid");
        if (pid != null && Files.exists(pid)
                && ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).map(ProcessHandle::isAlive).orElse(false)) {
            meterline.close();
        }
    }

    private static RestClient demo() {
        return meterline.demo();
    }

    private static void awaitDemo() throws InterruptedException {
        meterline.awaitDemoData();
        demo().await("/meters?q=SN000100", 200, Duration.ofSeconds(60));
    }

    @Test
    public void killNineInTheMiddleOfARunLosesAndDuplicatesNothing() throws Exception {
        List<String> commands = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            commands.add(String.format("meterline:simulator-fault --delay 100 SN%06d slow", i));
        }
        String faults = meterline.shell("admin", MeterlineProcess.ADMIN_PASSWORD, commands.toArray(String[]::new));
        assertTrue(faults, faults.contains("SN000100: slow 100 ms"));

        String start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).toString();
        RestClient.Response created = demo().post("/collection-tasks", "{\"name\":\"Load profile\",\"template\":"
                + "\"LOAD_PROFILE\",\"gridId\":1,\"startTime\":\"" + start + "\",\"intervalMinutes\":" + PERIOD_MINUTES + "}");
        assertEquals(created.toString(), 201, created.status());
        long task = created.json().get("id").asLong();

        // ---- run 1, killed after some meters were acknowledged
        RestClient.Response started = demo().post("/collection-tasks/" + task + "/run", "");
        assertEquals(started.toString(), 202, started.status());
        long run1 = started.json().get("id").asLong();
        Instant s1 = instant(started.json().get("periodStart"));
        Instant e1 = instant(started.json().get("periodEnd"));
        Map<Long, JsonNode> acked = awaitAcknowledged(run1, ACKED_BEFORE_KILL);
        JsonNode before = demo().get("/collection-tasks/runs/" + run1).json();
        assertEquals("the run is still going at the kill: " + before, "RUNNING", before.get("state").asText());
        int total = before.get("metersTotal").asInt();
        assertEquals(before.toString(), 60, total);
        assertTrue("some meters are still to be read at the kill: " + acked.size(), acked.size() < total);
        long killed = killNine();
        for (JsonNode o : acked.values()) {
            assertEquals(o.toString(), intervals(s1, e1) * CHANNELS, o.get("valuesStored").asInt());
        }

        // ---- what survived the kill: the database as the killed JVM left it (Derby recovers it on boot)
        Db afterKill = Db.read(meterline.home.resolve("data/derby/meterline"));
        assertEquals("no (meter, item, time) twice", afterKill.rows, afterKill.distinct);
        int perMeter = intervals(s1, e1) * CHANNELS;
        int storedNotAcked = 0;
        for (Map.Entry<Long, Map<Long, TreeSet<Long>>> m : afterKill.times.entrySet()) {
            int n = m.getValue().values().stream().mapToInt(Set::size).sum();
            if (acked.containsKey(m.getKey())) {
                continue;
            }
            // one meter's values are one commit (fewer than rowsPerCommit): all of them or none
            assertEquals("meter " + m.getKey() + " not acknowledged: all or nothing", perMeter, n);
            storedNotAcked++;
        }
        for (long meter : acked.keySet()) {
            // every value acknowledged before the kill is stored
            Map<Long, TreeSet<Long>> byItem = afterKill.times.getOrDefault(meter, Map.of());
            assertEquals("meter " + meter + " items " + byItem.keySet(), PROFILE_ITEMS, byItem.keySet());
            for (Map.Entry<Long, TreeSet<Long>> e : byItem.entrySet()) {
                TreeSet<Long> times = e.getValue();
                String what = "meter " + meter + " item " + Long.toHexString(e.getKey()) + " after the kill";
                assertEquals(what, acked.get(meter).get("valuesStored").asInt() / CHANNELS, times.size());
                assertEquals(what, firstAfter(s1), (long) times.first());
                assertEquals(what, e1.getEpochSecond() / INTERVAL * INTERVAL, (long) times.last());
            }
        }

        // ---- restart the same home: the interrupted run is aborted
        meterline.start();
        awaitDemo();
        JsonNode aborted = demo().get("/collection-tasks/runs/" + run1).json();
        assertEquals(aborted.toString(), "ABORTED", aborted.get("state").asText());
        assertTrue(aborted.toString(), aborted.get("message").asText().contains("stopped during the run"));

        // ---- run 2: every meter, nothing stored twice
        started = demo().post("/collection-tasks/" + task + "/run", "");
        assertEquals(started.toString(), 202, started.status());
        long run2 = started.json().get("id").asLong();
        Instant s2 = instant(started.json().get("periodStart"));
        Instant e2 = instant(started.json().get("periodEnd"));
        JsonNode finished = awaitRun(run2);
        assertEquals(finished.toString(), "FINISHED", finished.get("state").asText());
        assertEquals(finished.toString(), 60, finished.get("metersSucceeded").asInt());
        Map<Long, JsonNode> second = outcomes(run2);
        assertEquals(60, second.size());
        int overlap = intervals(s2, e1) * CHANNELS; // run 1's intervals inside run 2's period
        for (long meter : acked.keySet()) {
            JsonNode o = second.get(meter);
            assertEquals(o.toString(), intervals(s2, e2) * CHANNELS, o.get("valuesStored").asInt());
            Matcher m = ALREADY.matcher(o.get("message").asText());
            assertTrue("re-read intervals are reported as already stored: " + o, m.find());
            assertEquals(o.toString(), overlap, Integer.parseInt(m.group(1)));
        }

        // ---- the database, read after a clean stop
        meterline.stop();
        Db db = Db.read(meterline.home.resolve("data/derby/meterline"));
        assertEquals("no (meter, item, time) twice", db.rows, db.distinct);
        long first1 = firstAfter(s1);
        long first2 = firstAfter(s2);
        long last2 = e2.getEpochSecond() / INTERVAL * INTERVAL;
        for (long meter : second.keySet()) {
            Map<Long, TreeSet<Long>> byItem = db.times.getOrDefault(meter, Map.of());
            assertEquals("meter " + meter + " items " + byItem.keySet(), PROFILE_ITEMS, byItem.keySet());
            for (Map.Entry<Long, TreeSet<Long>> e : byItem.entrySet()) {
                TreeSet<Long> times = e.getValue();
                String what = "meter " + meter + " item " + Long.toHexString(e.getKey());
                assertEquals(what + " ends at run 2's end", last2, (long) times.last());
                if (acked.containsKey(meter)) {
                    assertEquals(what + " starts at run 1's start", first1, (long) times.first());
                    assertEquals(what + ": run 1's values", acked.get(meter).get("valuesStored").asInt() / CHANNELS,
                            times.subSet(s1.getEpochSecond() + 1, true, e1.getEpochSecond(), true).size());
                } else {
                    assertTrue(what + " starts at run 1's or run 2's start: " + times.first(),
                            times.first() == first1 || times.first() == first2);
                }
                // no holes: one row per interval from the first to the last
                assertEquals(what + " has a row per interval", (times.last() - times.first()) / INTERVAL + 1, times.size());
                for (long t : times) {
                    assertEquals(what + " at " + t, 0, t % INTERVAL);
                }
            }
        }
        print("CollectionKillProcessIT: %d meters, %d acknowledged before kill -9 of pid %d (%d values);"
                + " after the kill %d rows (%d distinct, %d meters stored but not acknowledged); after run 2 %d rows,"
                + " %d distinct%n", total, acked.size(), killed, acked.size() * perMeter, afterKill.rows,
                afterKill.distinct, storedNotAcked, db.rows, db.distinct);
    }

    // ---------------------------------------------------------------- helpers

    /** Waits until at least {@code n} meters of the run succeeded; answers their outcomes by meter id. */
    private static Map<Long, JsonNode> awaitAcknowledged(long runId, int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < end) {
            Map<Long, JsonNode> ok = new LinkedHashMap<>();
            outcomes(runId).forEach((meter, o) -> {
                if ("SUCCEEDED".equals(o.get("status").asText())) {
                    ok.put(meter, o);
                }
            });
            if (ok.size() >= n) {
                return ok;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + n + " meters were read in time");
    }

    private static Map<Long, JsonNode> outcomes(long runId) {
        Map<Long, JsonNode> out = new HashMap<>();
        for (JsonNode o : demo().get("/collection-tasks/runs/" + runId + "/outcomes?limit=1000").json().get("items")) {
            out.put(o.get("meterId").asLong(), o);
        }
        return out;
    }

    private static JsonNode awaitRun(long runId) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode run = null;
        while (System.nanoTime() < end) {
            run = demo().get("/collection-tasks/runs/" + runId).json();
            if (!"RUNNING".equals(run.get("state").asText())) {
                return run;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("run did not finish: " + run);
    }

    /** kill -9 of the Karaf JVM (its pid from karaf.pid); waits until it is gone. */
    private static long killNine() throws Exception {
        long pid = Long.parseLong(Files.readString(meterline.home.resolve("karaf.pid")).trim());
        ProcessHandle jvm = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
        assertTrue(jvm.info().toString(), jvm.info().command().orElse("").endsWith("java"));
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor());
        jvm.onExit().get(30, TimeUnit.SECONDS);
        return pid;
    }

    private static Instant instant(JsonNode n) {
        return n.isNumber() ? Instant.ofEpochSecond(0).plusNanos(n.decimalValue().movePointRight(9).longValue())
                : Instant.parse(n.asText());
    }

    /** Interval ends in (from, to]. */
    private static int intervals(Instant from, Instant to) {
        return (int) (Math.floorDiv(to.getEpochSecond(), INTERVAL) - Math.floorDiv(from.getEpochSecond(), INTERVAL));
    }

    private static long firstAfter(Instant t) {
        return (Math.floorDiv(t.getEpochSecond(), INTERVAL) + 1) * INTERVAL;
    }

    /** The packed OBIS code of 1.0.c.8.0.255, as ML_READING.ITEM holds it. */
    private static long item(int c) {
        return (1L << 40) | ((long) c << 24) | (8L << 16) | 255L;
    }

    /** ML_READING read with embedded Derby: row counts and every (meter, item) time, in epoch seconds. */
    private static final class Db {
        long rows;
        long distinct;
        final Map<Long, Map<Long, TreeSet<Long>>> times = new TreeMap<>();

        static Db read(Path database) throws SQLException {
            System.setProperty("derby.stream.error.file", database.getParent().resolve("test-derby.log").toString());
            String url = "jdbc:derby:" + database;
            Db db = new Db();
            Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM ML_READING")) {
                    rs.next();
                    db.rows = rs.getLong(1);
                }
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM (SELECT DISTINCT TENANT_ID, METER_ID, ITEM,"
                        + " READ_AT FROM ML_READING) d")) {
                    rs.next();
                    db.distinct = rs.getLong(1);
                }
                try (ResultSet rs = st.executeQuery("SELECT METER_ID, ITEM, READ_AT FROM ML_READING")) {
                    while (rs.next()) {
                        db.times.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                                .computeIfAbsent(rs.getLong(2), k -> new TreeSet<>())
                                .add(rs.getTimestamp(3, utc).toInstant().getEpochSecond());
                    }
                }
            } finally {
                try {
                    DriverManager.getConnection(url + ";shutdown=true").close();
                } catch (SQLException expected) {
                    // 08006: the database was shut down
                }
            }
            return db;
        }
    }
}
