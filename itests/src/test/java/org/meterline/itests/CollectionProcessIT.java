package org.meterline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Data collection (manual §5) in the distribution run as a process, with the demo customer's live
 * simulated meters: a task refused for a past start time, run now over REST (the 60 meters of the demo's
 * grid read through the archive's meter access and the DLMS driver, readings stored), a second run while
 * one runs is 409, faults injected from the admin shell end in the right outcome per meter with retries
 * counted, the shell commands, and the statistics.
 */
public class CollectionProcessIT {

    private static MeterlineProcess meterline;

    @BeforeClass
    public static void start() throws Exception {
        meterline = MeterlineProcess.unpackDemo("run-collection", 23000);
        // quick retries, so the fault case stays short
        meterline.set("etc/org.meterline.collection.cfg", "retryDelayMillis", "200");
        meterline.set("etc/org.meterline.collection.cfg", "retryMaxDelayMillis", "1000");
        meterline.start();
        meterline.awaitDemoData();
    }

    @AfterClass
    public static void stop() throws Exception {
        if (meterline != null) {
            meterline.close();
        }
    }

    private static RestClient demo() {
        return meterline.demo();
    }

    private static JsonNode awaitRun(long runId) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(180).toNanos();
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

    private static JsonNode outcome(long runId, String serial) {
        return demo().get("/collection-tasks/runs/" + runId + "/outcomes?q=" + serial).json().get("items").get(0);
    }

    @Test
    public void tasksRunThroughCamelAgainstTheDemoMeters() throws Exception {
        RestClient c = demo();
        String past = "{\"name\":\"Daily registers\",\"template\":\"DAILY_REGISTERS\",\"gridId\":1,"
                + "\"startTime\":\"2020-01-01T00:00:00Z\",\"intervalMinutes\":1440}";
        RestClient.Response refused = c.post("/collection-tasks", past);
        assertEquals(refused.toString(), 400, refused.status());
        assertTrue(refused.body(), refused.body().contains("{\"field\":\"startTime\",\"message\":\"must not be earlier than now\"}"));

        String start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).toString();
        RestClient.Response created = c.post("/collection-tasks", past.replace("2020-01-01T00:00:00Z", start));
        assertEquals(created.toString(), 201, created.status());
        long task = created.json().get("id").asLong();

        RestClient.Response started = c.post("/collection-tasks/" + task + "/run", "");
        assertEquals(started.toString(), 202, started.status());
        assertEquals(409, c.post("/collection-tasks/" + task + "/run", "").status());
        JsonNode run = awaitRun(started.json().get("id").asLong());
        assertEquals(run.toString(), "FINISHED", run.get("state").asText());
        assertEquals(run.toString(), 60, run.get("metersTotal").asInt());
        assertEquals(run.toString(), 60, run.get("metersSucceeded").asInt());
        JsonNode first = outcome(run.get("id").asLong(), "SN000001");
        assertEquals(first.toString(), 6, first.get("valuesStored").asInt());

        String faults = meterline.shell("admin", MeterlineProcess.ADMIN_PASSWORD,
                "meterline:simulator-fault SN000007 no-answer", "meterline:simulator-fault SN000008 garbage");
        assertTrue(faults, faults.contains("SN000008: garbage"));
        String shell = meterline.shell("demo", "demo1234", "meterline:task-run --wait 150 \"Daily registers\"",
                "meterline:task-list").replaceAll("\u001B\\[[;\\d]*m", "");
        assertTrue(shell, shell.contains("finished 58/60 read, 2 failed"));
        assertTrue(shell, shell.matches("(?s).*SN000007 failed TIMEOUT, 3 attempt\\(s\\).*"));
        assertTrue(shell, shell.matches("(?s).*SN000008 failed PROTOCOL_ERROR, 1 attempt\\(s\\).*"));
        assertTrue(shell, shell.contains("daily-registers"));

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode stats = c.get("/collection-statistics?from=" + today + "&to=" + today).json();
        JsonNode day = stats.get("byTask").get(0);
        assertEquals(stats.toString(), 60, day.get("meters").asInt());
        assertEquals(stats.toString(), 60, day.get("succeeded").asInt()); // SN000007/8 were read in the first run
        assertEquals(stats.toString(), "North Grid", stats.get("byGrid").get(0).get("name").asText());
    }
}
