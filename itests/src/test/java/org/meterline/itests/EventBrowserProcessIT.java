package org.meterline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The manual's §9.2 Event Recording in the distribution with the demo customer's simulated meters:
 * a relay disconnect/connect of SN000002 over REST (the meter appends events 59 and 60 to its
 * disconnect control log), an EVENT_LOGS collection task run now over REST (collection stores the
 * meters' events through the readings store), then REST /event-types and /events (filters, detail,
 * 400 for bad periods, another customer sees nothing) and, in real headless Chromium, Data Analysis →
 * Event Recording: the events newest first, filter by meter and category, the detail of a selected
 * event, a backwards period refused. Screenshots land in target/screenshots/event-*.png.
 */
public class EventBrowserProcessIT extends BrowserSupport {

    private static final int PORT_BASE = 26000;

    @BeforeClass
    public static void start() throws Exception {
        meterline = MeterlineProcess.unpackDemo("run-event-browser", PORT_BASE);
        meterline.start();
        demo().await("/events?from=2026-01-01&to=2026-01-02", 200, Duration.ofSeconds(120));
        meterline.awaitDemoData();
        browser = new Browser();
        collectEvents();
    }

    private static RestClient demo() {
        return meterline.demo();
    }

    /** Relay off and on for SN000002, then the event logs of the demo grid's meters collected. */
    private static void collectEvents() throws Exception {
        RestClient c = demo();
        long meter = c.get("/meters?q=SN000002").json().get("items").get(0).get("id").asLong();
        for (String action : new String[] {"disconnect", "connect"}) {
            RestClient.Response relay = c.post("/meters/" + meter + "/relay", "{\"action\":\"" + action + "\"}");
            assertEquals(relay.toString(), 200, relay.status());
            assertEquals(relay.body(), "success", relay.json().get("outcome").asText());
            Thread.sleep(1100); // the meter stamps events in whole seconds: one second apart, newest first is clear
        }
        String start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).toString();
        RestClient.Response task = c.post("/collection-tasks", "{\"name\":\"Events\",\"template\":\"EVENT_LOGS\","
                + "\"gridId\":1,\"startTime\":\"" + start + "\",\"intervalMinutes\":10080}");
        assertEquals(task.toString(), 201, task.status());
        RestClient.Response started = c.post("/collection-tasks/" + task.json().get("id").asLong() + "/run", "");
        assertEquals(started.toString(), 202, started.status());
        long runId = started.json().get("id").asLong();
        long end = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        JsonNode run = null;
        while (System.nanoTime() < end) {
            run = c.get("/collection-tasks/runs/" + runId).json();
            if (!"RUNNING".equals(run.get("state").asText())) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(String.valueOf(run), "FINISHED", run.get("state").asText());
    }

    private static String period() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return "from=" + today.minusDays(7) + "&to=" + today.plusDays(1);
    }

    @Test
    public void restListsFiltersAndDetailsEventsPerCustomer() throws Exception {
        RestClient c = demo();
        JsonNode types = c.get("/event-types").json();
        assertEquals(types.toString(), 7, types.size());
        assertEquals("relay-disconnected", types.get(5).get("id").asText());

        JsonNode all = c.get("/events?" + period()).json();
        assertTrue(all.toString(), all.get("total").asInt() >= 2);
        JsonNode relay = c.get("/events?" + period() + "&meter=SN000002&category=relay").json();
        assertEquals(relay.toString(), 2, relay.get("total").asInt());
        JsonNode newest = relay.get("items").get(0);
        assertEquals(newest.toString(), "relay-connected", newest.get("type").asText());
        assertEquals("Relay disconnected", relay.get("items").get(1).get("name").asText());
        assertEquals(1, c.get("/events?" + period() + "&meter=SN000002&type=relay-disconnected").json()
                .get("total").asInt());

        JsonNode detail = c.get(newest.get("href").asText()).json();
        assertEquals(detail.toString(), "SN000002", detail.get("event").get("meterSerial").asText());
        assertTrue(detail.toString(), detail.hasNonNull("consumerCode"));
        assertNotNull(detail.toString(), detail.get("timeZone").asText(null));

        RestClient.Response backwards = c.get("/events?from=2026-11-10&to=2026-11-01");
        assertEquals(backwards.toString(), 400, backwards.status());
        assertTrue(backwards.body(), backwards.body().contains("\"field\":\"to\""));
        assertEquals(400, c.get("/events?from=2025-01-01&to=2026-11-01").status());
        assertEquals(400, c.get("/events?to=2026-11-01").status());
        assertEquals(400, c.get("/events?" + period() + "&type=meltdown").status());
        assertEquals(400, c.get("/events?" + period() + "&meter=NOPE").status());

        // another customer sees none of them, not even by the detail's address
        RestClient admin = meterline.admin();
        RestClient.Response other = admin.post("/customers", "{\"code\":\"EVX\",\"name\":\"EVX Utility\","
                + "\"username\":\"evx-admin\",\"password\":\"evx-password\"}");
        assertEquals(other.toString(), 201, other.status());
        RestClient evx = admin.as("evx-admin", "evx-password");
        assertEquals(0, evx.get("/events?" + period()).json().get("total").asInt());
        assertEquals(404, evx.get(newest.get("href").asText()).status());
        assertEquals(400, evx.get("/events?" + period() + "&meter=SN000002").status());
    }

    private static void date(String id, LocalDate value) {
        WebElement input = browser.find(id).findElement(By.tagName("input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(value.toString(), Keys.TAB);
        browser.idle();
    }

    private static String cell(int row, int column) {
        return browser.driver.findElement(By.xpath("//*[@id='event-grid']//tbody/tr[" + row + "]/td[" + column + "]"))
                .getText();
    }

    @Test
    public void dataAnalysisEventRecordingShowsFiltersAndDetails() throws Exception {
        login("demo", "demo1234");

        // Data Analysis → Event Recording: the last 7 days, newest first
        browser.click("menu-event-recording");
        browser.find("event-grid");
        browser.waitForText("event-summary", "events from");
        browser.waitForText("event-grid", "SN0000");
        browser.screenshot("event-01-list");

        // filter: one meter, the relay category
        browser.type("event-filter-meter", "SN000002");
        browser.choose("event-filter-type", "All relay events");
        browser.click("event-search");
        browser.waitForText("event-summary", "2 events");
        assertEquals("SN000002", cell(1, 2));
        assertEquals("Relay connected", cell(1, 3));
        assertEquals("Relay disconnected", cell(2, 3));
        assertEquals("0.0.99.98.2.255", cell(2, 6));
        assertEquals("59", cell(2, 7));

        // the detail of the selected event, in a dialog
        browser.selectRow("event-grid", "Relay disconnected");
        browser.find("event-detail");
        browser.waitForText("event-detail-type", "Relay disconnected");
        browser.waitForText("event-detail-meter", "SN000002");
        assertTrue(browser.find("event-detail-consumer").getText(), !browser.find("event-detail-consumer").getText()
                .equals("—"));
        assertTrue(browser.find("event-detail-site-time").getText(), browser.find("event-detail-site-time").getText()
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\(.+\\)"));
        browser.screenshot("event-02-detail");
        browser.click("event-detail-close");
        browser.waitGone("event-detail");

        // an unknown meter and a backwards period are refused on their fields
        browser.type("event-filter-meter", "NOPE");
        browser.click("event-search");
        browser.waitForText("event-summary", "Correct the filter. Meter: no meter has the serial number NOPE.");
        assertTrue(browser.find("event-filter-meter").getAttribute("class").contains("error"));
        browser.type("event-filter-meter", "");
        LocalDate today = LocalDate.now();
        date("event-filter-from", today);
        date("event-filter-to", today.minusDays(3));
        browser.click("event-search");
        browser.waitForText("event-summary", "Correct the filter. To: must not be before From.");
        assertTrue(browser.find("event-filter-to").getAttribute("class").contains("error"));
        browser.screenshot("event-03-bad-period");
        date("event-filter-to", today);
        browser.click("event-search");
        browser.waitForText("event-summary", "from " + today + " to " + today);
    }
}
