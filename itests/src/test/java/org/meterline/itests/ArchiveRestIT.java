package org.meterline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.meterline.itests.RestClient.Response;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Manual §2–§4 over REST in the real distribution: a customer builds its grid and archive and
 * binds a meter to a consumer; every rule answers with the field at fault; another customer
 * cannot see, change or delete any of it through any endpoint.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ArchiveRestIT extends MeterlineExam {

    private static long id(Response r) {
        assertEquals(r.toString(), 201, r.status());
        return r.json().get("id").asLong();
    }

    private static void assertField(Response r, int status, String field) {
        assertEquals(r.toString(), status, r.status());
        assertEquals(r.toString(), field, r.json().get("errors").get(0).get("field").asText());
    }

    @Test
    public void customerBuildsGridAndArchiveAndOthersSeeNothing() throws Exception {
        RestClient admin = ready();
        admin.await("/pocs", 200, Duration.ofSeconds(30));
        id(admin.post("/customers", "{\"code\":\"GAMMA\",\"name\":\"Gamma Grid\",\"username\":\"gamma-admin\","
                + "\"password\":\"gamma-password\"}"));
        id(admin.post("/customers", "{\"code\":\"DELTA\",\"name\":\"Delta Grid\",\"username\":\"delta-admin\","
                + "\"password\":\"delta-password\"}"));
        RestClient gamma = admin.as("gamma-admin", "gamma-password");
        RestClient delta = admin.as("delta-admin", "delta-password");

        long type = id(gamma.post("/service-types", "{\"code\":\"ELEC\",\"name\":\"Electricity\"}"));
        long rate = id(gamma.post("/service-rates", "{\"serviceTypeId\":" + type
                + ",\"code\":\"RES\",\"name\":\"Residential\",\"value\":0.25}"));
        long otherRate = id(gamma.post("/service-rates", "{\"serviceTypeId\":" + type
                + ",\"code\":\"COM\",\"name\":\"Commercial\",\"value\":0.2}"));

        Map<String, Long> objects = new LinkedHashMap<>();
        long site = id(gamma.post("/sites", "{\"name\":\"Riverside\",\"latitude\":52.5,\"longitude\":13.4,"
                + "\"timeZone\":\"Europe/Berlin\"}"));
        objects.put("/sites", site);
        assertField(gamma.post("/sites", "{\"name\":\"Bad\",\"timeZone\":\"Mars/Base\"}"), 400, "timeZone");
        long project = id(gamma.post("/projects", "{\"siteId\":" + site + ",\"name\":\"Apartments\",\"serviceRateIds\":["
                + rate + "],\"status\":\"in-operation\"}"));
        objects.put("/projects", project);
        long root = id(gamma.post("/power-grids", "{\"name\":\"North\"}"));
        long child = id(gamma.post("/power-grids", "{\"parentId\":" + root + ",\"name\":\"Feeder 1\"}"));
        objects.put("/power-grids", child);
        assertField(gamma.put("/power-grids/" + root, "{\"parentId\":" + child + ",\"name\":\"North\"}"), 400, "parentId");

        long model = id(gamma.post("/meter-models", "{\"manufacturer\":\"Landis\",\"model\":\"E450\",\"phases\":1}"));
        objects.put("/meter-models", model);
        long module = id(gamma.post("/acquisition-modules", "{\"serialNumber\":\"MOD-1\",\"type\":\"gprs\","
                + "\"address\":\"10.0.0.1:4059\"}"));
        objects.put("/acquisition-modules", module);
        assertField(gamma.post("/acquisition-modules", "{\"serialNumber\":\"MOD-2\",\"type\":\"gprs\","
                + "\"address\":\"no-port\"}"), 400, "address");
        long meter = id(gamma.post("/meters", "{\"serialNumber\":\"SN-1\",\"modelId\":" + model + ",\"moduleId\":"
                + module + ",\"ctRatio\":1}"));
        objects.put("/meters", meter);
        assertField(gamma.post("/meters", "{\"serialNumber\":\"SN-1\",\"modelId\":" + model + "}"), 409, "serialNumber");
        assertField(gamma.post("/meters", "{\"serialNumber\":\"SN-2\",\"modelId\":" + model + ",\"ctRatio\":\"x\"}"),
                400, "ctRatio");
        long consumer = id(gamma.post("/consumers", "{\"code\":\"C1\",\"name\":\"Carla\"}"));
        objects.put("/consumers", consumer);

        String poc = "{\"siteId\":" + site + ",\"projectId\":" + project + ",\"powerGridId\":" + child
                + ",\"serviceRateId\":%d,\"meterSerial\":\"SN-1\",\"consumerCode\":\"C1\",\"name\":\"Flat 1\"}";
        assertField(gamma.post("/pocs", String.format(poc, otherRate)), 400, "serviceRateId");
        long pocId = id(gamma.post("/pocs", String.format(poc, rate)));
        objects.put("/pocs", pocId);
        assertField(gamma.post("/pocs", String.format(poc, rate)), 409, "meterSerial");
        assertEquals("installed", gamma.get("/meters/" + meter).json().get("status").asText());
        assertEquals(1, gamma.get("/meters?status=installed").json().get("total").asInt());
        assertEquals(0, gamma.get("/meters?status=warehouse").json().get("total").asInt());
        assertField(gamma.get("/meters?status=lost"), 400, "status");
        JsonNode history = gamma.get("/meters/" + meter + "/history").json();
        assertEquals("installed", history.get(history.size() - 1).get("to").asText());

        // things in use are not deleted
        assertEquals(409, gamma.delete("/service-rates/" + rate).status());
        assertEquals(409, gamma.delete("/projects/" + project).status());
        assertEquals(409, gamma.delete("/consumers/" + consumer).status());
        assertEquals(409, gamma.delete("/meter-models/" + model).status());

        // delta sees and touches none of it
        for (Map.Entry<String, Long> e : objects.entrySet()) {
            String path = e.getKey();
            assertEquals(path, 0, delta.get(path).json().get("total").asInt());
            assertEquals(path, 404, delta.get(path + "/" + e.getValue()).status());
            // a change is refused: unknown object (404), or input rejected before any lookup (400)
            int put = delta.put(path + "/" + e.getValue(), "{\"name\":\"x\"}").status();
            assertTrue(path + " " + put, put == 404 || put == 400);
            assertEquals(path, 404, delta.delete(path + "/" + e.getValue()).status());
        }
        assertEquals(404, delta.post("/meters/" + meter + "/status", "{\"status\":\"faulty\"}").status());
        assertEquals(404, delta.get("/meters/" + meter + "/history").status());
        assertEquals(0, delta.get("/power-grids/tree").json().size());

        // and gamma's data is all still there
        for (Map.Entry<String, Long> e : objects.entrySet()) {
            assertEquals(e.getKey(), 200, gamma.get(e.getKey() + "/" + e.getValue()).status());
        }
        assertTrue(gamma.get("/power-grids/tree").json().toString().contains("North / Feeder 1"));

        // bulk import: a file with one bad row imports nothing and names the row and field
        String header = "serialNumber,manufacturer,model,moduleSerial,ctRatio\n";
        Response bad = gamma.send("POST", "/imports/meters?filename=meters.csv",
                header + "SN-100,Landis,E450,MOD-1,1\nSN-101,Landis,E999,,1\nSN-102,Landis,E450,,x\n", "text/csv");
        assertEquals(bad.toString(), 400, bad.status());
        JsonNode report = bad.json();
        assertEquals(false, report.get("imported").asBoolean());
        assertEquals(2, report.get("errors").get(0).get("row").asInt());
        assertEquals(3, report.get("errors").get(1).get("row").asInt());
        assertEquals("ctRatio", report.get("errors").get(1).get("field").asText());
        assertEquals(0, gamma.get("/meters?q=SN-10").json().get("total").asInt());
        Response good = gamma.send("POST", "/imports/meters?filename=meters.csv",
                header + "SN-100,Landis,E450,MOD-1,1\nSN-101,landis,e450,,2\n", "text/csv");
        assertEquals(good.toString(), 200, good.status());
        assertEquals(2, good.json().get("importedRows").asInt());
        assertEquals(2, gamma.get("/meters?q=SN-10&status=warehouse").json().get("total").asInt());
        assertEquals(0, delta.get("/meters?q=SN-10").json().get("total").asInt());
        Response template = gamma.get("/imports/meters/template?format=csv");
        assertEquals(200, template.status());
        assertTrue(template.body().toLowerCase().startsWith("serialnumber,"));

        // ending the POC dismantles the meter and frees it
        assertEquals(204, gamma.delete("/pocs/" + pocId).status());
        assertEquals("dismantled", gamma.get("/meters/" + meter).json().get("status").asText());
    }
}
