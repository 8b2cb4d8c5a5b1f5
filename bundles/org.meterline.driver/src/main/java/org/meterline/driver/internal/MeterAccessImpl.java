package org.meterline.driver.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.meterline.archive.api.AcquisitionModule;
import org.meterline.archive.api.AcquisitionModuleService;
import org.meterline.archive.api.Meter;
import org.meterline.archive.api.MeterCommunicationService;
import org.meterline.archive.api.MeterCredentials;
import org.meterline.archive.api.MeterModel;
import org.meterline.archive.api.MeterModelService;
import org.meterline.archive.api.MeterService;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Permission;
import org.meterline.driver.api.CatalogueItem;
import org.meterline.driver.api.DriverError;
import org.meterline.driver.api.DriverRegistry;
import org.meterline.driver.api.MeterAccess;
import org.meterline.driver.api.MeterDriver;
import org.meterline.driver.api.MeterSession;
import org.meterline.driver.api.ModelRef;
import org.meterline.driver.api.Result;
import org.meterline.driver.api.Security;
import org.meterline.driver.api.SessionSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens driver sessions with archive meters: meter → acquisition module address → model →
 * driver (looked up at call time) → communication settings and decrypted secrets.
 */
@Component(service = MeterAccess.class, configurationPid = "org.meterline.driver")
@Designate(ocd = MeterAccessImpl.Config.class)
public class MeterAccessImpl implements MeterAccess {

    @ObjectClassDefinition(name = "Meterline meter access")
    @interface Config {
        @AttributeDefinition(description = "Seconds to connect to a meter and open the association")
        int connectTimeoutSeconds() default 10;

        @AttributeDefinition(description = "Seconds to wait for each answer of a meter")
        int responseTimeoutSeconds() default 5;
    }

    private static final Logger LOG = LoggerFactory.getLogger(MeterAccessImpl.class);

    private final DriverRegistry drivers;
    private final MeterService meters;
    private final MeterModelService models;
    private final AcquisitionModuleService modules;
    private final MeterCommunicationService communication;
    private volatile Duration connectTimeout;
    private volatile Duration responseTimeout;

    @Activate
    public MeterAccessImpl(@Reference DriverRegistry drivers, @Reference MeterService meters,
            @Reference MeterModelService models, @Reference AcquisitionModuleService modules,
            @Reference MeterCommunicationService communication, Config config) {
        this.drivers = drivers;
        this.meters = meters;
        this.models = models;
        this.modules = modules;
        this.communication = communication;
        modified(config);
    }

    @Modified
    void modified(Config config) {
        connectTimeout = Duration.ofSeconds(Math.max(1, config.connectTimeoutSeconds()));
        responseTimeout = Duration.ofSeconds(Math.max(1, config.responseTimeoutSeconds()));
    }

    @Override
    public Result<MeterSession> open(Caller caller, long meterId, Purpose purpose) {
        caller.require(purpose == Purpose.CONTROL ? Permission.write(AREA) : Permission.read(AREA));
        Meter meter = meters.getMeter(caller, meterId);
        if (meter.moduleId() == null) {
            return notConfigured("Meter " + meter.serialNumber()
                    + " has no acquisition module; assign one in Archive → Meter.");
        }
        AcquisitionModule module = modules.getModule(caller, meter.moduleId());
        Optional<Address> address = Address.parse(module.address());
        if (address.isEmpty()) {
            return notConfigured("Acquisition module " + module.serialNumber() + " of meter " + meter.serialNumber()
                    + " has no usable address (host:port): '" + (module.address() == null ? "" : module.address())
                    + "'.");
        }
        MeterModel model = models.getMeterModel(caller, meter.modelId());
        Optional<MeterDriver> driver = drivers.driverFor(model.manufacturer(), model.model());
        if (driver.isEmpty()) {
            return notConfigured("No installed driver serves meter model " + model.manufacturer() + " " + model.model()
                    + " of meter " + meter.serialNumber() + " (see meterline:driver-list).");
        }
        MeterCredentials credentials = communication.credentials(caller, meterId);
        Security security = switch (credentials.settings().security()) {
            case NONE -> new Security.None();
            case LLS -> new Security.Password(credentials.password());
            case HLS5_GMAC -> new Security.Keys(credentials.authenticationKey(), credentials.encryptionKey(),
                    credentials.masterKey());
        };
        credentials.destroy();
        SessionSettings settings = new SessionSettings(meter.serialNumber(), address.get().host(),
                address.get().port(), credentials.settings().logicalDevice(), credentials.settings().clientId(),
                security, connectTimeout, responseTimeout, new ModelRef(model.manufacturer(), model.model()));
        try {
            return driver.get().open(settings);
        } catch (RuntimeException e) {
            // A driver must answer a Result; one that throws is a driver bug, not the meter's fault.
            LOG.warn("Driver {} threw while opening a session with meter {}", driver.get().id(),
                    meter.serialNumber(), e);
            return Result.failed(DriverError.Kind.PROTOCOL_ERROR,
                    "Driver " + driver.get().id() + " failed: " + e.getClass().getSimpleName());
        } finally {
            if (security instanceof Security.Keys keys) {
                keys.destroy();
            }
        }
    }

    @Override
    public List<CatalogueItem> catalogue(Caller caller, long meterId) {
        caller.require(Permission.read(AREA));
        Meter meter = meters.getMeter(caller, meterId);
        MeterModel model = models.getMeterModel(caller, meter.modelId());
        return drivers.driverFor(model.manufacturer(), model.model())
                .map(d -> d.catalogue(new ModelRef(model.manufacturer(), model.model()))).orElse(List.of());
    }

    private static <T> Result<T> notConfigured(String message) {
        return Result.failed(DriverError.Kind.NOT_CONFIGURED, message);
    }

    /** A module address: host:port, or [IPv6]:port. */
    record Address(String host, int port) {
        static Optional<Address> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            String t = text.trim();
            int colon = t.lastIndexOf(':');
            if (colon <= 0 || colon == t.length() - 1) {
                return Optional.empty();
            }
            String host = t.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            try {
                int port = Integer.parseInt(t.substring(colon + 1));
                return port < 1 || port > 65535 || host.isBlank() ? Optional.empty() : Optional.of(new Address(host, port));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
