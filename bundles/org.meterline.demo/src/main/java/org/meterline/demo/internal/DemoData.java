package org.meterline.demo.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.meterline.core.api.Caller;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Role;
import org.meterline.tariff.api.ServiceRateInput;
import org.meterline.tariff.api.ServiceType;
import org.meterline.tariff.api.ServiceTypeInput;
import org.meterline.tariff.api.TariffService;
import org.meterline.tenant.api.Customer;
import org.meterline.tenant.api.CustomerService;
import org.meterline.tenant.api.NewCustomer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty platform with a demo customer to click through: its admin account, service
 * types and rates. Runs once (it does nothing when the demo customer exists) and only where the
 * {@code meterline-demo} feature is installed. The demo account's password is public: never
 * install this feature in production.
 */
@Component(immediate = true, configurationPid = "org.meterline.demo")
@Designate(ocd = DemoData.Config.class)
public class DemoData {

    @ObjectClassDefinition(name = "Meterline demo data")
    @interface Config {
        @AttributeDefinition(description = "Code of the demo customer")
        String customerCode() default "DEMO";

        @AttributeDefinition(description = "Username of the demo customer's admin")
        String username() default "demo";

        @AttributeDefinition(description = "Password of the demo customer's admin (public: demo only)")
        String password() default "demo1234";

        @AttributeDefinition(description = "Base URL printed in the banner")
        String url() default "http://localhost:8181/meterline";
    }

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "meterline-demo"));

    @Activate
    public DemoData(@Reference CustomerService customers, @Reference TariffService tariff, Config config) {
        executor.execute(() -> {
            try {
                load(customers, tariff, config);
                String banner = "Meterline is ready: " + config.url() + "  log in as " + config.username() + " / "
                        + config.password() + " (admin of the demo customer " + config.customerCode() + ")";
                System.out.println(banner);
                LOG.info("{}", banner);
            } catch (RuntimeException e) {
                LOG.error("Loading the demo data failed", e);
            }
        });
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    static void load(CustomerService customers, TariffService tariff, Config config) {
        // Trusted in-platform code acting as the platform operator, like a Karaf local console.
        Caller platform = new Caller("demo-loader", 0, 0, 0, EnumSet.of(Role.SYSTEM_ADMIN));
        boolean exists = customers.listCustomers(platform, new PageRequest(0, 10, "code", true, config.customerCode()))
                .items().stream().anyMatch(c -> c.code().equalsIgnoreCase(config.customerCode()));
        if (exists) {
            return;
        }
        Customer demo = customers.createCustomer(platform, new NewCustomer(config.customerCode(), "Demo Utility",
                "Dana Demo", "dana@demo.example", "+1 555 0100", "1 Grid Street", config.username(),
                config.password()));
        Caller caller = platform.actingFor(demo.id());
        ServiceType elec = tariff.createServiceType(caller, new ServiceTypeInput("ELEC", "Electricity"));
        ServiceType water = tariff.createServiceType(caller, new ServiceTypeInput("WATER", "Water"));
        tariff.createServiceType(caller, new ServiceTypeInput("GAS", "Gas"));
        LocalDate start = LocalDate.of(LocalDate.now().getYear(), 1, 1);
        tariff.createServiceRate(caller, new ServiceRateInput(elec.id(), "ELEC-RES", "Residential electricity",
                new BigDecimal("0.2450"), "EUR", "kWh", start, null));
        tariff.createServiceRate(caller, new ServiceRateInput(elec.id(), "ELEC-COM", "Commercial electricity",
                new BigDecimal("0.1980"), "EUR", "kWh", start, null));
        tariff.createServiceRate(caller, new ServiceRateInput(water.id(), "WATER-STD", "Standard water",
                new BigDecimal("2.10"), "EUR", "m3", start, null));
        LOG.info("Demo customer {} created with service types and rates", config.customerCode());
    }
}
