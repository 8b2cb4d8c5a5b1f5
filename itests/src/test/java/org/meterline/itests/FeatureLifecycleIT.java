package org.meterline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.meterline.ui.api.MenuGroup;
import org.meterline.ui.api.ViewContribution;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Installing and uninstalling the tariff capability at runtime adds and removes its menu entries
 * (the ViewContribution services the UI shell builds its menu from) and its REST resources,
 * while the rest of the platform keeps running.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FeatureLifecycleIT extends MeterlineExam {

    private static final EnumSet<FeaturesService.Option> NO_OPTIONS = EnumSet.noneOf(FeaturesService.Option.class);

    @Inject
    BundleContext context;

    @Inject
    FeaturesService features;

    private Set<String> menu(MenuGroup group) throws Exception {
        Set<String> names = new TreeSet<>();
        for (ServiceReference<ViewContribution> ref : context.getServiceReferences(ViewContribution.class, null)) {
            ViewContribution view = context.getService(ref);
            if (view != null && view.group() == group) {
                names.add(view.caption());
            }
            context.ungetService(ref);
        }
        return names;
    }

    @Test
    public void tariffFeatureComesAndGoesWithoutRestart() throws Exception {
        RestClient admin = ready();
        admin.await("/service-types", 200, Duration.ofSeconds(30));
        assertEquals(Set.of("Power Grid", "Projects", "Service Rate", "Service Type", "Sites"), menu(MenuGroup.PROJECT));
        assertEquals(Set.of("Acquisition Module", "Consumer", "Import", "Meter", "Meter Models", "POC"), menu(MenuGroup.ARCHIVE));
        assertEquals(Set.of("Customer Account Creation", "User"), menu(MenuGroup.SYSTEM));

        // keep the platform, drop the tariff capability (meterline-all pulls it in at boot)
        features.installFeature("meterline-tenant", NO_OPTIONS);
        features.uninstallFeature("meterline-all", NO_OPTIONS);
        assertFalse(features.isInstalled(features.getFeature("meterline-tariff")));

        admin.await("/service-types", 404, Duration.ofSeconds(30));
        admin.await("/service-rates", 404, Duration.ofSeconds(30));
        assertEquals(Set.of(), menu(MenuGroup.PROJECT));
        assertEquals(Set.of(), menu(MenuGroup.ARCHIVE));
        assertEquals(Set.of("Customer Account Creation", "User"), menu(MenuGroup.SYSTEM));
        admin.await("/me", 200, Duration.ofSeconds(30)); // the rest of the API stays
        String openApi = admin.get("/openapi.json").body();
        assertFalse("tariff paths leave the OpenAPI document", openApi.contains("/service-types"));

        features.installFeature("meterline-tariff", NO_OPTIONS);
        admin.await("/service-types", 200, Duration.ofSeconds(30));
        admin.await("/service-rates", 200, Duration.ofSeconds(30));
        assertEquals(Set.of("Service Rate", "Service Type"), menu(MenuGroup.PROJECT));
        assertTrue(admin.get("/openapi.json").body().contains("/service-rates"));
    }
}
