package org.meterline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.inject.Inject;
import javax.security.auth.Subject;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.meterline.core.api.Caller;
import org.meterline.core.api.CallerPrincipal;
import org.meterline.core.api.JaasLogin;
import org.meterline.core.api.ObisCode;
import org.meterline.driver.api.DriverRegistry;
import org.meterline.driver.api.ItemResult;
import org.meterline.driver.api.MeterDriver;
import org.meterline.driver.api.MeterSession;
import org.meterline.driver.api.RelayState;
import org.meterline.driver.api.Security;
import org.meterline.driver.api.SessionSettings;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

/**
 * A vendor's driver, built outside Meterline (itests/vendor-driver-example) and packed as a KAR,
 * dropped into a running platform's deploy/ folder: the registry serves its meter model at once and
 * no other bundle restarts; the same driver built for driver SPI 2.0 is refused with a message a
 * person understands, in the log and in {@code meterline:driver-list}; removing the KAR takes the
 * driver away again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class VendorDriverHotDeployIT extends MeterlineExam {

    private static final String MANUFACTURER = "Acme";
    private static final String MODEL = "AX-1";
    private static final String REFUSAL = "Driver bundle acme-driver 1.0.0.spi2 was built for driver SPI 2.0; "
            + "this platform provides 1.0. It is not used. Rebuild it against driver-api 1.x.";

    @Inject
    BundleContext context;

    @Inject
    DriverRegistry registry;

    @Inject
    SessionFactory shell;

    /** The KARs built from itests/vendor-driver-example before the tests (see itests/pom.xml). */
    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                systemProperty("vendor.kar").value(kar("vendor.kar", "acme-driver-1.0.0.kar")),
                systemProperty("vendor.kar.spi2").value(kar("vendor.kar.spi2", "acme-driver-1.0.0-spi2.kar")));
    }

    private static String kar(String property, String name) {
        return System.getProperty(property, Path.of("vendor-driver-example/target", name).toAbsolutePath().toString());
    }

    @Test
    public void vendorDriverComesAndGoesWithoutRestartsAndAnIncompatibleOneIsRefusedClearly() throws Exception {
        ready();
        Path deploy = Path.of(System.getProperty("karaf.base"), "deploy");
        Path goodKar = Path.of(System.getProperty("vendor.kar"));
        Path futureKar = Path.of(System.getProperty("vendor.kar.spi2"));
        assertTrue("built by itests/pom.xml: " + goodKar, Files.isRegularFile(goodKar));
        assertTrue("built by itests/pom.xml: " + futureKar, Files.isRegularFile(futureKar));

        // 1. nothing serves the Acme AX-1 (the Archive → Meter Models "Served by driver" column asks the same registry)
        assertEquals(Optional.empty(), registry.driverFor(MANUFACTURER, MODEL));

        // 2. hot-deploy the vendor's KAR; watch every other bundle meanwhile
        Map<Long, String> before = otherBundles();
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        BundleListener listener = e -> {
            if (!"acme-driver".equals(e.getBundle().getSymbolicName())) {
                events.add(e.getBundle().getSymbolicName() + " " + type(e.getType()));
            }
        };
        context.addBundleListener(listener);
        try {
            Files.copy(goodKar, deploy.resolve(goodKar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            until("the registry serves Acme AX-1", () -> registry.driverFor(MANUFACTURER, MODEL).isPresent());
            MeterDriver acme = registry.driverFor(MANUFACTURER, MODEL).orElseThrow();
            assertEquals("acme", acme.id());
            assertEquals("acme-demo", acme.protocol());
            assertEquals("1.0", acme.spiVersion());

            // a session opened through the registry reads values
            SessionSettings settings = new SessionSettings("AX1-000042", "127.0.0.1", 4059, 1, 16, new Security.None(),
                    null, null);
            try (MeterSession session = registry.driverFor(MANUFACTURER, MODEL).orElseThrow().open(settings).value()) {
                List<ItemResult> read = session.read(List.of(ObisCode.parse("1-0:1.8.0*255"),
                        ObisCode.parse("1-0:32.7.0*255"), ObisCode.parse("0-0:96.1.0*255")));
                assertTrue(read.get(0).result().toString(), read.get(0).result().isOk());
                assertEquals("Wh", read.get(0).result().value().unit());
                assertEquals(0, read.get(1).result().value().value().compareTo(new java.math.BigDecimal("230.0")));
                assertEquals("OBJECT_UNDEFINED", read.get(2).result().error().kind().name());
                assertTrue(session.readClock().isOk());
                assertEquals(RelayState.DISCONNECTED, session.disconnectRelay().value());
                assertEquals(RelayState.DISCONNECTED, session.readRelay().value());
                assertEquals("UNSUPPORTED", session.readSignal().error().kind().name());
            }

            // 3. the SPI 2.0 build of the same driver: refused, said clearly, nothing else moves
            Files.copy(futureKar, deploy.resolve(futureKar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
            until("karaf.log names the refused driver", () -> read(log).contains(REFUSAL));
            String list = await("meterline:driver-list names the refused bundle", () -> {
                String out = driverList();
                return out.contains("Refused driver bundles") && out.contains("1.0.0.spi2") ? out : null;
            });
            assertTrue(list, list.contains("built for driver SPI 2.0; this platform provides 1.0"));
            assertTrue(list, list.matches("(?s).*\\bacme\\s+\\|\\s+acme-demo\\s+\\|\\s+1\\.0\\s+\\|\\s+Acme AX-1.*"));
            List<MeterDriver> acmes = registry.drivers().stream().filter(d -> d.id().equals("acme"))
                    .collect(Collectors.toList());
            assertEquals("only the SPI 1.0 build serves", 1, acmes.size());
            assertEquals("1.0", acmes.get(0).spiVersion());
            for (Bundle b : context.getBundles()) {
                if ("acme-driver".equals(b.getSymbolicName()) && b.getVersion().toString().endsWith("spi2")) {
                    assertTrue("an SPI 2.0 driver bundle never starts", b.getState() != Bundle.ACTIVE);
                }
            }

            Thread.sleep(2_000); // let any late refresh show up before checking
            assertEquals("no other bundle stopped, restarted, was refreshed or updated", List.of(), events);
            assertEquals("every other bundle keeps its id, state and last-modified time", before, otherBundles());
        } finally {
            context.removeBundleListener(listener);
        }

        // 4. removing the KARs takes the driver and the refusal away again
        Files.delete(deploy.resolve(goodKar.getFileName()));
        Files.delete(deploy.resolve(futureKar.getFileName()));
        until("Acme AX-1 has no driver again", () -> registry.driverFor(MANUFACTURER, MODEL).isEmpty());
        await("driver-list forgets the refused bundle", () -> driverList().contains("1.0.0.spi2") ? null : "yes");
    }

    /** id → name, version, state and last-modified time of every bundle but the vendor's. */
    private Map<Long, String> otherBundles() {
        Map<Long, String> all = new TreeMap<>();
        for (Bundle b : context.getBundles()) {
            if (!"acme-driver".equals(b.getSymbolicName())) {
                all.put(b.getBundleId(), b.getSymbolicName() + " " + b.getVersion() + " state=" + b.getState()
                        + " modified=" + b.getLastModified());
            }
        }
        return all;
    }

    private static String type(int type) {
        return switch (type) {
            case BundleEvent.INSTALLED -> "INSTALLED";
            case BundleEvent.RESOLVED -> "RESOLVED";
            case BundleEvent.STARTING -> "STARTING";
            case BundleEvent.STARTED -> "STARTED";
            case BundleEvent.STOPPING -> "STOPPING";
            case BundleEvent.STOPPED -> "STOPPED";
            case BundleEvent.UNRESOLVED -> "UNRESOLVED";
            case BundleEvent.UPDATED -> "UPDATED";
            case BundleEvent.UNINSTALLED -> "UNINSTALLED";
            case BundleEvent.LAZY_ACTIVATION -> "LAZY_ACTIVATION";
            default -> "event " + type;
        };
    }

    /** Runs meterline:driver-list in a Karaf shell session as the system admin; answers what it printed. */
    private String driverList() throws Exception {
        Caller admin = JaasLogin.login(JaasLogin.REALM, "admin", ADMIN_PASSWORD.toCharArray()).orElseThrow();
        Subject subject = new Subject();
        subject.getPrincipals().add(new CallerPrincipal(admin));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            Session session = shell.create(System.in, print, print);
            try {
                Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute("meterline:driver-list"));
            } finally {
                session.close();
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static void until(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, () -> condition.getAsBoolean() ? "yes" : null);
    }

    /** Polls until the check answers non-null (at most 60 s), and answers that. */
    private static <T> T await(String what, Check<T> check) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Exception last = null;
        while (System.nanoTime() < end) {
            try {
                T value = check.get();
                if (value != null) {
                    return value;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out waiting: " + what, last);
    }

    @FunctionalInterface
    private interface Check<T> {
        T get() throws Exception;
    }
}
