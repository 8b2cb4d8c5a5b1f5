package org.meterline.collection.internal;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.meterline.simulator.Fault;
import org.meterline.simulator.Fleet;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SecurityMode;
import org.meterline.simulator.SimulatedMeter;

/**
 * A simulator fleet in a JVM of its own, for the collection benchmark: meters are not in the head-end's
 * process in a real deployment, and the simulator's garbage (jDLMS's server allocates a 5 MB buffer for
 * every association) would otherwise be collected by the JVM that is being measured. The child prints
 * one line per meter (serial, host, port, logical device, client id) and runs until its standard input
 * closes. Meters without security only (the benchmark's).
 */
final class SimulatorProcess implements AutoCloseable {

    private static final String READY = "READY";

    private final Process process;
    private final List<SimulatedMeter> meters;

    private SimulatorProcess(Process process, List<SimulatedMeter> meters) {
        this.process = process;
        this.meters = meters;
    }

    /** Starts {@code count} meters on ports from {@code basePort} in a child JVM; answers once they listen. */
    static SimulatorProcess start(int count, int basePort, List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(SimulatorProcess.class.getName());
        command.add(Integer.toString(count));
        command.add(Integer.toString(basePort));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<SimulatedMeter> meters = new ArrayList<>(count);
        String line;
        while ((line = out.readLine()) != null && !line.equals(READY)) {
            String[] f = line.split(" ");
            if (f.length == 5) {
                meters.add(new Remote(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                        Integer.parseInt(f[4])));
            }
        }
        if (line == null || meters.size() != count) {
            p.destroyForcibly();
            throw new IOException("the simulator process ended before its " + count + " meters listened (it named "
                    + meters.size() + ")");
        }
        return new SimulatorProcess(p, List.copyOf(meters));
    }

    List<SimulatedMeter> meters() {
        return meters;
    }

    /** CPU time the simulator process has used so far (all its threads). */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /**
     * The class path of this run: the test class loader's (exec:java runs the benchmark in a class loader of
     * its own, so java.class.path names Maven, not the project), else java.class.path.
     */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader l = Thread.currentThread().getContextClassLoader(); l != null && entries.isEmpty();
                l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        entries.add(url.getPath());
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            return System.getProperty("java.class.path");
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The child: {@code <count> <basePort>}. */
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        int basePort = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        try (Fleet fleet = Fleet.start(FleetSpec.of(count, basePort).withName("bench").withSecurity(SecurityMode.NONE)
                .withHistoryDays(2))) {
            for (SimulatedMeter m : fleet.meters()) {
                out.print(m.serialNumber() + " " + m.host() + " " + m.port() + " " + m.logicalDevice() + " "
                        + m.clientId() + "\n");
            }
            out.print(READY + "\n");
            out.flush();
            // until the benchmark closes our standard input
            while (System.in.read() >= 0) {
                // nothing to read: the benchmark only closes it
            }
        }
    }

    /** A meter of the child process, as far as a client needs it. */
    private record Remote(String serialNumber, String host, int port, int logicalDevice, int clientId)
            implements SimulatedMeter {

        @Override
        public SecurityMode security() {
            return SecurityMode.NONE;
        }

        @Override
        public byte[] password() {
            return new byte[0];
        }

        @Override
        public byte[] authenticationKey() {
            return new byte[0];
        }

        @Override
        public byte[] encryptionKey() {
            return new byte[0];
        }

        @Override
        public byte[] masterKey() {
            return new byte[0];
        }

        @Override
        public long highestInvocationCounter() {
            return 0;
        }

        @Override
        public void inject(Fault fault) {
            throw new UnsupportedOperationException("a meter of the simulator process");
        }

        @Override
        public void clearFaults() {
            throw new UnsupportedOperationException("a meter of the simulator process");
        }

        @Override
        public long energyAt(int channel, Instant intervalEnd) {
            throw new UnsupportedOperationException("a meter of the simulator process");
        }

        @Override
        public int relayControlState() {
            throw new UnsupportedOperationException("a meter of the simulator process");
        }

        @Override
        public long ctRatio() {
            throw new UnsupportedOperationException("a meter of the simulator process");
        }

        @Override
        public long ptRatio() {
            throw new UnsupportedOperationException("a meter of the simulator process");
        }

        @Override
        public String activeFirmware() {
            throw new UnsupportedOperationException("a meter of the simulator process");
        }

        @Override
        public int receivedImageBlocks() {
            throw new UnsupportedOperationException("a meter of the simulator process");
        }

        @Override
        public long rejectedInvocationCounters() {
            throw new UnsupportedOperationException("a meter of the simulator process");
        }

        @Override
        public void openTerminalCover() {
            throw new UnsupportedOperationException("a meter of the simulator process");
        }
    }
}
