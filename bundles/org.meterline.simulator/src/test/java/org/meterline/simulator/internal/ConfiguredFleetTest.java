package org.meterline.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.meterline.simulator.Fleet;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SecurityMode;

/** The DS components activated in plain JUnit with a Config builder. */
class ConfiguredFleetTest {

    /** A Config with the given values, the defaults otherwise. */
    static final class TestConfig implements Config {
        int count;
        int basePort = 4059;
        String security = "hls5-gmac";
        String prefix = "SIM";

        @Override
        public Class<? extends Annotation> annotationType() {
            return Config.class;
        }

        @Override
        public int count() {
            return count;
        }

        @Override
        public int basePort() {
            return basePort;
        }

        @Override
        public int metersPerServer() {
            return 250;
        }

        @Override
        public String security() {
            return security;
        }

        @Override
        public long seed() {
            return 3L;
        }

        @Override
        public String serialPrefix() {
            return prefix;
        }

        @Override
        public String bindHost() {
            return "127.0.0.1";
        }
    }

    @Test
    void startsTheConfiguredFleetOffTheActivatingThreadAndStopsItWhenCountIsZero() throws Exception {
        SimulatorServiceImpl simulator = new SimulatorServiceImpl();
        TestConfig config = new TestConfig();
        config.count = 3;
        config.basePort = 0;
        config.security = "lls";
        config.prefix = "CFG";
        ConfiguredFleet component = new ConfiguredFleet(simulator, config);
        try {
            await(() -> simulator.fleet("config").isPresent());
            Fleet fleet = simulator.fleet("config").orElseThrow();
            assertEquals(SecurityMode.LLS, fleet.spec().security());
            assertEquals(3L, fleet.spec().seed());
            assertTrue(simulator.meter("CFG000002").isPresent());

            config.count = 0;
            component.modified(config);
            await(() -> simulator.fleet("config").isEmpty());
            assertFalse(fleet.isRunning());
        } finally {
            component.deactivate();
            simulator.deactivate();
        }
    }

    @Test
    void theServiceKeepsFleetsByNameAndStopsThemOnDeactivate() throws Exception {
        SimulatorServiceImpl simulator = new SimulatorServiceImpl();
        Fleet a = simulator.start(FleetSpec.of(2, 0).withName("a").withSecurity(SecurityMode.NONE));
        Fleet b = simulator.start(FleetSpec.of(2, 0).withName("b").withSerialPrefix("B"));
        assertThrows(IllegalStateException.class, () -> simulator.start(FleetSpec.of(1, 0).withName("a")));
        assertEquals(2, simulator.fleets().size());
        assertEquals(Optional.of(b.meters().get(1)), simulator.meter("B000002"));
        assertTrue(simulator.stop("a"));
        assertFalse(simulator.stop("a"));
        assertFalse(a.isRunning());
        simulator.deactivate();
        assertFalse(b.isRunning());
        assertTrue(simulator.fleets().isEmpty());
    }

    @Test
    void securityNames() {
        assertEquals(SecurityMode.HLS5_GMAC, SecurityModes.parse("hls5-gmac"));
        assertEquals(SecurityMode.HLS5_GMAC, SecurityModes.parse("HLS5_GMAC"));
        assertEquals(SecurityMode.NONE, SecurityModes.parse(" none "));
        assertThrows(IllegalArgumentException.class, () -> SecurityModes.parse("hls"));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean());
    }
}
