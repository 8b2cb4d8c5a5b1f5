package org.meterline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.meterline.readings.internal.PgServer;

/**
 * The distribution on PostgreSQL instead of embedded Derby, switched the way the README says
 * (etc/org.ops4j.datasource-meterline.cfg): every bundle migrates its schema into PostgreSQL, the
 * REST API works on it, and the data survives a restart. The server is a throwaway cluster from
 * the Debian binaries (or MLTEST_PG_URL), as in the readings tests.
 */
public class PostgreSqlProcessIT {

    private static final String SCHEMA = "meterline_it";

    private static PgServer pg;
    private static DataSource database;
    private static MeterlineProcess meterline;

    @BeforeClass
    public static void start() throws Exception {
        pg = PgServer.obtain(false);
        pg.dropSchema(SCHEMA);
        database = pg.newSchema(SCHEMA);
        meterline = MeterlineProcess.unpack("run-postgresql", 22000);
        String url = pg.url() + (pg.url().contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        String user;
        try (Connection c = database.getConnection()) {
            user = c.getMetaData().getUserName();
        }
        Files.write(meterline.home.resolve("etc/org.ops4j.datasource-meterline.cfg"), List.of(
                "osgi.jdbc.driver.name = PostgreSQL JDBC Driver",
                "url = " + url,
                "user = " + user,
                "password = " + System.getenv().getOrDefault("MLTEST_PG_PASSWORD", ""),
                "dataSourceName = meterline",
                "pool = dbcp2",
                "xa = false",
                "jdbc.pool.maxTotal = 20"));
        meterline.start();
    }

    @AfterClass
    public static void stop() throws Exception {
        if (meterline != null) {
            meterline.close();
        }
        if (pg != null) {
            pg.dropSchema(SCHEMA);
            pg.close();
        }
    }

    private static long count(String table) throws Exception {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    public void thePlatformRunsOnPostgreSqlAndKeepsItsData() throws Exception {
        // every capability migrated its schema into PostgreSQL, not into a Derby under data/
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT MODULE FROM ML_SCHEMA_HISTORY")) {
            java.util.Set<String> modules = new java.util.TreeSet<>();
            while (rs.next()) {
                modules.add(rs.getString(1));
            }
            assertTrue(modules.toString(), modules.containsAll(List.of("tenant", "tariff", "grid", "archive")));
        }
        assertTrue("no Derby database was made", !Files.exists(meterline.home.resolve("data/derby/meterline")));

        RestClient admin = meterline.admin();
        assertEquals(201, admin.post("/customers", "{\"code\":\"PGCO\",\"name\":\"Postgres Power\","
                + "\"username\":\"pg-admin\",\"password\":\"pg-password\"}").status());
        RestClient pgco = admin.as("pg-admin", "pg-password");
        long type = pgco.post("/service-types", "{\"code\":\"ELEC\",\"name\":\"Electricity\"}").json().get("id").asLong();
        assertEquals(201, pgco.post("/service-rates", "{\"serviceTypeId\":" + type
                + ",\"code\":\"RES\",\"name\":\"Residential\",\"value\":0.25}").status());
        long model = pgco.post("/meter-models", "{\"manufacturer\":\"Iskra\",\"model\":\"AM550\",\"phases\":3}")
                .json().get("id").asLong();
        long module = pgco.post("/acquisition-modules", "{\"serialNumber\":\"MOD-PG\",\"type\":\"ethernet\","
                + "\"address\":\"127.0.0.1:4059\"}").json().get("id").asLong();
        for (int i = 1; i <= 3; i++) {
            assertEquals(201, pgco.post("/meters", "{\"serialNumber\":\"PG-" + i + "\",\"modelId\":" + model
                    + ",\"moduleId\":" + module + "}").status());
        }
        long meter = pgco.get("/meters?q=PG-1").json().get("items").get(0).get("id").asLong();
        assertEquals(200, pgco.put("/meters/" + meter + "/communication", "{\"logicalDevice\":5,\"security\":"
                + "\"hls5-gmac\",\"authenticationKey\":\"000102030405060708090a0b0c0d0e0f\",\"encryptionKey\":"
                + "\"101112131415161718191a1b1c1d1e1f\"}").status());
        // validation and conflicts answer the same on PostgreSQL
        assertEquals(409, pgco.post("/meters", "{\"serialNumber\":\"pg-1\",\"modelId\":" + model + "}").status());
        assertEquals(3, count("ML_METER"));
        assertEquals(1, count("ML_METER_COMM"));

        meterline.stop();
        meterline.start();

        RestClient again = meterline.admin().as("pg-admin", "pg-password");
        assertEquals(3, again.get("/meters?q=PG-").json().get("total").asInt());
        assertEquals(5, again.get("/meters/" + meter + "/communication").json().get("logicalDevice").asInt());
        assertEquals("Residential", again.get("/service-rates?q=RES").json().get("items").get(0).get("name").asText());
    }
}
