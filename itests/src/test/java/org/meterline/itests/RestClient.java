package org.meterline.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for Meterline's REST API, with Basic authentication. */
public final class RestClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String user;
    private final String password;
    private final String customer;

    public RestClient(String base, String user, String password) {
        this(base, user, password, null);
    }

    private RestClient(String base, String user, String password, String customer) {
        this.base = base;
        this.user = user;
        this.password = password;
        this.customer = customer;
    }

    public RestClient as(String otherUser, String otherPassword) {
        return new RestClient(base, otherUser, otherPassword, null);
    }

    /** The same user acting for another customer (X-Meterline-Customer). */
    public RestClient actingFor(long customerId) {
        return new RestClient(base, user, password, Long.toString(customerId));
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    public Response put(String path, String json) {
        return send("PUT", path, json);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response send(String method, String path, String json) {
        return send(method, path, json, "application/json");
    }

    public Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (customer != null) {
            b.header("X-Meterline-Customer", customer);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("WWW-Authenticate").orElse(""));
        } catch (IOException e) {
            return new Response(-1, e.toString(), "", "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the path answers with the status, or fails after the timeout. */
    public Response await(String path, int status, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        Response last = null;
        while (System.nanoTime() < end) {
            last = get(path);
            if (last.status() == status) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("GET " + path + " did not answer " + status + " within " + timeout + "; last: " + last);
    }

    /**
     * Waits until every path answers 200 several times in a row: right after start the REST
     * endpoint is rebuilt as capabilities register their resources, and answers 404 meanwhile.
     */
    public void awaitStable(Duration timeout, String... paths) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        int streak = 0;
        while (streak < 5) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the REST API did not settle within " + timeout);
            }
            boolean all = true;
            for (String path : paths) {
                all &= get(path).status() == 200;
            }
            streak = all ? streak + 1 : 0;
            Thread.sleep(300);
        }
    }

    public record Response(int status, String body, String contentType, String wwwAuthenticate) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
        }
    }
}
