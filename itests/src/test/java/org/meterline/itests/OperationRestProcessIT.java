package org.meterline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Operation &amp; Maintenance → Meter operation over REST (manual §8.1, §8.2) in the distribution run as
 * a process, against simulated DLMS meters: on-demand read with the default and named items, relay
 * disconnect/connect with the state read back, reading item settings per model, the operation log,
 * and the 400/403/404 answers.
 */
public class OperationRestProcessIT {

    private static final int SIM_PORT = 32559;
    private static MeterlineProcess meterline;
    private static OperationFixture fixture;

    @BeforeClass
    public static void start() throws Exception {
        meterline = MeterlineProcess.unpack("run-operation-rest", 32000);
        OperationFixture.installSimulator(meterline);
        meterline.start();
        meterline.admin().await("/operations", 200, java.time.Duration.ofSeconds(60));
        fixture = OperationFixture.create(meterline, SIM_PORT, "OPQ", "OPQ", "opq-admin", "opq-password");
    }

    @AfterClass
    public static void stop() throws Exception {
        if (meterline != null) {
            meterline.close();
        }
    }

    private static void assertProblem(RestClient.Response r, int status, String text) {
        assertEquals(r.toString(), status, r.status());
        assertTrue(r.toString(), r.contentType().startsWith("application/problem+json"));
        assertTrue(r.toString(), text == null || r.body().contains(text));
    }

    @Test
    public void readsAndOperatesSimulatedMetersOverRest() throws Exception {
        RestClient c = fixture.customerAdmin;
        long meter = fixture.meters[0];

        // what can be read; the defaults are ticked: the first energy register and the connection status
        RestClient.Response items = c.get("/meters/" + meter + "/reading-items");
        assertEquals(items.toString(), 200, items.status());
        JsonNode first = items.json().get(0);
        assertEquals("1.0.1.8.0.255", first.get("item").asText());
        assertTrue(first.get("selected").asBoolean());
        assertTrue(items.body(), items.body().contains("{\"item\":\"0.0.96.3.10.255\",\"name\":\"Connection status "
                + "(main relay)\",\"unit\":\"\",\"selected\":true}"));

        // §8.2 read now: no items → the default ones
        RestClient.Response read = c.post("/meters/" + meter + "/read", "{}");
        assertEquals(read.toString(), 200, read.status());
        JsonNode r = read.json();
        assertEquals(read.body(), "success", r.get("outcome").asText());
        assertEquals("OPQ000001", r.get("serialNumber").asText());
        assertEquals("1.0.1.8.0.255", r.get("values").get(0).get("item").asText());
        assertEquals("Wh", r.get("values").get(0).get("unit").asText());
        assertTrue(read.body(), r.get("values").get(0).get("value").asDouble() > 0);
        assertEquals("good", r.get("values").get(0).get("quality").asText());
        assertEquals("connected", r.get("values").get(1).get("text").asText());

        // named items; one the meter lacks is an error of that item only
        RestClient.Response named = c.post("/meters/" + meter + "/read",
                "{\"items\":[\"1.0.32.7.0.255\",\"1-0:99.97.0.255\"]}");
        assertEquals(named.body(), "partial", named.json().get("outcome").asText());
        assertEquals("V", named.json().get("values").get(0).get("unit").asText());
        assertTrue(named.body(), !named.json().get("values").get(1).get("errorKind").isNull());

        // bad input is a 400 that names the item
        assertProblem(c.post("/meters/" + meter + "/read", "{\"items\":[\"1.0.1.8.0.255\",\"volts\"]}"), 400,
                "items[1]");
        assertProblem(c.post("/meters/" + meter + "/relay", "{\"action\":\"explode\"}"), 400,
                "must be one of status, connect, disconnect");
        assertProblem(c.post("/meters/" + meter + "/relay", "{}"), 400, "action");

        // §8.1 relay: disconnect, the state read back, connect
        RestClient.Response off = c.post("/meters/" + fixture.meters[1] + "/relay", "{\"action\":\"disconnect\"}");
        assertEquals(off.toString(), 200, off.status());
        assertEquals(off.body(), "disconnected", off.json().get("state").asText());
        assertEquals("success", off.json().get("outcome").asText());
        assertEquals("disconnected", c.post("/meters/" + fixture.meters[1] + "/relay", "{\"action\":\"status\"}")
                .json().get("state").asText());
        assertEquals("connected", c.post("/meters/" + fixture.meters[1] + "/relay", "{\"action\":\"CONNECT\"}")
                .json().get("state").asText());

        // reading item settings of the model
        RestClient.Response settings = c.get("/meter-models/" + fixture.model + "/reading-items");
        assertEquals(settings.toString(), 200, settings.status());
        assertEquals(false, settings.json().get("saved").asBoolean());
        assertEquals("Iskra AM550", settings.json().get("modelName").asText());
        RestClient.Response saved = c.put("/meter-models/" + fixture.model + "/reading-items",
                "{\"items\":[\"1.0.32.7.0.255\",\"0.0.96.3.10.255\"]}");
        assertEquals(saved.toString(), 200, saved.status());
        assertTrue(saved.json().get("saved").asBoolean());
        JsonNode now = c.post("/meters/" + fixture.meters[2] + "/read", "{\"items\":[]}").json();
        assertEquals(now.toString(), "1.0.32.7.0.255", now.get("values").get(0).get("item").asText());
        assertEquals(2, now.get("values").size());
        assertProblem(c.put("/meter-models/" + fixture.model + "/reading-items", "{\"items\":[\"1.0.99.97.0.255\"]}"),
                400, "is not an item the driver of Iskra AM550 can read");

        // the operation log, newest first, per meter
        RestClient.Response log = c.get("/operations?meterId=" + fixture.meters[1] + "&limit=2");
        assertEquals(log.toString(), 200, log.status());
        assertEquals(3, log.json().get("total").asInt());
        JsonNode last = log.json().get("items").get(0);
        assertEquals("relay-connect", last.get("operation").asText());
        assertEquals("success", last.get("outcome").asText());
        assertEquals("opq-admin", last.get("username").asText());
        assertTrue(last.toString(), last.get("durationMillis").asLong() >= 0);
        assertEquals(2, log.json().get("items").size());
        assertEquals("rejected requests are not operations", 6, c.get("/operations").json().get("total").asInt());

        // one OpenAPI document describes them
        String doc = meterline.admin().get("/openapi.json").body();
        for (String path : new String[] {"/meters/{id}/read", "/meters/{id}/relay", "/meters/{id}/reading-items",
            "/meter-models/{id}/reading-items", "/operations"}) {
            assertTrue(path, doc.contains("\"" + path + "\""));
        }

        // the archive's own /meters resources still answer beside these sub-resources
        assertEquals("OPQ000001", c.get("/meters/" + meter).json().get("serialNumber").asText());

        // a viewer reads but cannot switch relays or change settings
        assertEquals(201, c.post("/users", "{\"username\":\"opq-viewer\",\"password\":\"viewer-password\","
                + "\"role\":\"viewer\"}").status());
        RestClient viewer = c.as("opq-viewer", "viewer-password");
        assertEquals(200, viewer.post("/meters/" + meter + "/read", "{\"items\":[\"1.0.1.8.0.255\"]}").status());
        assertEquals("connected", viewer.post("/meters/" + meter + "/relay", "{\"action\":\"status\"}").json()
                .get("state").asText());
        assertProblem(viewer.post("/meters/" + meter + "/relay", "{\"action\":\"disconnect\"}"), 403, null);
        assertProblem(viewer.put("/meter-models/" + fixture.model + "/reading-items", "{\"items\":[]}"), 403, null);

        // another customer sees none of it
        RestClient admin = meterline.admin();
        OperationFixture.id(admin.post("/customers", "{\"code\":\"OTHER\",\"name\":\"Other\",\"username\":"
                + "\"other-admin\",\"password\":\"other-password\"}"));
        RestClient other = admin.as("other-admin", "other-password");
        assertProblem(other.post("/meters/" + meter + "/read", "{}"), 404, null);
        assertProblem(other.post("/meters/" + meter + "/relay", "{\"action\":\"disconnect\"}"), 404, null);
        assertProblem(other.get("/meters/" + meter + "/reading-items"), 404, null);
        assertProblem(other.get("/meter-models/" + fixture.model + "/reading-items"), 404, null);
        assertEquals(0, other.get("/operations").json().get("total").asInt());
    }
}
