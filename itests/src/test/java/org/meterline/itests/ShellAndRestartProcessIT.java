package org.meterline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The distribution as a process: the Karaf shell logs in through the meterline realm (the stock
 * karaf/karaf login is gone), the service-rate commands work with clear errors, and data
 * survives a restart.
 */
public class ShellAndRestartProcessIT {

    private static MeterlineProcess meterline;

    @BeforeClass
    public static void start() throws Exception {
        meterline = MeterlineProcess.unpack("run-shell", 28000);
        meterline.start();
    }

    @AfterClass
    public static void stop() throws Exception {
        if (meterline != null) {
            meterline.close();
        }
    }

    private static String shell(String... commands) throws Exception {
        // batch mode stops at the first failing command; strip the colours
        return meterline.shell("admin", MeterlineProcess.ADMIN_PASSWORD, commands).replaceAll("\u001B\\[[;\\d]*m", "");
    }

    @Test
    public void serviceRateCommandsWithClearErrors() throws Exception {
        String out = shell("meterline:service-type-add GAS Gas",
                "meterline:service-type-list",
                "meterline:service-rate-add --type GAS --unit kWh --from 2026-01-01 G1 \"Gas standard\" 0.09",
                "meterline:service-rate-list");
        assertTrue(out, out.contains("Added service type GAS"));
        assertTrue(out, out.contains("Added service rate G1"));
        assertTrue(out, out.matches("(?s).*G1\\s*\\|\\s*Gas standard\\s*\\|\\s*0\\.09 EUR/kWh\\s*\\|\\s*2026-01-01.*"));

        assertTrue(shell("meterline:service-rate-add --type GAS G2 bad abc").contains("value: must be a number"));
        assertTrue(shell("meterline:service-rate-add --type NOPE G2 bad 1").contains("service type NOPE does not exist"));
        assertTrue(shell("meterline:service-rate-add --type GAS --to 2020-01-01 --from 2021-01-01 G2 bad 1")
                .contains("validTo: must not be before valid from"));
        assertTrue(shell("meterline:service-type-add gas Again").contains("A service type with code GAS already exists."));
        assertTrue(shell("meterline:service-type-remove GAS").contains("Service type GAS is used by 1 service rate"));

        String removed = shell("meterline:service-rate-remove G1", "meterline:service-type-remove GAS",
                "meterline:service-type-list");
        assertTrue(removed, removed.contains("Removed service rate G1"));
        assertTrue(removed, removed.contains("Removed service type GAS"));
        assertFalse(removed, removed.contains("| GAS"));
    }

    @Test
    public void driverRegistryAnswersInTheShell() throws Exception {
        String out = shell("meterline:driver-list");
        assertTrue(out, out.contains("Driver SPI 1.0"));
    }

    @Test
    public void stockKarafLoginIsGone() throws Exception {
        String out = meterline.shell("karaf", "karaf", "bundle:list");
        assertFalse(out, out.contains("Active"));
        String wrong = meterline.shell("admin", "not-the-password", "meterline:service-type-list");
        assertFalse(wrong, wrong.contains("Code"));
    }

    @Test
    public void dataSurvivesARestart() throws Exception {
        RestClient admin = meterline.admin();
        long type = admin.post("/service-types", "{\"code\":\"HEAT\",\"name\":\"District heat\"}").json().get("id").asLong();
        RestClient.Response created = admin.post("/service-rates", "{\"serviceTypeId\":" + type
                + ",\"code\":\"H1\",\"name\":\"Heat\",\"value\":0.11,\"unit\":\"kWh\"}");
        assertEquals(created.toString(), 201, created.status());

        meterline.stop();
        meterline.start();

        JsonNode rates = meterline.admin().get("/service-rates?q=H1").json();
        assertEquals(1, rates.get("total").asInt());
        assertEquals("Heat", rates.get("items").get(0).get("name").asText());
        assertEquals("District heat", meterline.admin().get("/service-types/" + type).json().get("name").asText());
    }
}
