package org.meterline.driver.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.meterline.archive.api.AcquisitionModule;
import org.meterline.archive.api.AcquisitionModuleService;
import org.meterline.archive.api.CommSecurity;
import org.meterline.archive.api.Meter;
import org.meterline.archive.api.MeterCommunication;
import org.meterline.archive.api.MeterCommunicationService;
import org.meterline.archive.api.MeterCredentials;
import org.meterline.archive.api.MeterModel;
import org.meterline.archive.api.MeterModelService;
import org.meterline.archive.api.MeterService;
import org.meterline.archive.api.MeterStatus;
import org.meterline.archive.api.ModuleStatus;
import org.meterline.archive.api.ModuleType;
import org.meterline.archive.api.Protocol;
import org.meterline.archive.api.Wiring;
import org.meterline.core.api.Caller;
import org.meterline.core.api.ForbiddenException;
import org.meterline.core.api.Role;
import org.meterline.driver.api.DriverError;
import org.meterline.driver.api.DriverRegistry;
import org.meterline.driver.api.MeterAccess.Purpose;
import org.meterline.driver.api.MeterDriver;
import org.meterline.driver.api.MeterSession;
import org.meterline.driver.api.ModelRef;
import org.meterline.driver.api.Result;
import org.meterline.driver.api.Security;
import org.meterline.driver.api.SessionSettings;

/** The path from an archive meter to a driver session, with archive services answering from memory. */
class MeterAccessImplTest {

    private final Caller operator = new Caller("ann", 1, 10, 10, EnumSet.of(Role.OPERATOR));
    private final Caller viewer = new Caller("vic", 2, 10, 10, EnumSet.of(Role.VIEWER));
    private final List<SessionSettings> opened = new ArrayList<>();
    private final List<MeterDriver> installed = new ArrayList<>();
    private Meter meter = new Meter(5, "SN-5", 3, "Iskra AM550", 4L, "MOD-4", BigDecimal.ONE, BigDecimal.ONE, null,
            null, null, null, null, MeterStatus.INSTALLED);
    private AcquisitionModule module = new AcquisitionModule(4, "MOD-4", ModuleType.GPRS, null, null,
            "127.0.0.1:4059", ModuleStatus.ONLINE);
    private MeterCredentials credentials = new MeterCredentials(
            new MeterCommunication(5, 42, 1, CommSecurity.HLS5_GMAC, false, true), null, new byte[] {1, 2},
            new byte[] {3, 4}, null);

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, java.util.function.Function<String, Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.apply(method.getName()));
    }

    private MeterAccessImpl access() {
        DriverRegistry registry = new DriverRegistry() {
            @Override
            public Optional<MeterDriver> driverFor(String manufacturer, String model) {
                return installed.stream().filter(d -> d.models().stream().anyMatch(m -> m.matches(manufacturer, model)))
                        .findFirst();
            }

            @Override
            public List<MeterDriver> drivers() {
                return installed;
            }
        };
        MeterService meters = fake(MeterService.class, m -> meter);
        MeterModelService models = fake(MeterModelService.class,
                m -> new MeterModel(3, "Iskra", "AM550", Protocol.DLMS_COSEM, 3, Wiring.CT));
        AcquisitionModuleService modules = fake(AcquisitionModuleService.class, m -> module);
        MeterCommunicationService comms = fake(MeterCommunicationService.class, m -> credentials);
        return new MeterAccessImpl(registry, meters, models, modules, comms, new MeterAccessImpl.Config() {
            @Override public Class<? extends Annotation> annotationType() { return MeterAccessImpl.Config.class; }
            @Override public int connectTimeoutSeconds() { return 3; }
            @Override public int responseTimeoutSeconds() { return 2; }
        });
    }

    private MeterDriver driver() {
        return new MeterDriver() {
            @Override public String id() { return "test"; }
            @Override public String protocol() { return "dlms-cosem"; }
            @Override public Set<ModelRef> models() { return Set.of(new ModelRef("ISKRA", "am550")); }
            @Override public String spiVersion() { return SPI_VERSION; }
            @Override public Result<MeterSession> open(SessionSettings settings) {
                opened.add(settings);
                return Result.failed(DriverError.Kind.CONNECTION_FAILED, "nobody home");
            }
        };
    }

    @Test
    void opensWithTheModulesAddressTheMetersSettingsAndKeys() {
        installed.add(driver());
        Result<MeterSession> r = access().open(operator, 5, Purpose.READ);
        assertEquals(DriverError.Kind.CONNECTION_FAILED, r.error().kind());
        SessionSettings s = opened.get(0);
        assertEquals("SN-5", s.serialNumber());
        assertEquals("127.0.0.1", s.host());
        assertEquals(4059, s.port());
        assertEquals(42, s.logicalDevice());
        assertEquals(1, s.clientId());
        assertEquals(3, s.connectTimeout().toSeconds());
        assertTrue(s.security() instanceof Security.Keys);
        // the platform wipes its copy of the keys once the driver has opened the session
        assertArrayEquals(new byte[] {0, 0}, ((Security.Keys) s.security()).authenticationKey());
        assertFalse(s.toString().contains("[1, 2]"));
    }

    @Test
    void saysWhatIsMissingWhenTheMeterCannotBeReachedAsConfigured() {
        Result<MeterSession> noDriver = access().open(operator, 5, Purpose.READ);
        assertEquals(DriverError.Kind.NOT_CONFIGURED, noDriver.error().kind());
        assertTrue(noDriver.error().message().contains("Iskra AM550"), noDriver.error().message());

        installed.add(driver());
        module = new AcquisitionModule(4, "MOD-4", ModuleType.GPRS, null, null, "no-port", ModuleStatus.ONLINE);
        Result<MeterSession> badAddress = access().open(operator, 5, Purpose.READ);
        assertTrue(badAddress.error().message().contains("MOD-4"), badAddress.error().message());

        meter = new Meter(5, "SN-5", 3, "Iskra AM550", null, null, BigDecimal.ONE, BigDecimal.ONE, null, null, null,
                null, null, MeterStatus.WAREHOUSE);
        Result<MeterSession> noModule = access().open(operator, 5, Purpose.READ);
        assertTrue(noModule.error().message().contains("no acquisition module"), noModule.error().message());
        assertTrue(opened.isEmpty());
    }

    @Test
    void controllingNeedsWritePermission() {
        installed.add(driver());
        assertEquals(DriverError.Kind.CONNECTION_FAILED, access().open(viewer, 5, Purpose.READ).error().kind());
        assertThrows(ForbiddenException.class, () -> access().open(viewer, 5, Purpose.CONTROL));
    }

    @Test
    void parsesModuleAddresses() {
        assertEquals(new MeterAccessImpl.Address("::1", 4059), MeterAccessImpl.Address.parse("[::1]:4059").orElseThrow());
        assertEquals(new MeterAccessImpl.Address("meter.example", 1), MeterAccessImpl.Address.parse(" meter.example:1 ")
                .orElseThrow());
        for (String bad : new String[] {null, "", "host", "host:", ":4059", "host:0", "host:70000", "host:x"}) {
            assertTrue(MeterAccessImpl.Address.parse(bad).isEmpty(), String.valueOf(bad));
        }
    }
}
