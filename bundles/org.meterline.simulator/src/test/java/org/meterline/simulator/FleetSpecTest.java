package org.meterline.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FleetSpecTest {

    @Test
    void defaults() {
        FleetSpec s = FleetSpec.of(1000, 4059);
        assertEquals(new FleetSpec("fleet", 1000, "SIM", 1, "127.0.0.1", 4059, 250, SecurityMode.HLS5_GMAC, 1L, 35), s);
        assertEquals(4, s.serverCount());
        assertEquals("SIM000001", s.serialOf(0));
        assertEquals("SIM001000", s.serialOf(999));
        assertEquals(5, s.withMetersPerServer(249).serverCount());
        assertEquals("X000010", s.withSerialPrefix("X").withFirstNumber(10).serialOf(0));
        assertEquals(SecurityMode.LLS, s.withSecurity(SecurityMode.LLS).security());
        assertFalse(s.withSeed(987654321L).toString().contains("987654321"), "the seed gives the secrets");
    }

    @Test
    void rejectsWhatCannotRun() {
        FleetSpec s = FleetSpec.of(10, 4059);
        assertThrows(IllegalArgumentException.class, () -> s.withCount(0));
        assertThrows(IllegalArgumentException.class, () -> s.withMetersPerServer(0));
        assertThrows(IllegalArgumentException.class, () -> s.withBasePort(65535).withMetersPerServer(5));
        assertThrows(IllegalArgumentException.class, () -> s.withBasePort(0).withMetersPerServer(5));
        assertThrows(IllegalArgumentException.class, () -> s.withHistoryDays(0));
        assertThrows(IllegalArgumentException.class, () -> s.withName(" "));
        assertThrows(IndexOutOfBoundsException.class, () -> s.serialOf(10));
        assertThrows(IllegalArgumentException.class, () -> s.withSerialPrefix("TOO-LONG-"));
        assertThrows(IllegalArgumentException.class, () -> s.withSerialPrefix("A B"));
        assertEquals("LONGPFX000010", s.withSerialPrefix("LONGPFX").serialOf(9));
        assertThrows(IllegalArgumentException.class, () -> new Fault.SlowAnswer(Duration.ofMillis(-1)));
    }

    @Test
    void clientIdsBySecurityMode() {
        assertEquals(16, SecurityMode.NONE.clientId());
        assertEquals(17, SecurityMode.LLS.clientId());
        assertEquals(1, SecurityMode.HLS5_GMAC.clientId());
    }
}
