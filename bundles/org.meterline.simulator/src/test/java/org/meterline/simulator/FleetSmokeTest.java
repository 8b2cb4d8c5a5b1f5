package org.meterline.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openmuc.jdlms.DlmsConnection;
import org.openmuc.jdlms.datatypes.DataObject;

class FleetSmokeTest {

    @Test
    void readsSerialOverNoSecurity() throws Exception {
        try (Fleet fleet = Fleet.start(FleetSpec.of(3, 0).withSecurity(SecurityMode.NONE))) {
            SimulatedMeter m = fleet.meter("SIM000002").orElseThrow();
            try (DlmsConnection c = Clients.connect(m)) {
                DataObject serial = Clients.get(c, 1, "0.0.96.1.0.255", 2);
                assertEquals("SIM000002", new String((byte[]) serial.getValue(), StandardCharsets.US_ASCII));
                System.out.println(Clients.get(c, 3, "1.0.1.8.0.255", 2));
                System.out.println(Clients.get(c, 7, "1.0.99.1.0.255", 3));
            }
        }
    }
}
