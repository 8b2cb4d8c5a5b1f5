package org.meterline.demo.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.meterline.archive.api.AcquisitionModule;
import org.meterline.archive.api.AcquisitionModuleInput;
import org.meterline.archive.api.AcquisitionModuleService;
import org.meterline.archive.api.ConsumerInput;
import org.meterline.archive.api.ConsumerService;
import org.meterline.archive.api.ConsumerStatus;
import org.meterline.archive.api.ConsumerType;
import org.meterline.archive.api.Meter;
import org.meterline.archive.api.MeterCommunicationInput;
import org.meterline.archive.api.MeterCommunicationService;
import org.meterline.archive.api.MeterInput;
import org.meterline.archive.api.MeterModel;
import org.meterline.archive.api.MeterModelInput;
import org.meterline.archive.api.MeterModelService;
import org.meterline.archive.api.MeterService;
import org.meterline.archive.api.ModuleStatus;
import org.meterline.archive.api.ModuleType;
import org.meterline.archive.api.PocInput;
import org.meterline.archive.api.PocService;
import org.meterline.archive.api.Protocol;
import org.meterline.archive.api.Wiring;
import org.meterline.core.api.Caller;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Role;
import org.meterline.grid.api.GridService;
import org.meterline.grid.api.PowerGrid;
import org.meterline.grid.api.PowerGridInput;
import org.meterline.grid.api.Project;
import org.meterline.grid.api.ProjectInput;
import org.meterline.grid.api.ProjectStatus;
import org.meterline.grid.api.Site;
import org.meterline.grid.api.SiteInput;
import org.meterline.simulator.Fleet;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SecurityMode;
import org.meterline.simulator.SimulatedMeter;
import org.meterline.simulator.SimulatorService;
import org.meterline.tariff.api.ServiceRate;
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
 * types and rates, a site with two projects, a power grid tree, two meter models, 100 acquisition
 * modules and meters, 60 consumers bound to meters through POCs. Runs once (it does nothing when the demo customer exists) and only where the
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

        @AttributeDefinition(description = "Loopback port of the demo's simulated meters (one port serves up to 250)")
        int simulatorPort() default 4059;
    }

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "meterline-demo"));

    /** The services the demo data goes through. */
    record Services(CustomerService customers, TariffService tariff, GridService grid, MeterModelService models,
            AcquisitionModuleService modules, MeterService meters, ConsumerService consumers, PocService pocs,
            MeterCommunicationService communication) {
    }

    @Activate
    public DemoData(@Reference CustomerService customers, @Reference TariffService tariff, @Reference GridService grid,
            @Reference MeterModelService models, @Reference AcquisitionModuleService modules,
            @Reference MeterService meters, @Reference ConsumerService consumers, @Reference PocService pocs,
            @Reference MeterCommunicationService communication, @Reference SimulatorService simulator,
            Config config) {
        Services services = new Services(customers, tariff, grid, models, modules, meters, consumers, pocs,
                communication);
        executor.execute(() -> {
            try {
                // The simulator keeps no state: the demo's meters come alive at every start, with the
                // same serial numbers and keys (fixed seed), so the stored archive data fits them.
                Fleet fleet = simulator.fleet(FLEET).isPresent() ? simulator.fleet(FLEET).get()
                        : simulator.start(fleet(config));
                load(services, config, fleet);
                String banner = "Meterline is ready: " + config.url() + "  log in as " + config.username() + " / "
                        + config.password() + " (admin of the demo customer " + config.customerCode() + ")";
                System.out.println(banner);
                LOG.info("{}", banner);
            } catch (IOException | RuntimeException e) {
                LOG.error("Loading the demo data failed", e);
            }
        });
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    static final String FLEET = "demo";

    /** The demo's simulated meters: one per demo meter, HLS5-GMAC, a fixed seed so keys stay the same. */
    static FleetSpec fleet(Config config) {
        return FleetSpec.of(DEVICES, config.simulatorPort()).withName(FLEET).withSerialPrefix("SN").withSeed(42L)
                .withSecurity(SecurityMode.HLS5_GMAC);
    }

    static void load(Services s, Config config, Fleet fleet) {
        CustomerService customers = s.customers();
        TariffService tariff = s.tariff();
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
        ServiceRate residential = tariff.createServiceRate(caller, new ServiceRateInput(elec.id(), "ELEC-RES",
                "Residential electricity", new BigDecimal("0.2450"), "EUR", "kWh", start, null));
        ServiceRate commercial = tariff.createServiceRate(caller, new ServiceRateInput(elec.id(), "ELEC-COM",
                "Commercial electricity", new BigDecimal("0.1980"), "EUR", "kWh", start, null));
        tariff.createServiceRate(caller, new ServiceRateInput(water.id(), "WATER-STD", "Standard water",
                new BigDecimal("2.10"), "EUR", "m3", start, null));
        loadArchive(s, caller, residential, commercial, start, fleet);
        LOG.info("Demo customer {} created with rates, a site, projects, a grid tree, meters and POCs",
                config.customerCode());
    }

    static final int DEVICES = 100;
    static final int POCS = 60;

    private static void loadArchive(Services s, Caller caller, ServiceRate residential, ServiceRate commercial,
            LocalDate start, Fleet fleet) {
        GridService grid = s.grid();
        Site site = grid.createSite(caller, new SiteInput("Riverside", "RVS", 52.5200, 13.4050, "Europe/Berlin"));
        Project apartments = grid.createProject(caller, new ProjectInput(site.id(), "Riverside Apartments", "RVS-APT",
                List.of(residential.id(), commercial.id()), start, start.minusMonths(6), null,
                ProjectStatus.IN_OPERATION, 52.5210, 13.4060));
        grid.createProject(caller, new ProjectInput(site.id(), "Riverside Mall", "RVS-MALL", List.of(commercial.id()),
                null, start.plusMonths(3), null, ProjectStatus.UNDER_CONSTRUCTION, 52.5190, 13.4020));
        PowerGrid north = grid.createPowerGrid(caller, new PowerGridInput(null, "North Grid", "N", null, null));
        PowerGrid feeder = grid.createPowerGrid(caller, new PowerGridInput(north.id(), "Feeder 1", "F1", null, null));
        List<PowerGrid> transformers = List.of(
                grid.createPowerGrid(caller, new PowerGridInput(feeder.id(), "TR-101", "T101", 52.5205, 13.4055)),
                grid.createPowerGrid(caller, new PowerGridInput(feeder.id(), "TR-102", "T102", 52.5215, 13.4065)));
        MeterModel single = s.models().createMeterModel(caller,
                new MeterModelInput("Landis+Gyr", "E450", Protocol.DLMS_COSEM, 1, Wiring.DIRECT));
        MeterModel three = s.models().createMeterModel(caller,
                new MeterModelInput("Iskra", "AM550", Protocol.DLMS_COSEM, 3, Wiring.CT));
        HexFormat hex = HexFormat.of();
        for (int i = 1; i <= DEVICES; i++) {
            SimulatedMeter sim = fleet.meters().get(i - 1);
            AcquisitionModule module = s.modules().createModule(caller, new AcquisitionModuleInput(
                    String.format("MOD-%04d", i), ModuleType.GPRS, null, null, sim.host() + ":" + sim.port(),
                    ModuleStatus.ONLINE));
            boolean ct = i % 10 == 0;
            Meter meter = s.meters().createMeter(caller, new MeterInput(sim.serialNumber(),
                    ct ? three.id() : single.id(), module.id(), ct ? new BigDecimal("40") : BigDecimal.ONE,
                    BigDecimal.ONE, null, null, String.format("CERT-%04d", i), start, start.plusYears(8)));
            s.communication().setCommunication(caller, meter.id(), new MeterCommunicationInput(sim.logicalDevice(),
                    sim.clientId(), "hls5-gmac", null, hex.formatHex(sim.authenticationKey()),
                    hex.formatHex(sim.encryptionKey()), hex.formatHex(sim.masterKey())));
        }
        for (int i = 1; i <= POCS; i++) {
            String code = String.format("C-%04d", i);
            s.consumers().createConsumer(caller, new ConsumerInput(null, code, "Flat " + i + " tenant",
                    ConsumerType.RESIDENTIAL, ConsumerStatus.ACTIVE, start, null, null, null, null));
            s.pocs().createPoc(caller, new PocInput(site.id(), apartments.id(), transformers.get(i % 2).id(),
                    residential.id(), fleet.meters().get(i - 1).serialNumber(), code, "household", "Flat " + i, null, null));
        }
    }
}
