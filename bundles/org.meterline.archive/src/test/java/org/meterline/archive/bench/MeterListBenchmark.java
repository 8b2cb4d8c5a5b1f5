package org.meterline.archive.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.meterline.archive.api.MeterModelInput;
import org.meterline.archive.api.MeterService;
import org.meterline.archive.api.MeterStatus;
import org.meterline.archive.internal.BenchmarkAccess;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Role;

/**
 * Loads N meters (default 1,000,000) of one customer, plus a second customer's meters, into
 * embedded Derby, then times the meter list the way the UI and REST call it — first page, and a
 * deep page with a filter — beside a raw JDBC fetch of the same rows. Prints p50/p95 in ms.
 *
 * <pre>
 * mvn -B -q -pl bundles/org.meterline.archive -am install -DskipTests
 * mvn -B -pl bundles/org.meterline.archive exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.meterline.archive.bench.MeterListBenchmark -Dmeters=1000000
 * </pre>
 */
public final class MeterListBenchmark {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MeterListBenchmark.class);

    /** Figures go to the log (slf4j-simple prints them), one line each. */
    private static void print(String format, Object... args) {
        LOG.info(String.format(java.util.Locale.ROOT, format, args).stripTrailing());
    }

    private static final int RUNS = 40;

    private MeterListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int meters = Integer.getInteger("meters", 1_000_000);
        Path dir = Files.createTempDirectory("meterline-bench");
        System.setProperty("derby.storage.pageCacheSize", System.getProperty("derby.storage.pageCacheSize", "20000"));
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("meterline.archive",
                Map.of("javax.persistence.nonJtaDataSource", ds));
        BenchmarkAccess access = new BenchmarkAccess(ds, emf);
        Caller acme = new Caller("bench", 1, 10, 10, EnumSet.of(Role.OPERATOR));
        Caller beta = new Caller("bench", 2, 20, 20, EnumSet.of(Role.OPERATOR));
        long model = access.models().createMeterModel(acme, new MeterModelInput("Landis", "E450", null, 1, null)).id();
        long betaModel = access.models().createMeterModel(beta, new MeterModelInput("Landis", "E450", null, 1, null)).id();

        long t0 = System.nanoTime();
        load(ds, 10, model, meters, 10_000_000L);
        load(ds, 20, betaModel, meters / 10, 20_000_000L);
        print("loaded %,d + %,d meters in %.1f s%n", meters, meters / 10, (System.nanoTime() - t0) / 1e9);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'ML_METER', NULL)");
        }

        MeterService service = access.meters();
        int deep = Math.min(meters / 2, 50_000);
        String filter = "SN-00";
        print("%-44s %8s %8s%n", "query (50 rows)", "p50 ms", "p95 ms");
        report("service: first page, by serial", () -> service.listMeters(acme, new PageRequest(0, 50, "serialNumber", true, ""), null));
        report("raw JDBC: first page, by serial", () -> raw(ds, 10, 0, ""));
        report("service: page at " + deep + ", filter '" + filter + "'",
                () -> service.listMeters(acme, new PageRequest(deep, 50, "serialNumber", true, filter), null));
        report("raw JDBC: page at " + deep + ", filter '" + filter + "'", () -> raw(ds, 10, deep, filter));
        report("service: first page, status warehouse",
                () -> service.listMeters(acme, new PageRequest(0, 50, "serialNumber", true, ""), MeterStatus.WAREHOUSE));
        report("service: count only (first page's total)", () -> service.listMeters(acme,
                new PageRequest(0, 1, "serialNumber", true, ""), null).total());
        Page<?> page = service.listMeters(acme, new PageRequest(deep, 50, "serialNumber", true, filter), null);
        print("deep page: %d rows, total reported %,d%n", page.items().size(), page.total());
        emf.close();
    }

    private static void load(EmbeddedDataSource ds, long tenant, long model, int n, long firstId) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ML_METER (ID, TENANT_ID, SERIAL_NUMBER, MODEL_ID,"
                    + " CT_RATIO, PT_RATIO, STATUS) VALUES (?, ?, ?, ?, 1, 1, 'WAREHOUSE')")) {
                for (int i = 0; i < n; i++) {
                    ps.setLong(1, firstId + i);
                    ps.setLong(2, tenant);
                    ps.setString(3, String.format("SN-%07d", i));
                    ps.setLong(4, model);
                    ps.addBatch();
                    if (i % 10_000 == 9_999) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
        }
    }

    /** The same rows the service returns, fetched with plain JDBC. */
    private static List<String> raw(EmbeddedDataSource ds, long tenant, int offset, String prefix) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT m.ID, m.SERIAL_NUMBER, m.STATUS, mm.MANUFACTURER, mm.MODEL FROM ML_METER m"
                        + " JOIN ML_METER_MODEL mm ON mm.ID = m.MODEL_ID WHERE m.TENANT_ID = ?"
                        + (prefix.isEmpty() ? "" : " AND m.SERIAL_NUMBER LIKE ?")
                        + " ORDER BY m.SERIAL_NUMBER OFFSET ? ROWS FETCH NEXT 50 ROWS ONLY")) {
            int i = 1;
            ps.setLong(i++, tenant);
            if (!prefix.isEmpty()) {
                ps.setString(i++, prefix + "%");
            }
            ps.setInt(i, offset);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(2));
                }
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void report(String name, Supplier<?> query) {
        for (int i = 0; i < 3; i++) {
            query.get();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        print("%-44s %8.1f %8.1f%n", name, ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.95) - 1]);
    }
}
