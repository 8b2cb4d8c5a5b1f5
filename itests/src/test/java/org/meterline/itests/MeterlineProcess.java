package org.meterline.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built distribution, unpacked under target/ and run as its own process (bin/start,
 * bin/stop), on ports of its own: what a utility's IT would run.
 */
final class MeterlineProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "process-admin-pw";

    final Path home;
    final int httpPort;
    final int sshPort;

    private MeterlineProcess(Path home, int httpPort, int sshPort) {
        this.home = home;
        this.httpPort = httpPort;
        this.sshPort = sshPort;
    }

    /** Ports from here up are Linux's ephemeral ports (ip_local_port_range): any outgoing socket may hold one. */
    static final int EPHEMERAL_PORTS = 32768;

    /**
     * Unpacks a fresh copy of the distribution and sets its ports (from {@code portBase}: +59 the demo's
     * meters, +98/+99 RMI, +101 ssh, +181 HTTP) and admin password. All of them must lie below the ephemeral
     * range: a demo fleet once failed to bind because a client socket of another process held its port.
     */
    static MeterlineProcess unpack(String name, int portBase) throws IOException, InterruptedException {
        if (portBase + 181 >= EPHEMERAL_PORTS) {
            throw new IllegalArgumentException("port base " + portBase + " reaches into the ephemeral ports ("
                    + EPHEMERAL_PORTS + " and up)");
        }
        Path dir = Paths.get("target", name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        String distribution = System.getProperty("meterline.distribution",
                "../distribution/target/meterline-distribution-0.1.0-SNAPSHOT.tar.gz");
        run(dir, List.of("tar", "xzf", Paths.get(distribution).toAbsolutePath().toString(), "--strip-components=1"));
        MeterlineProcess p = new MeterlineProcess(dir, portBase + 181, portBase + 101);
        p.set("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(p.httpPort));
        p.set("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(p.sshPort));
        p.set("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(portBase + 99));
        p.set("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(portBase + 98));
        p.set("etc/org.meterline.tenant.cfg", "adminPassword", ADMIN_PASSWORD);
        p.set("etc/org.meterline.tenant.cfg", "bcryptCost", "4");
        return p;
    }

    /**
     * Unpacks a fresh copy with the demo customer deployed (as the README's first command does), its
     * simulated meters on {@code portBase + 59}.
     */
    static MeterlineProcess unpackDemo(String name, int portBase) throws IOException, InterruptedException {
        MeterlineProcess p = unpack(name, portBase);
        Path deploy = p.home.resolve("deploy");
        Files.createDirectories(deploy);
        Files.copy(Paths.get("../distribution/src/demo/deploy/meterline-demo.xml"), deploy.resolve("meterline-demo.xml"));
        p.set("etc/org.meterline.demo.cfg", "simulatorPort", Integer.toString(portBase + 59));
        p.set("etc/org.meterline.demo.cfg", "url", p.baseUrl() + "/meterline");
        return p;
    }

    /** The REST API as the demo customer's admin. */
    RestClient demo() {
        return new RestClient(baseUrl() + "/api/v1", "demo", "demo1234");
    }

    /** Waits until collection answers and the demo data is written (its 60 POCs). */
    void awaitDemoData() throws InterruptedException {
        demo().await("/collection-tasks", 200, Duration.ofSeconds(120));
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < end && demo().get("/pocs?limit=1").json().get("total").asInt() < 60) {
            Thread.sleep(500); // the demo data is still being written
        }
    }

    /** Sets a key in a configuration file, replacing its line or adding one. */
    void set(String file, String key, String value) throws IOException {
        Path path = home.resolve(file);
        List<String> lines = Files.exists(path) ? new ArrayList<>(Files.readAllLines(path)) : new ArrayList<>();
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*=.*")) {
                lines.set(i, key + " = " + value);
                found = true;
            }
        }
        if (!found) {
            lines.add(key + " = " + value);
        }
        Files.write(path, lines);
    }

    String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    RestClient admin() {
        return new RestClient(baseUrl() + "/api/v1", "admin", ADMIN_PASSWORD);
    }

    /** Starts the platform and waits until its REST API accepts a login. */
    void start() throws IOException, InterruptedException {
        run(home, List.of(home.resolve("bin/start").toString()));
        admin().await("/me", 200, Duration.ofSeconds(180));
        admin().awaitStable(Duration.ofSeconds(120), "/service-rates", "/sites", "/pocs", "/meters");
    }

    /** Stops the platform and waits for its process to end. */
    void stop() throws IOException, InterruptedException {
        Path pidFile = home.resolve("karaf.pid");
        Long pid = Files.exists(pidFile) ? Long.valueOf(Files.readString(pidFile).trim()) : null;
        run(home, List.of(home.resolve("bin/stop").toString()));
        if (pid != null) {
            ProcessHandle.of(pid).ifPresent(h -> {
                try {
                    h.onExit().get(120, TimeUnit.SECONDS);
                } catch (Exception e) {
                    h.destroyForcibly();
                }
            });
        }
    }

    /** Runs shell commands through bin/client as the given account; returns what the shell printed. */
    String shell(String user, String password, String... commands) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", Integer.toString(sshPort),
                "-u", user, "-p", password, "-r", "2", "-b").directory(home.toFile()).redirectErrorStream(true);
        Process process = pb.start();
        process.getOutputStream().write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("process.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(command + " failed in " + dir + "; see process.log");
        }
    }
}
