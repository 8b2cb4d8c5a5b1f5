package org.meterline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the meter operation tests set up in a distribution run as a process: the simulator feature
 * (dropped into deploy/ before the start), a fleet of three simulated meters started from the admin
 * shell without security ("--security none": the shell never reveals a fleet's keys), and a customer
 * whose archive holds them (model Iskra AM550, one acquisition module at the fleet's port, the
 * meters with their logical devices and communication security none).
 */
final class OperationFixture {

    final long customer;
    final long model;
    final long[] meters = new long[3];
    final RestClient customerAdmin;

    private OperationFixture(long customer, long model, RestClient customerAdmin) {
        this.customer = customer;
        this.model = model;
        this.customerAdmin = customerAdmin;
    }

    /** Before {@link MeterlineProcess#start()}: installs the simulator feature with the platform. */
    static void installSimulator(MeterlineProcess meterline) throws IOException {
        Path deploy = meterline.home.resolve("deploy");
        Files.createDirectories(deploy);
        Files.writeString(deploy.resolve("operation-it-simulator.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<features name=\"operation-it\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">\n"
                + "  <feature name=\"operation-it-simulator\" install=\"auto\"><feature>meterline-simulator</feature>"
                + "</feature>\n</features>\n");
    }

    /** After the start: the fleet on {@code port} (serials {@code prefix}000001..3) and the customer. */
    static OperationFixture create(MeterlineProcess meterline, int port, String prefix, String code, String username,
            String password) throws Exception {
        String started = "";
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < end) {
            started = meterline.shell("admin", MeterlineProcess.ADMIN_PASSWORD, "meterline:simulator-start --name "
                    + prefix.toLowerCase() + " --count 3 --port " + port + " --prefix " + prefix + " --security none")
                    .replaceAll("\u001B\\[[;\\d]*m", "");
            if (started.contains("Started")) {
                break;
            }
            Thread.sleep(1000); // the simulator feature is still being installed from deploy/
        }
        assertTrue(started, started.contains("Started"));

        RestClient admin = meterline.admin();
        long customer = id(admin.post("/customers", "{\"code\":\"" + code + "\",\"name\":\"" + code + " Utility\","
                + "\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
        RestClient c = admin.as(username, password);
        long model = id(c.post("/meter-models", "{\"manufacturer\":\"Iskra\",\"model\":\"AM550\",\"phases\":3}"));
        long module = id(c.post("/acquisition-modules", "{\"serialNumber\":\"MOD-" + prefix + "\",\"type\":\"ethernet\","
                + "\"address\":\"127.0.0.1:" + port + "\"}"));
        OperationFixture f = new OperationFixture(customer, model, c);
        for (int i = 0; i < 3; i++) {
            f.meters[i] = id(c.post("/meters", "{\"serialNumber\":\"" + prefix + "00000" + (i + 1) + "\",\"modelId\":"
                    + model + ",\"moduleId\":" + module + "}"));
            RestClient.Response comm = c.put("/meters/" + f.meters[i] + "/communication", "{\"logicalDevice\":"
                    + (i + 1) + ",\"clientId\":16,\"security\":\"none\"}");
            assertEquals(comm.toString(), 200, comm.status());
        }
        return f;
    }

    static long id(RestClient.Response r) {
        assertTrue(r.toString(), r.status() == 200 || r.status() == 201);
        return r.json().get("id").asLong();
    }
}
