package org.meterline.readings.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL server for tests and benchmarks, from one of two places:
 *
 * <ol>
 * <li>{@code MLTEST_PG_URL} (with {@code MLTEST_PG_USER}, {@code MLTEST_PG_PASSWORD}): an existing
 * database where that user may create schemas;
 * <li>otherwise a throwaway cluster started here from the server binaries ({@code MLTEST_PG_BIN},
 * else the newest {@code /usr/lib/postgresql/<version>/bin}): {@code initdb} into
 * {@code target/mltest-pg-<random>} ({@code /tmp/…} under root), {@code pg_ctl start} on a free
 * loopback port, no Unix socket.
 * PostgreSQL refuses to run as root, so under root the commands run through
 * {@code runuser -u postgres} (or {@code nobody}) and the folder is handed to that user.
 * </ol>
 *
 * When neither is there, {@link #obtain} fails and says how to get PostgreSQL.
 */
public final class PgServer implements AutoCloseable {

    public static final String HOW_TO_GET_ONE = "The readings tests run on PostgreSQL as well as on Derby, and no"
            + " PostgreSQL was found. Either point them at a database where the user may create schemas:"
            + " MLTEST_PG_URL=jdbc:postgresql://localhost:5432/mltest MLTEST_PG_USER=mltest MLTEST_PG_PASSWORD=..."
            + " or install the server binaries (Debian: apt-get install postgresql; or set MLTEST_PG_BIN to the folder"
            + " holding initdb and pg_ctl) and the tests start a throwaway cluster themselves. (.ci/run does the latter.)";

    private final String url;
    private final String user;
    private final String password;
    private final Path dir;
    private final List<String> runAs;
    private final Path bin;
    private Thread shutdownHook;

    private PgServer(String url, String user, String password, Path dir, List<String> runAs, Path bin) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.dir = dir;
        this.runAs = runAs;
        this.bin = bin;
    }

    /**
     * The external database from the environment, or a new throwaway cluster.
     *
     * @param durable false for tests (fsync off: faster, nothing to keep); true for benchmarks
     * @throws IllegalStateException with {@link #HOW_TO_GET_ONE} when there is no PostgreSQL
     */
    public static PgServer obtain(boolean durable) {
        String external = System.getenv("MLTEST_PG_URL");
        if (external != null && !external.isBlank()) {
            return new PgServer(external, env("MLTEST_PG_USER", "postgres"), env("MLTEST_PG_PASSWORD", ""), null,
                    List.of(), null);
        }
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(HOW_TO_GET_ONE));
        try {
            return start(bin, durable);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start a throwaway PostgreSQL from " + bin + ": " + e.getMessage()
                    + "\n" + HOW_TO_GET_ONE, e);
        }
    }

    public String url() {
        return url;
    }

    public boolean throwaway() {
        return dir != null;
    }

    /** A data source on a new, empty schema; {@link #dropSchema} removes it. */
    public PGSimpleDataSource newSchema(String schema) throws SQLException {
        try (Connection c = dataSource(null).getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return dataSource(schema);
    }

    public void dropSchema(String schema) throws SQLException {
        try (Connection c = dataSource(null).getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private PGSimpleDataSource dataSource(String schema) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(password);
        if (schema != null) {
            ds.setCurrentSchema(schema);
        }
        return ds;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    private static Optional<Path> binaries() {
        String explicit = System.getenv("MLTEST_PG_BIN");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(PgServer::hasServer);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(PgServer::hasServer)
                    .max(Comparator.comparingInt(PgServer::version));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean hasServer(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static PgServer start(Path bin, boolean durable) throws IOException {
        boolean root = "root".equals(System.getProperty("user.name"));
        // under root the server runs as another user, who may not be able to reach a checkout in /root: use /tmp
        Path base = !root && Files.isDirectory(Path.of("target")) ? Path.of("target")
                : Path.of(System.getProperty("java.io.tmpdir"));
        Path dir = base.toAbsolutePath().resolve("mltest-pg-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(dir);
        List<String> runAs = List.of();
        if (root) {
            String owner = userExists("postgres") ? "postgres" : "nobody";
            UserPrincipal principal = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(owner);
            Files.setOwner(dir, principal);
            runAs = List.of("runuser", "-u", owner, "--");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String user = "mltest";
        PgServer server = new PgServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres", user, "", dir, runAs, bin);
        server.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", user,
                "-A", "trust", "-E", "UTF8", "--no-locale", "-N"));
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories="
                + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        server.run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("server.log").toString(), "-w", "-t", "60", "-o", options, "start"));
        server.shutdownHook = new Thread(server::stop, "stop throwaway PostgreSQL");
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        return server;
    }

    private static boolean userExists(String name) {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith(name + ":"));
        } catch (IOException e) {
            return false;
        }
    }

    private void run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>(runAs);
        full.addAll(command);
        Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", full) + " did not finish in 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            String log = "";
            Path serverLog = dir.resolve("server.log");
            if (Files.exists(serverLog)) {
                log = "\nserver.log:\n" + Files.readString(serverLog);
            }
            throw new IOException(String.join(" ", full) + " failed (" + p.exitValue() + "):\n" + output + log);
        }
    }

    private synchronized void stop() {
        if (dir == null || !Files.exists(dir.resolve("data"))) {
            return;
        }
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"));
        } catch (IOException e) {
            // best effort: the server stops by itself once its data folder is gone
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // left for mvn clean
        }
    }

    @Override
    public void close() {
        stop();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }
}
