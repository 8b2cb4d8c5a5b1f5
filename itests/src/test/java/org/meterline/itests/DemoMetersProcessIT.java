package org.meterline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The distribution with the demo feature, as a newcomer starts it: the demo customer's meters are
 * simulated DLMS meters on loopback, and the shell reads and controls them through the DLMS
 * driver — also after a restart (same keys, invocation counters continue).
 */
public class DemoMetersProcessIT {

    private static MeterlineProcess meterline;

    @BeforeClass
    public static void start() throws Exception {
        meterline = MeterlineProcess.unpackDemo("run-demo", 31000);
        meterline.start();
        demo().await("/meters?q=SN000100", 200, Duration.ofSeconds(120));
        awaitDemoMeters();
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

    private static void awaitDemoMeters() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < end) {
            RestClient.Response r = demo().get("/meters?q=SN000100");
            if (r.status() == 200 && r.json().get("total").asInt() == 1) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the demo meters did not appear");
    }

    private static String shell(String... commands) throws Exception {
        return meterline.shell("demo", "demo1234", commands).replaceAll("\u001B\\[[;\\d]*m", "");
    }

    @Test
    public void demoMetersAreLiveAndAnswerTheShell() throws Exception {
        String drivers = shell("meterline:driver-list");
        assertTrue(drivers, drivers.contains("dlms"));
        assertTrue(drivers, drivers.contains("Iskra AM550"));

        String read = shell("meterline:read SN000001 1.0.1.8.0.255 1.0.32.7.0.255");
        assertTrue(read, read.matches("(?s).*1-0:1\\.8\\.0\\.255.*\\|\\s*\\d+\\s*\\|\\s*Wh.*"));
        assertTrue(read, read.matches("(?s).*1-0:32\\.7\\.0\\.255.*\\|\\s*\\d+(\\.\\d)?\\s*\\|\\s*V.*"));

        assertTrue(shell("meterline:relay SN000002 disconnect").contains("Relay of SN000002: disconnected"));
        assertTrue(shell("meterline:relay SN000002").contains("Relay of SN000002: disconnected"));
        assertTrue(shell("meterline:relay SN000002 connect").contains("Relay of SN000002: connected"));

        String profile = shell("meterline:load-profile --hours 2 SN000003");
        assertTrue(profile, profile.matches("(?s).*\\b(7|8|9) rows, 4 channels.*"));

        assertTrue(shell("meterline:clock SN000004").contains("Clock of SN000004"));
        String unknown = shell("meterline:read NOPE-1");
        assertTrue(unknown, unknown.contains("No meter NOPE-1"));
    }

    @Test
    public void demoMetersAnswerAgainAfterARestart() throws Exception {
        assertTrue(shell("meterline:clock SN000005").contains("Clock of SN000005"));
        meterline.stop();
        meterline.start();
        awaitDemoMeters();
        // the simulated fleet starts in the background after the platform is up
        String read = "";
        for (int i = 0; i < 30 && !read.contains("Wh"); i++) {
            read = shell("meterline:read SN000005 1.0.1.8.0.255");
            if (!read.contains("Wh")) {
                Thread.sleep(1000);
            }
        }
        assertTrue(read, read.contains("Wh"));
        assertEquals("the demo data is loaded once", 1, demo().get("/meters?q=SN000005").json().get("total").asInt());
    }
}
