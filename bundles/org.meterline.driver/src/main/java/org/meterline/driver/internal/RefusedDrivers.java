package org.meterline.driver.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.meterline.driver.api.MeterDriver;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Driver bundles that carry a {@value #HEADER} manifest header whose major differs from this
 * platform's SPI major. Such a bundle cannot resolve (it imports the SPI package at another major)
 * or, if it did, its driver service would be refused by the registry; either way the operator gets
 * one clear log message per bundle and version, and {@code meterline:driver-list} shows the bundle
 * with the reason. Fed by {@link DriverBundleWatcher} (installed bundles) and
 * {@link DriverFeatureWatcher} (bundles offered by a feature repository, e.g. from a KAR).
 */
@Component(service = RefusedDrivers.class)
public class RefusedDrivers {

    /** The manifest header a driver bundle declares the SPI version it was built for with. */
    public static final String HEADER = "Meterline-Driver-Spi";

    private static final Logger LOG = LoggerFactory.getLogger(RefusedDrivers.class);

    /**
     * A refused driver bundle.
     *
     * @param bundle its Bundle-SymbolicName
     * @param version its Bundle-Version
     * @param spi the SPI version it declares
     * @param source where it was seen: "bundle 57" or "feature acme-driver/1.0.0"
     * @param state what happened to it there, e.g. "installed, not resolved"
     */
    public record Refusal(String bundle, String version, String spi, String source, String state) {

        public Refusal {
            Objects.requireNonNull(bundle, "bundle");
            Objects.requireNonNull(source, "source");
            version = version == null ? "0.0.0" : version;
        }

        /** Why the bundle is not used, for people. */
        public String reason() {
            return "built for driver SPI " + spi + "; this platform provides " + MeterDriver.SPI_VERSION;
        }

        String key() {
            return bundle + " " + version;
        }
    }

    /** source -> refusal: one bundle may be seen both as a feature's bundle and as an installed bundle. */
    private final Map<String, Refusal> bySource = new ConcurrentHashMap<>();

    /** Whether a manifest's SPI header names another major than this platform's; absent means "not a declared driver". */
    public static boolean refuses(String declaredSpi) {
        return declaredSpi != null && !declaredSpi.isBlank() && !DriverRegistryImpl.compatible(declaredSpi);
    }

    /** The refusal for a bundle with these headers, if its declared SPI major differs from ours. */
    public static Optional<Refusal> check(String bundle, String version, String declaredSpi, String source, String state) {
        return bundle != null && refuses(declaredSpi)
                ? Optional.of(new Refusal(bundle.split(";", 2)[0].trim(), version, declaredSpi.trim(), source, state))
                : Optional.empty();
    }

    /** The refusal for a jar's manifest, if it declares another SPI major. */
    public static Optional<Refusal> check(Manifest manifest, String source, String state) {
        Attributes main = manifest.getMainAttributes();
        return check(main.getValue("Bundle-SymbolicName"), main.getValue("Bundle-Version"), main.getValue(HEADER),
                source, state);
    }

    /** The one message an operator reads in the log. */
    public static String message(Refusal r) {
        return "Driver bundle " + r.bundle() + " " + r.version() + " was built for driver SPI " + r.spi()
                + "; this platform provides " + MeterDriver.SPI_VERSION + ". It is not used. Rebuild it against driver-api "
                + DriverRegistryImpl.major(MeterDriver.SPI_VERSION) + ".x.";
    }

    /** Records a refusal; logs it the first time this bundle and version is refused. */
    public void refuse(Refusal refusal) {
        boolean known = bySource.values().stream().anyMatch(r -> r.key().equals(refusal.key()));
        bySource.put(refusal.source(), refusal);
        if (!known) {
            LOG.warn("{} ({}: {})", message(refusal), refusal.source(), refusal.state());
        }
    }

    /** The source is gone (bundle uninstalled, repository removed). */
    public void forget(String source) {
        Refusal gone = bySource.remove(source);
        if (gone != null) {
            LOG.info("Refused driver bundle {} {} is gone from {}", gone.bundle(), gone.version(), source);
        }
    }

    /** Every refusal now, by bundle, version and source. */
    public List<Refusal> list() {
        List<Refusal> all = new ArrayList<>(bySource.values());
        all.sort(Comparator.comparing(Refusal::bundle).thenComparing(Refusal::version).thenComparing(Refusal::source));
        return all;
    }
}
