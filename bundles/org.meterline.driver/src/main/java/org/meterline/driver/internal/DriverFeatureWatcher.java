package org.meterline.driver.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureEvent;
import org.apache.karaf.features.FeaturesListener;
import org.apache.karaf.features.Repository;
import org.apache.karaf.features.RepositoryEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks into the bundles of feature repositories as Karaf adds them, for a
 * {@value RefusedDrivers#HEADER} of another SPI major. A KAR whose driver was built for another SPI
 * major never gets its bundle installed: Karaf's resolver refuses the whole feature (the SPI import
 * cannot be satisfied) and says so in resolver terms. This watcher adds the message a person
 * understands.
 *
 * <p>Only jars already on this machine are read (a KAR's repository under {@code data/kar}, the
 * distribution's {@code system} folder), never a download; at start-up, when Karaf replays the
 * known repositories, only KAR repositories are looked at. The work runs on a thread of its own,
 * not on the thread that deploys.
 */
@Component(immediate = true, service = FeaturesListener.class)
public class DriverFeatureWatcher implements FeaturesListener {

    private static final Logger LOG = LoggerFactory.getLogger(DriverFeatureWatcher.class);

    private final RefusedDrivers refused;
    private final List<Path> karRoots;
    private final List<Path> systemRoots;
    /** repository URI -> the refusal sources found in it; only touched on the executor. */
    private final Map<String, Set<String>> sources = new HashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "meterline-driver-feature-watcher");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public DriverFeatureWatcher(@Reference RefusedDrivers refused) {
        this(refused, karRoots(System.getProperty("karaf.data")),
                systemRoots(System.getProperty("karaf.home"), System.getProperty("karaf.base")));
    }

    DriverFeatureWatcher(RefusedDrivers refused, List<Path> karRoots, List<Path> systemRoots) {
        this.refused = refused;
        this.karRoots = karRoots;
        this.systemRoots = systemRoots;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Override
    public void featureEvent(FeatureEvent event) {
        // installs and uninstalls of features change nothing here; repositories do
    }

    @Override
    public void repositoryEvent(RepositoryEvent event) {
        Repository repository = event.getRepository();
        String uri = String.valueOf(repository.getURI());
        switch (event.getType()) {
            case RepositoryAdded -> executor.execute(() -> inspect(repository, uri, event.isReplay()));
            case RepositoryRemoved -> executor.execute(() -> forget(uri));
            default -> { }
        }
    }

    void inspect(Repository repository, String uri, boolean replay) {
        try {
            // where jars may lie: every installed KAR's repository, and (not at start-up) system/
            List<Path> roots = new ArrayList<>(karRepositories());
            if (!replay) {
                roots.addAll(systemRoots);
            }
            for (Feature feature : repository.getFeatures()) {
                for (BundleInfo bundle : feature.getBundles()) {
                    Optional<Path> jar = localJar(bundle.getLocation(), roots);
                    if (jar.isEmpty()) {
                        continue;
                    }
                    String source = "feature " + feature.getName() + "/" + feature.getVersion();
                    Optional<RefusedDrivers.Refusal> refusal = check(jar.get(), source);
                    refusal.ifPresent(r -> {
                        sources.computeIfAbsent(uri, u -> new HashSet<>()).add(source);
                        refused.refuse(r);
                    });
                }
            }
        } catch (Exception e) {
            LOG.debug("Could not look into the features repository {}", uri, e);
        }
    }

    void forget(String uri) {
        Set<String> gone = sources.remove(uri);
        if (gone != null) {
            gone.forEach(refused::forget);
        }
    }

    static Optional<RefusedDrivers.Refusal> check(Path jar, String source) {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            return manifest == null ? Optional.empty()
                    : RefusedDrivers.check(manifest, source, "not installed, its driver SPI import cannot resolve");
        } catch (IOException e) {
            LOG.debug("Could not read the manifest of {}", jar, e);
            return Optional.empty();
        }
    }

    /** The repository folder of each installed KAR: data/kar/<kar name>/. */
    List<Path> karRepositories() {
        List<Path> dirs = new ArrayList<>();
        for (Path karRoot : karRoots) {
            try (Stream<Path> kars = Files.list(karRoot)) {
                kars.filter(Files::isDirectory).forEach(dirs::add);
            } catch (IOException e) {
                // no KAR installed yet
            }
        }
        return dirs;
    }

    /** The jar a bundle location names, when it lies in one of these Maven-layout folders; never a download. */
    static Optional<Path> localJar(String location, List<Path> roots) {
        if (location == null) {
            return Optional.empty();
        }
        if (location.startsWith("file:")) {
            Path p = Path.of(java.net.URI.create(location));
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        return mavenPath(location).flatMap(relative -> roots.stream().map(root -> root.resolve(relative))
                .filter(Files::isRegularFile).findFirst());
    }

    /**
     * The Maven repository path of a pax-url {@code mvn:} location
     * ({@code mvn:[repository!]group/artifact/version[/type[/classifier]]}); empty for other schemes.
     */
    static Optional<String> mavenPath(String location) {
        if (!location.startsWith("mvn:")) {
            return Optional.empty();
        }
        String coordinates = location.substring(4);
        int bang = coordinates.lastIndexOf('!');
        if (bang >= 0) {
            coordinates = coordinates.substring(bang + 1);
        }
        String[] parts = coordinates.split("/");
        if (parts.length < 3 || parts[2].isEmpty() || parts[2].contains("LATEST") || parts[2].startsWith("[")
                || parts[2].startsWith("(")) {
            return Optional.empty(); // a version range or LATEST: not a single local file
        }
        String group = parts[0];
        String artifact = parts[1];
        String version = parts[2];
        String type = parts.length > 3 && !parts[3].isEmpty() ? parts[3] : "jar";
        String classifier = parts.length > 4 && !parts[4].isEmpty() ? "-" + parts[4] : "";
        return Optional.of(group.replace('.', '/') + "/" + artifact + "/" + version + "/" + artifact + "-" + version
                + classifier + "." + type);
    }

    private static List<Path> karRoots(String karafData) {
        return karafData == null ? List.of() : List.of(Path.of(karafData, "kar"));
    }

    private static List<Path> systemRoots(String karafHome, String karafBase) {
        List<Path> roots = new ArrayList<>();
        for (String dir : new String[] {karafHome, karafBase}) {
            if (dir != null) {
                Path system = Path.of(dir, System.getProperty("karaf.default.repository", "system"));
                if (!roots.contains(system)) {
                    roots.add(system);
                }
            }
        }
        return roots;
    }
}
