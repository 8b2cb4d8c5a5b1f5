package org.meterline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The manual's §9.1 Network Monitor and the Meter Reading Statistics in real headless Chromium, on what
 * collection stored from the demo customer's simulated meters: SN000007 stops answering (simulator fault
 * from the admin shell), a module-signal task runs twice and a daily-registers task once (REST, run now).
 * Operation &amp; Maintenance → Network Monitor lists the modules with their signal (dBm, CSQ), online status
 * and last contact; MOD-0007, reached through SN000007 only, has no signal and is offline; the selected
 * MOD-0001's history is drawn by uPlot (its canvas has a size, the chart element says how many points it got)
 * beside the table of readings. Data Analysis → Meter Reading Statistics shows today's success rate per task
 * and SN000007 failed with its reason. Screenshots in target/screenshots/netmon-*.png. The same over REST
 * ({@code /network-monitor}): the demo customer's modules and history, input errors by field, nothing for
 * another customer, 401 without a valid login.
 */
public class NetworkMonitorBrowserProcessIT extends BrowserSupport {

    private static final int PORT_BASE = 29000;

    @BeforeClass
    public static void start() throws Exception {
        meterline = MeterlineProcess.unpackDemo("run-netmon-browser", PORT_BASE);
        // quick retries, so the meter that does not answer costs little
        meterline.set("etc/org.meterline.collection.cfg", "retryDelayMillis", "200");
        meterline.set("etc/org.meterline.collection.cfg", "retryMaxDelayMillis", "1000");
        meterline.start();
        meterline.awaitDemoData();
        browser = new Browser();
        collect();
    }

    private static RestClient demo() {
        return meterline.demo();
    }

    /** SN000007 silent; module signal twice, daily registers once, all over the demo's North Grid. */
    private static void collect() throws Exception {
        String fault = meterline.shell("admin", MeterlineProcess.ADMIN_PASSWORD,
                "meterline:simulator-fault SN000007 no-answer");
        assertTrue(fault, fault.contains("SN000007"));
        long signal = task("Module signal", "MODULE_SIGNAL", 60);
        JsonNode first = run(signal);
        assertEquals(first.toString(), 59, first.get("metersSucceeded").asInt());
        Thread.sleep(1500); // a second reading per module, at another second
        run(signal);
        JsonNode daily = run(task("Daily registers", "DAILY_REGISTERS", 1440));
        assertEquals(daily.toString(), 60, daily.get("metersTotal").asInt());
        assertEquals(daily.toString(), 59, daily.get("metersSucceeded").asInt());
    }

    private static long task(String name, String template, int interval) {
        String start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).toString();
        RestClient.Response created = demo().post("/collection-tasks", "{\"name\":\"" + name + "\",\"template\":\""
                + template + "\",\"gridId\":1,\"startTime\":\"" + start + "\",\"intervalMinutes\":" + interval + "}");
        assertEquals(created.toString(), 201, created.status());
        return created.json().get("id").asLong();
    }

    private static JsonNode run(long task) throws InterruptedException {
        RestClient.Response started = demo().post("/collection-tasks/" + task + "/run", "");
        assertEquals(started.toString(), 202, started.status());
        long runId = started.json().get("id").asLong();
        long end = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        JsonNode run = null;
        while (System.nanoTime() < end) {
            run = demo().get("/collection-tasks/runs/" + runId).json();
            if (!"RUNNING".equals(run.get("state").asText())) {
                break;
            }
            Thread.sleep(300);
        }
        assertEquals(String.valueOf(run), "FINISHED", run.get("state").asText());
        return run;
    }

    /** The text of the grid's row that has {@code rowText} in one of its cells. */
    private static String row(String grid, String rowText) {
        return browser.driver.findElement(By.xpath("//*[@id='" + grid + "']//tbody/tr[td[contains(., '" + rowText
                + "')]]")).getText();
    }

    /** The text of column {@code column} (1-based) in the grid's row that has {@code rowText} in a cell. */
    private static String cell(String grid, String rowText, int column) {
        return browser.driver.findElement(By.xpath("//*[@id='" + grid + "']//tbody/tr[td[contains(., '" + rowText
                + "')]]/td[" + column + "]")).getText();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> chart() {
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver).executeScript(
                "var e = document.getElementById('netmon-chart');"
                        + "var c = e ? e.querySelector('canvas') : null;"
                        + "return {uplot: typeof uPlot, canvas: !!c, width: c ? c.width : 0, height: c ? c.height : 0,"
                        + " points: e ? e.getAttribute('data-points') : null,"
                        + " series: e ? e.getAttribute('data-series') : null,"
                        + " legend: e ? e.innerText : ''};");
    }

    @Test
    public void networkMonitorAndStatisticsShowWhatCollectionStored() throws Exception {
        login("demo", "demo1234");

        // Operation & Maintenance → Network Monitor
        browser.click("menu-network-monitor");
        browser.find("netmon-grid");
        browser.waitForText("netmon-grid", "MOD-0001");
        String good = row("netmon-grid", "MOD-0001");
        assertTrue(good, good.matches("(?s).*-\\d+ dBm \\(q \\d+\\).*"));
        assertEquals(good, "online", cell("netmon-grid", "MOD-0001", 5));
        assertTrue(good, good.matches("(?s).*\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d.*"));
        // nothing selected: the chart says so
        browser.waitForText("netmon-chart", "Select a module");
        browser.screenshot("netmon-01-modules");

        // the selected module's history: chart and table
        browser.selectRow("netmon-grid", "MOD-0001");
        browser.waitForText("netmon-history-caption", "Signal history of MOD-0001 (last 7 days): 2 readings");
        browser.waitForText("netmon-history-caption", "online: reached within the online window of 2 h");
        browser.waitForText("netmon-history-grid", "SN000001");
        assertEquals(2, browser.driver.findElements(By.xpath("//*[@id='netmon-history-grid']//tbody/tr")).size());
        assertTrue(browser.find("netmon-history-grid").getText(), browser.find("netmon-history-grid").getText()
                .matches("(?s).*-\\d+.*"));
        Map<String, Object> chart = chart();
        assertEquals(chart.toString(), "function", chart.get("uplot"));
        assertEquals(chart.toString(), Boolean.TRUE, chart.get("canvas"));
        assertTrue(chart.toString(), ((Number) chart.get("width")).intValue() > 0);
        assertTrue(chart.toString(), ((Number) chart.get("height")).intValue() > 0);
        assertEquals(chart.toString(), "1", chart.get("series"));
        assertEquals(chart.toString(), "2", chart.get("points"));
        assertTrue(chart.toString(), String.valueOf(chart.get("legend")).contains("Signal MOD-0001"));
        // the cursor is not over the chart: the legend shows the newest value, not "--"
        assertTrue(chart.toString(), String.valueOf(chart.get("legend")).matches("(?s).*-\\d+ dBm.*"));
        assertTrue(chart.toString(), String.valueOf(chart.get("legend"))
                .matches("(?s).*\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d.*"));
        browser.screenshot("netmon-02-history-chart");

        // a module reached through the silent meter only: no signal, offline, never reached; an empty chart
        browser.type("netmon-filter", "MOD-0007");
        new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                .until(d -> !d.findElement(By.id("netmon-grid")).getText().contains("MOD-0002"));
        browser.idle();
        String silent = row("netmon-grid", "MOD-0007");
        assertTrue(silent, silent.contains("no signal collected"));
        assertEquals(silent, "offline", cell("netmon-grid", "MOD-0007", 5));
        assertEquals(silent, "never", cell("netmon-grid", "MOD-0007", 6));
        browser.selectRow("netmon-grid", "MOD-0007");
        browser.waitForText("netmon-history-caption", "Signal history of MOD-0007 (last 7 days): 0 readings");
        browser.waitForText("netmon-chart", "No signal collected in the last 7 days");
        assertEquals("0", chart().get("points"));
        browser.screenshot("netmon-03-no-signal");

        // Data Analysis → Meter Reading Statistics: today's rate per task, the silent meter and why
        browser.click("menu-meter-reading-statistics");
        browser.click("stats-search");
        browser.waitForText("stats-grid", "Daily registers");
        String daily = row("stats-grid", "Daily registers");
        assertTrue(daily, daily.contains("98.3 %"));
        assertTrue(daily, daily.matches("(?s).*60\\s+59\\s+1\\s+98\\.3 %.*"));
        browser.waitForText("stats-failed-grid", "SN000007");
        String failed = row("stats-failed-grid", "Daily registers");
        assertTrue(failed, failed.contains("SN000007"));
        assertTrue(failed, failed.contains("TIMEOUT"));
        browser.screenshot("netmon-04-statistics");
    }

    @Test
    public void networkMonitorOverRestAnswersOnlyItsCustomer() throws Exception {
        JsonNode page = demo().get("/network-monitor/modules?q=MOD-0001").json();
        assertEquals(page.toString(), 1, page.get("total").asInt());
        JsonNode module = page.get("items").get(0);
        assertEquals(module.toString(), "MOD-0001", module.get("serialNumber").asText());
        assertTrue(module.toString(), module.get("online").asBoolean());
        int dbm = module.get("signalDbm").asInt();
        assertTrue(module.toString(), dbm < 0 && dbm >= -113);
        long id = module.get("moduleId").asLong();
        JsonNode history = demo().get("/network-monitor/modules/" + id + "/history").json();
        assertEquals(history.toString(), 2, history.size());
        assertEquals(history.toString(), "SN000001", history.get(0).get("meterSerial").asText());

        JsonNode silent = demo().get("/network-monitor/modules?q=MOD-0007").json().get("items").get(0);
        assertTrue(silent.toString(), silent.get("signalDbm").isNull());
        assertEquals(silent.toString(), false, silent.get("online").asBoolean());

        RestClient.Response bad = demo().get("/network-monitor/modules/" + id + "/history?from=yesterday");
        assertEquals(bad.toString(), 400, bad.status());
        assertEquals(bad.toString(), "from", bad.json().get("errors").get(0).get("field").asText());
        RestClient.Response tooLong = demo().get("/network-monitor/modules/" + id
                + "/history?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z");
        assertEquals(tooLong.toString(), 400, tooLong.status());
        assertEquals(tooLong.toString(), "to", tooLong.json().get("errors").get(0).get("field").asText());

        // another customer sees no module, and not the demo's history by its address
        RestClient admin = meterline.admin();
        RestClient.Response other = admin.post("/customers", "{\"code\":\"NMX\",\"name\":\"NMX Utility\","
                + "\"username\":\"nmx-admin\",\"password\":\"nmx-password\"}");
        assertEquals(other.toString(), 201, other.status());
        RestClient nmx = admin.as("nmx-admin", "nmx-password");
        assertEquals(0, nmx.get("/network-monitor/modules").json().get("total").asInt());
        assertEquals(404, nmx.get("/network-monitor/modules/" + id + "/history").status());
        assertEquals(401, demo().as("demo", "not-the-password").get("/network-monitor/modules").status());
    }
}
