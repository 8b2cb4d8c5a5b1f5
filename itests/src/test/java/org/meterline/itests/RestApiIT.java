package org.meterline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.meterline.itests.RestClient.Response;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The REST API inside the real distribution: authentication (401), roles (403), problem+json
 * errors naming the field, and customer isolation on every service-type and service-rate
 * endpoint.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RestApiIT extends MeterlineExam {

    private static RestClient admin;
    private static long acmeId;
    private static long betaId;

    @Before
    public void customers() throws Exception {
        if (admin != null) {
            return;
        }
        admin = ready();
        admin.await("/service-types", 200, Duration.ofSeconds(30));
        acmeId = created(admin.post("/customers", "{\"code\":\"ACME\",\"name\":\"Acme Power\","
                + "\"username\":\"acme-admin\",\"password\":\"acme-password\"}")).get("id").asLong();
        betaId = created(admin.post("/customers", "{\"code\":\"BETA\",\"name\":\"Beta Water\","
                + "\"username\":\"beta-admin\",\"password\":\"beta-password\"}")).get("id").asLong();
    }

    private static JsonNode created(Response r) {
        assertEquals(r.toString(), 201, r.status());
        return r.json();
    }

    private static void assertProblem(Response r, int status, String field) {
        assertEquals(r.toString(), status, r.status());
        assertTrue(r.toString(), r.contentType().startsWith("application/problem+json"));
        JsonNode problem = r.json();
        assertEquals(status, problem.get("status").asInt());
        assertTrue(r.toString(), problem.get("detail").asText().length() > 5);
        if (field != null) {
            assertEquals(r.toString(), field, problem.get("errors").get(0).get("field").asText());
        }
    }

    private RestClient acme() {
        return admin.as("acme-admin", "acme-password");
    }

    private RestClient beta() {
        return admin.as("beta-admin", "beta-password");
    }

    @Test
    public void unauthenticatedCallsGet401() {
        RestClient anonymous = admin.as(null, null);
        for (String path : new String[] {"/service-types", "/service-rates", "/customers", "/users", "/me"}) {
            Response r = anonymous.get(path);
            assertProblem(r, 401, null);
            assertEquals("Basic realm=\"meterline\"", r.wwwAuthenticate());
        }
        assertProblem(admin.as("admin", "wrong-password").get("/service-types"), 401, null);
        assertProblem(admin.as("karaf", "karaf").get("/service-types"), 401, null);
        assertEquals(200, anonymous.get("/openapi.json").status());
    }

    @Test
    public void rolesAreEnforced() {
        created(acme().post("/users", "{\"username\":\"acme-viewer\",\"password\":\"viewer-password\",\"role\":\"viewer\"}"));
        RestClient viewer = admin.as("acme-viewer", "viewer-password");
        assertEquals(200, viewer.get("/service-types").status());
        assertProblem(viewer.post("/service-types", "{\"code\":\"V1\",\"name\":\"Nope\"}"), 403, null);
        assertProblem(viewer.post("/users", "{\"username\":\"x1\",\"password\":\"password1\",\"role\":\"viewer\"}"), 403, null);
        assertProblem(acme().post("/customers", "{\"code\":\"EVIL\",\"name\":\"Evil\",\"username\":\"evil\","
                + "\"password\":\"evil-password\"}"), 403, null);
        assertProblem(acme().actingFor(betaId).get("/service-types"), 403, null);
        JsonNode me = viewer.get("/me").json();
        assertEquals("viewer", me.get("roles").get(0).asText());
        assertEquals(acmeId, me.get("customerId").asLong());
    }

    @Test
    public void serviceRateFlowWithClearErrors() {
        RestClient acme = acme();
        long elec = created(acme.post("/service-types", "{\"code\":\"ELEC\",\"name\":\"Electricity\"}")).get("id").asLong();
        assertProblem(acme.post("/service-types", "{\"code\":\"elec\",\"name\":\"Again\"}"), 409, "code");
        assertProblem(acme.post("/service-types", "{\"code\":\"\",\"name\":\"\"}"), 400, "code");

        String rate = "{\"serviceTypeId\":" + elec + ",\"code\":\"RES\",\"name\":\"Residential\",\"value\":%s}";
        assertProblem(acme.post("/service-rates", String.format(rate, "-0.1")), 400, "value");
        assertProblem(acme.post("/service-rates", String.format(rate, "\"abc\"")), 400, "value");
        assertProblem(acme.post("/service-rates", "{not json"), 400, null);
        JsonNode res = created(acme.post("/service-rates", String.format(rate, "0.245")));
        assertEquals("ELEC", res.get("serviceTypeCode").asText());
        assertEquals(0.245, res.get("value").asDouble(), 1e-9);
        assertProblem(acme.post("/service-rates", String.format(rate, "0.3")), 409, "code");

        long rateId = res.get("id").asLong();
        assertEquals(200, acme.put("/service-rates/" + rateId, "{\"serviceTypeId\":" + elec
                + ",\"code\":\"RES\",\"name\":\"Residential 2027\",\"value\":0.25,\"validFrom\":\"2027-01-01\"}").status());
        assertEquals("2027-01-01", acme.get("/service-rates/" + rateId).json().get("validFrom").asText());
        assertProblem(acme.delete("/service-types/" + elec), 409, null);

        JsonNode page = acme.get("/service-rates?q=res&sort=-code&limit=10").json();
        assertEquals(1, page.get("total").asInt());
        assertProblem(acme.get("/service-rates?sort=secret"), 400, "sort");
        assertProblem(acme.get("/service-rates?limit=0"), 400, "limit");
        assertProblem(acme.get("/service-rates/999999"), 404, null);
    }

    @Test
    public void customersAreIsolatedOnEveryEndpoint() {
        RestClient acme = acme();
        RestClient beta = beta();
        long type = created(acme.post("/service-types", "{\"code\":\"WATER\",\"name\":\"Water\"}")).get("id").asLong();
        long rate = created(acme.post("/service-rates", "{\"serviceTypeId\":" + type
                + ",\"code\":\"W1\",\"name\":\"Water std\",\"value\":2.1,\"unit\":\"m3\"}")).get("id").asLong();

        assertEquals(0, beta.get("/service-types?q=WATER").json().get("total").asInt());
        assertEquals(0, beta.get("/service-rates?q=W1").json().get("total").asInt());
        assertProblem(beta.get("/service-types/" + type), 404, null);
        assertProblem(beta.get("/service-rates/" + rate), 404, null);
        assertProblem(beta.put("/service-types/" + type, "{\"code\":\"HACK\",\"name\":\"Hacked\"}"), 404, null);
        assertProblem(beta.put("/service-rates/" + rate, "{\"serviceTypeId\":" + type
                + ",\"code\":\"W1\",\"name\":\"x\",\"value\":0}"), 404, null);
        assertProblem(beta.delete("/service-rates/" + rate), 404, null);
        assertProblem(beta.delete("/service-types/" + type), 404, null);
        // a beta rate cannot point at acme's service type
        assertProblem(beta.post("/service-rates", "{\"serviceTypeId\":" + type
                + ",\"code\":\"B1\",\"name\":\"x\",\"value\":1}"), 400, "serviceTypeId");
        assertProblem(beta.get("/customers/" + acmeId), 404, null);
        assertEquals(1, beta.get("/customers").json().get("total").asInt());
        JsonNode betaUsers = beta.get("/users").json();
        assertEquals(1, betaUsers.get("total").asInt());
        assertEquals("beta-admin", betaUsers.get("items").get(0).get("username").asText());

        // acme's data is untouched, and the system admin sees it after switching customer
        assertEquals("Water", acme.get("/service-types/" + type).json().get("name").asText());
        assertEquals(200, acme.get("/service-rates/" + rate).status());
        assertEquals(1, admin.actingFor(acmeId).get("/service-types?q=WATER").json().get("total").asInt());
        assertEquals(0, admin.get("/service-types?q=WATER").json().get("total").asInt());
    }

    @Test
    public void openApiDescribesEveryEndpointAndSwaggerUiServesIt() {
        String doc = admin.get("/openapi.json").body();
        for (String path : new String[] {"/service-types", "/service-types/{id}", "/service-rates",
            "/service-rates/{id}", "/customers", "/users", "/users/{id}", "/me"}) {
            assertTrue(path, doc.contains("\"" + path + "\""));
        }
        Response ui = admin.as(null, null).get("/api-docs/?url=/api/v1/openapi.json");
        assertEquals(200, ui.status());
        assertTrue(ui.body().contains("Swagger UI"));
    }
}
