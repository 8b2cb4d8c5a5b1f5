package org.meterline.driver.dlms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.simulator.Fleet;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SecurityMode;
import org.meterline.simulator.SimulatedMeter;

/**
 * Invocation counters never repeat across a real crash: the driver runs in a JVM of its own that is
 * killed with SIGKILL in the middle of its work, then a new JVM continues from the counter store on
 * disk. The simulated meter refuses any counter it has seen (as a meter does), so a reused counter
 * would fail the second JVM's sessions and be counted.
 */
class InvocationCounterKillTest {

    @TempDir
    Path work;

    private record Run(List<String> lines) {
        long ok() {
            return lines.stream().filter(l -> l.startsWith("ok ")).count();
        }

        List<String> failures() {
            return lines.stream().filter(l -> l.startsWith("fail ")).toList();
        }
    }

    /** Starts the child, lets it finish {@code sessions} sessions, then kills it with SIGKILL. */
    private Run runAndKill(SimulatedMeter m, Path counters, int sessions) throws IOException, InterruptedException {
        HexFormat hex = HexFormat.of();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CounterChild.class.getName(), m.host(),
                Integer.toString(m.port()), Integer.toString(m.logicalDevice()), Integer.toString(m.clientId()),
                m.serialNumber(), hex.formatHex(m.authenticationKey()), hex.formatHex(m.encryptionKey()),
                counters.toString()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            String line;
            while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
                lines.add(line);
                if (line.startsWith("fail ") || new Run(lines).ok() >= sessions) {
                    break;
                }
            }
            // SIGKILL while it goes on working: no shutdown hook, no close, no flush
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child ended");
        }
        return new Run(lines);
    }

    @Test
    void countersContinueAboveTheLastOneAfterAKill() throws Exception {
        try (Fleet fleet = Fleet.start(FleetSpec.of(1, 0).withName("kill").withSecurity(SecurityMode.HLS5_GMAC))) {
            SimulatedMeter m = fleet.meters().get(0);
            Path counters = work.resolve("counters");

            Run first = runAndKill(m, counters, 40);
            assertEquals(List.of(), first.failures());
            assertEquals(40, first.ok(), first.lines().toString());
            long highestBeforeKill = m.highestInvocationCounter();
            assertTrue(highestBeforeKill > 40 * 6, "every session used several counters: " + highestBeforeKill);

            Run second = runAndKill(m, counters, 20);
            assertEquals(List.of(), second.failures(), "no counter was refused after the kill");
            assertEquals(20, second.ok(), second.lines().toString());
            assertEquals(0, m.rejectedInvocationCounters(), "the meter never saw a counter twice");
            assertTrue(m.highestInvocationCounter() > highestBeforeKill);
        }
    }
}
