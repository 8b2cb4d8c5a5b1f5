package org.meterline.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmuc.jdlms.DlmsConnection;

/** Each injected fault, and that the meter works again once it is cleared. */
class FaultTest {

    private static Fleet fleet;
    private static SimulatedMeter meter;
    private static SimulatedMeter neighbour;

    @BeforeAll
    static void start() throws Exception {
        fleet = Fleet.start(FleetSpec.of(2, 0).withSecurity(SecurityMode.NONE));
        meter = fleet.meters().get(0);
        neighbour = fleet.meters().get(1);
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @AfterEach
    void clear() throws Exception {
        meter.clearFaults();
        try (DlmsConnection c = Clients.connect(meter)) {
            assertEquals(meter.serialNumber(), ObjectMapTest.ascii(Clients.get(c, 1, "0.0.96.1.0.255", 2)));
            Cosem.rows(c, "1.0.99.1.0.255", null);
        }
    }

    private static DlmsConnection connect(SimulatedMeter m, int timeoutMillis) throws IOException {
        return Clients.builder(m).setClientId(m.clientId()).setResponseTimeout(timeoutMillis).build();
    }

    @Test
    void noAnswerAcceptsTheConnectionButNeverAnswers() throws Exception {
        meter.inject(new Fault.NoAnswer());
        assertThrows(IOException.class, () -> connect(meter, 1_000).close());
        // the other meter behind the same port is not affected
        try (DlmsConnection c = Clients.connect(neighbour)) {
            Clients.get(c, 1, "0.0.96.1.0.255", 2);
        }
    }

    @Test
    void noAnswerInjectedDuringASession() throws Exception {
        try (DlmsConnection c = connect(meter, 1_000)) {
            Clients.get(c, 1, "0.0.96.1.0.255", 2);
            meter.inject(new Fault.NoAnswer());
            assertThrows(IOException.class, () -> Clients.get(c, 1, "0.0.96.1.0.255", 2));
        }
    }

    @Test
    void slowAnswerDelaysEveryAnswer() throws Exception {
        meter.inject(new Fault.SlowAnswer(Duration.ofMillis(300)));
        Instant start = Instant.now();
        try (DlmsConnection c = connect(meter, 5_000)) {
            Clients.get(c, 1, "0.0.96.1.0.255", 2);
        }
        // association and one GET: two answers of at least 300 ms each
        assertTrue(Duration.between(start, Instant.now()).toMillis() >= 600);

        meter.inject(new Fault.SlowAnswer(Duration.ofSeconds(3)));
        assertThrows(IOException.class, () -> connect(meter, 1_000).close());
    }

    @Test
    void garbageAnswersRandomBytes() throws Exception {
        meter.inject(new Fault.Garbage());
        assertThrows(IOException.class, () -> connect(meter, 2_000).close());
    }

    @Test
    void dropMidProfileClosesTheConnectionDuringTheLoadProfileAnswer() throws Exception {
        meter.inject(new Fault.DropMidProfile());
        try (DlmsConnection c = connect(meter, 2_000)) {
            // everything else still answers
            Clients.get(c, 3, "1.0.1.8.0.255", 2);
            Cosem.rows(c, "0.0.99.98.0.255", null);
            assertThrows(IOException.class, () -> Cosem.rows(c, "1.0.99.1.0.255", null));
            assertThrows(IOException.class, () -> Clients.get(c, 3, "1.0.1.8.0.255", 2), "connection is gone");
        }
    }

    @Test
    void faultsOfDifferentKindsCombineAndClearTogether() throws Exception {
        meter.inject(new Fault.SlowAnswer(Duration.ofMillis(10)));
        meter.inject(new Fault.DropMidProfile());
        meter.inject(new Fault.SlowAnswer(Duration.ofMillis(20)));
        try (DlmsConnection c = connect(meter, 2_000)) {
            Clients.get(c, 3, "1.0.1.8.0.255", 2);
            assertThrows(IOException.class, () -> Cosem.rows(c, "1.0.99.1.0.255", null));
        }
    }
}
