package org.meterline.driver.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Watches installed bundles for a {@value RefusedDrivers#HEADER} header of another SPI major,
 * whatever state they reach: such a bundle normally stays INSTALLED because its import of the SPI
 * package cannot resolve, which without this watcher would leave no trace a person could read.
 */
@Component(immediate = true, service = {})
public class DriverBundleWatcher implements BundleTrackerCustomizer<String> {

    private static final int STATES = Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE
            | Bundle.STOPPING;

    private final RefusedDrivers refused;
    private final BundleTracker<String> tracker;

    @Activate
    public DriverBundleWatcher(BundleContext context, @Reference RefusedDrivers refused) {
        this.refused = refused;
        this.tracker = new BundleTracker<>(context, STATES, this);
        // opening walks the installed bundles: a header look-up each, nothing that blocks
        tracker.open();
    }

    /** The customizer alone, without a framework (tests). */
    DriverBundleWatcher(RefusedDrivers refused) {
        this.refused = refused;
        this.tracker = null;
    }

    @Deactivate
    void deactivate() {
        if (tracker != null) {
            tracker.close();
        }
    }

    static String source(Bundle bundle) {
        return "bundle " + bundle.getBundleId();
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "installed, not resolved";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.STARTING -> "starting";
            case Bundle.ACTIVE -> "active";
            case Bundle.STOPPING -> "stopping";
            default -> "state " + state;
        };
    }

    /** Tracks only bundles that declare another SPI major; the source string identifies the bundle. */
    @Override
    public String addingBundle(Bundle bundle, BundleEvent event) {
        return RefusedDrivers.check(bundle.getSymbolicName(), bundle.getVersion().toString(),
                bundle.getHeaders("").get(RefusedDrivers.HEADER), source(bundle), state(bundle.getState()))
                .map(r -> {
                    refused.refuse(r);
                    return r.source();
                }).orElse(null);
    }

    /** Keeps the state shown up to date (no new log line); an update to a compatible SPI clears it. */
    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, String source) {
        if (addingBundle(bundle, event) == null) {
            refused.forget(source);
        }
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, String source) {
        refused.forget(source);
    }
}
