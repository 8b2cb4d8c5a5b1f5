package org.meterline.driver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

class RefusedDriversTest {

    @TempDir
    Path tmp;

    @Test
    void refusesOnlyADeclaredOtherMajor() {
        assertTrue(RefusedDrivers.refuses("2.0"));
        assertTrue(RefusedDrivers.refuses("0.9"));
        assertFalse(RefusedDrivers.refuses("1.0"));
        assertFalse(RefusedDrivers.refuses("1.7"));
        assertFalse(RefusedDrivers.refuses(null), "no header: not a declared driver, nothing to say");
        assertFalse(RefusedDrivers.refuses(" "));
        assertTrue(RefusedDrivers.check("acme-driver;singleton:=true", "1.0.0", "1.0", "bundle 5", "active").isEmpty());
        RefusedDrivers.Refusal r = RefusedDrivers.check("acme-driver;singleton:=true", "1.0.0", "2.0", "bundle 5",
                "installed, not resolved").orElseThrow();
        assertEquals("acme-driver", r.bundle());
        assertEquals("built for driver SPI 2.0; this platform provides 1.0", r.reason());
    }

    @Test
    void theMessageSaysWhatHappenedAndWhatToDo() {
        RefusedDrivers.Refusal r = new RefusedDrivers.Refusal("acme-driver", "1.0.0", "2.0", "bundle 5", "installed");
        assertEquals("Driver bundle acme-driver 1.0.0 was built for driver SPI 2.0; this platform provides 1.0. "
                + "It is not used. Rebuild it against driver-api 1.x.", RefusedDrivers.message(r));
    }

    @Test
    void listsRefusalsUntilTheirSourceIsGone() {
        RefusedDrivers refused = new RefusedDrivers();
        RefusedDrivers.Refusal fromFeature = new RefusedDrivers.Refusal("acme-driver", "1.0.0", "2.0",
                "feature acme-driver/1.0.0", "not installed, its driver SPI import cannot resolve");
        RefusedDrivers.Refusal fromBundle = new RefusedDrivers.Refusal("acme-driver", "1.0.0", "2.0", "bundle 7",
                "installed, not resolved");
        refused.refuse(fromFeature);
        refused.refuse(fromBundle);
        refused.refuse(fromBundle); // a state change: same source, still one row
        assertEquals(List.of(fromBundle, fromFeature), refused.list());
        refused.forget("bundle 7");
        assertEquals(List.of(fromFeature), refused.list());
        refused.forget(fromFeature.source());
        refused.forget("bundle 99"); // unknown: nothing happens
        assertEquals(List.of(), refused.list());
    }

    @Test
    void bundleWatcherTracksOnlyRefusedBundles() {
        RefusedDrivers refused = new RefusedDrivers();
        DriverBundleWatcher watcher = watcher(refused);
        Bundle future = bundle(42, "acme-driver", "1.0.0.spi2", "2.0", Bundle.INSTALLED);
        assertEquals("bundle 42", watcher.addingBundle(future, null));
        assertEquals(null, watcher.addingBundle(bundle(43, "acme-driver", "1.0.0", "1.0", Bundle.ACTIVE), null));
        assertEquals(null, watcher.addingBundle(bundle(44, "org.meterline.archive", "0.1.0", null, Bundle.ACTIVE), null));
        RefusedDrivers.Refusal r = refused.list().get(0);
        assertEquals(List.of("acme-driver 1.0.0.spi2 2.0 bundle 42 installed, not resolved"),
                List.of(r.bundle() + " " + r.version() + " " + r.spi() + " " + r.source() + " " + r.state()));
        watcher.removedBundle(future, null, "bundle 42");
        assertEquals(List.of(), refused.list());
    }

    @Test
    void featureWatcherReadsLocalJarsOnly() throws IOException {
        Path karRoot = tmp.resolve("data/kar");
        Path system = tmp.resolve("system");
        Path inKar = karRoot.resolve("acme-driver-1.0.0-spi2/com/acme/acme-driver/1.0.0-spi2/acme-driver-1.0.0-spi2.jar");
        jar(inKar, "acme-driver", "1.0.0.spi2", "2.0");
        Path inSystem = system.resolve("com/acme/acme-driver/1.0.0/acme-driver-1.0.0.jar");
        jar(inSystem, "acme-driver", "1.0.0", "1.0");
        DriverFeatureWatcher watcher = new DriverFeatureWatcher(new RefusedDrivers(), List.of(karRoot), List.of(system));
        List<Path> kars = watcher.karRepositories();
        assertEquals(List.of(karRoot.resolve("acme-driver-1.0.0-spi2")), kars);
        List<Path> all = new java.util.ArrayList<>(kars);
        all.add(system);

        assertEquals(Optional.of(inKar), DriverFeatureWatcher.localJar("mvn:com.acme/acme-driver/1.0.0-spi2", kars));
        assertEquals(Optional.of(inSystem), DriverFeatureWatcher.localJar("mvn:com.acme/acme-driver/1.0.0", all));
        assertEquals(Optional.empty(), DriverFeatureWatcher.localJar("mvn:com.acme/acme-driver/1.0.0", kars),
                "at start-up only KAR repositories are read");
        assertEquals(Optional.empty(), DriverFeatureWatcher.localJar("mvn:com.acme/acme-driver/9.9.9", all),
                "never downloads");
        assertEquals(Optional.empty(), DriverFeatureWatcher.localJar("wrap:mvn:com.acme/x/1", all));
        assertEquals(Optional.of(inSystem), DriverFeatureWatcher.localJar(inSystem.toUri().toString(), List.of()));
        assertEquals(Optional.empty(), new DriverFeatureWatcher(new RefusedDrivers(), List.of(tmp.resolve("none")), List.of())
                .karRepositories().stream().findAny());

        RefusedDrivers.Refusal r = DriverFeatureWatcher.check(inKar, "feature acme-driver/1.0.0.spi2").orElseThrow();
        assertEquals("2.0", r.spi());
        assertTrue(DriverFeatureWatcher.check(inSystem, "feature acme-driver/1.0.0").isEmpty());
    }

    @Test
    void featureWatcherRefusesAKarsDriverUntilTheRepositoryGoes() throws Exception {
        Path karRoot = tmp.resolve("data/kar");
        jar(karRoot.resolve("acme-driver-1.0.0-spi2/com/acme/acme-driver/1.0.0-spi2/acme-driver-1.0.0-spi2.jar"),
                "acme-driver", "1.0.0.spi2", "2.0");
        RefusedDrivers refused = new RefusedDrivers();
        DriverFeatureWatcher watcher = new DriverFeatureWatcher(refused, List.of(karRoot), List.of());
        String uri = "mvn:com.acme/acme-driver/1.0.0-spi2/xml/features";
        Feature feature = proxy(Feature.class, Map.of("getName", "acme-driver", "getVersion", "1.0.0.spi2",
                "getBundles", List.of(proxy(BundleInfo.class, Map.of("getLocation", "mvn:com.acme/acme-driver/1.0.0-spi2")),
                        proxy(BundleInfo.class, Map.of("getLocation", "mvn:org.example/not-here/1.0")))));
        Repository repository = proxy(Repository.class, Map.of("getFeatures", new Feature[] {feature}));

        watcher.inspect(repository, uri, true); // a KAR's repository is read even when Karaf replays it at start
        RefusedDrivers.Refusal r = refused.list().get(0);
        assertEquals(List.of("acme-driver 1.0.0.spi2 feature acme-driver/1.0.0.spi2"),
                List.of(r.bundle() + " " + r.version() + " " + r.source()));
        watcher.forget("mvn:some/other/1/xml/features");
        assertEquals(1, refused.list().size());
        watcher.forget(uri);
        assertEquals(List.of(), refused.list());
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            if (answers.containsKey(method.getName())) {
                return answers.get(method.getName());
            }
            return switch (method.getName()) {
                case "hashCode" -> System.identityHashCode(p);
                case "equals" -> p == args[0];
                case "toString" -> type.getSimpleName();
                default -> throw new UnsupportedOperationException(method.getName());
            };
        });
    }

    @Test
    void mavenLocationsMapToRepositoryPaths() {
        assertEquals(Optional.of("org/meterline/x/1.0/x-1.0.jar"), DriverFeatureWatcher.mavenPath("mvn:org.meterline/x/1.0"));
        assertEquals(Optional.of("g/h/a/2/a-2-features.xml"), DriverFeatureWatcher.mavenPath("mvn:g.h/a/2/xml/features"));
        assertEquals(Optional.of("g/a/2/a-2.jar"), DriverFeatureWatcher.mavenPath("mvn:http://repo.example@id=r!g/a/2"));
        assertEquals(Optional.empty(), DriverFeatureWatcher.mavenPath("mvn:g/a/[1,2)"));
        assertEquals(Optional.empty(), DriverFeatureWatcher.mavenPath("mvn:g/a"));
        assertEquals(Optional.empty(), DriverFeatureWatcher.mavenPath("file:/tmp/a.jar"));
    }

    private static void jar(Path path, String bsn, String version, String spi) throws IOException {
        Files.createDirectories(path.getParent());
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-SymbolicName", bsn);
        m.getMainAttributes().putValue("Bundle-Version", version);
        m.getMainAttributes().putValue(RefusedDrivers.HEADER, spi);
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.flush();
        }
    }

    /** The watcher's customizer methods, without a framework (the tracker is not opened). */
    private static DriverBundleWatcher watcher(RefusedDrivers refused) {
        return new DriverBundleWatcher(refused);
    }

    /** A bundle that answers what the watcher asks: id, name, version, headers, state. */
    private static Bundle bundle(long id, String bsn, String version, String spi, int state) {
        Dictionary<String, String> headers = new Hashtable<>();
        headers.put("Bundle-SymbolicName", bsn);
        if (spi != null) {
            headers.put(RefusedDrivers.HEADER, spi);
        }
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getSymbolicName" -> bsn;
                    case "getVersion" -> Version.parseVersion(version);
                    case "getHeaders" -> headers;
                    case "getState" -> state;
                    case "hashCode" -> (int) id;
                    case "equals" -> proxy == args[0];
                    case "toString" -> bsn;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
