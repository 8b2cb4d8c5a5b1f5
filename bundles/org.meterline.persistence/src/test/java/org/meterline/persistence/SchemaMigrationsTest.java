package org.meterline.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationsTest {

    @TempDir
    Path dir;

    private static ClassLoader scripts(String release) {
        URL root = SchemaMigrationsTest.class.getResource("/" + release + "/");
        return new URLClassLoader(new URL[] {root}, null);
    }

    @Test
    void upgradeKeepsExistingData() throws Exception {
        DataSource ds = DerbyTestDb.create(dir);
        assertEquals(1, SchemaMigrations.migrate(ds, "shop", scripts("v1")));
        execute(ds, "INSERT INTO SHOP_ITEM (ID, NAME) VALUES (2, 'added by a user')");

        assertEquals(1, SchemaMigrations.migrate(ds, "shop", scripts("v2")));

        assertEquals(2, SchemaMigrations.version(ds, "shop"));
        assertEquals(List.of("1:first; with a semicolon inside:1.5000", "2:added by a user:1.5000"), rows(ds));
    }

    @Test
    void runningTwiceAppliesNothing() {
        DataSource ds = DerbyTestDb.create(dir);
        SchemaMigrations.migrate(ds, "shop", scripts("v2"));
        assertEquals(0, SchemaMigrations.migrate(ds, "shop", scripts("v2")));
    }

    @Test
    void failedScriptLeavesPreviousVersionIntact() throws Exception {
        DataSource ds = DerbyTestDb.create(dir);
        SchemaMigrations.migrate(ds, "shop", scripts("v1"));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SchemaMigrations.migrate(ds, "shop", scripts("bad")));

        assertTrue(e.getMessage().contains("db/shop/V2.sql"), e.getMessage());
        assertEquals(1, SchemaMigrations.version(ds, "shop"));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            // the ALTER of the failed script was rolled back with it
            assertThrows(SQLException.class, () -> s.executeQuery("SELECT QTY FROM SHOP_ITEM"));
        }
    }

    @Test
    void changedAppliedScriptIsRefused() throws Exception {
        DataSource ds = DerbyTestDb.create(dir);
        SchemaMigrations.migrate(ds, "shop", scripts("v1"));
        execute(ds, "UPDATE ML_SCHEMA_HISTORY SET CHECKSUM = 42 WHERE MODULE = 'shop'");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SchemaMigrations.migrate(ds, "shop", scripts("v2")));
        assertTrue(e.getMessage().contains("was changed"), e.getMessage());
    }

    @Test
    void splitsStatementsAtLineEndSemicolons() {
        assertEquals(List.of("A 'x;y'", "B\nC"), SchemaMigrations.statements("-- c\nA 'x;y';\nB\nC;\n"));
    }

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static List<String> rows(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ID, NAME, PRICE FROM SHOP_ITEM ORDER BY ID")) {
            java.util.List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getLong(1) + ":" + rs.getString(2) + ":" + rs.getBigDecimal(3));
            }
            return out;
        }
    }
}
