package org.meterline.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmuc.jdlms.AccessResultCode;
import org.openmuc.jdlms.AttributeAddress;
import org.openmuc.jdlms.DlmsConnection;
import org.openmuc.jdlms.MethodResultCode;
import org.openmuc.jdlms.SetParameter;
import org.openmuc.jdlms.datatypes.DataObject;

/** Writes and methods: relay, clock, CT/PT ratios, image transfer with resume, terminal cover. */
class OperationsTest {

    private static Fleet fleet;

    @BeforeAll
    static void start() throws Exception {
        fleet = Fleet.start(FleetSpec.of(6, 0).withSecurity(SecurityMode.NONE));
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private static List<Long> codes(DlmsConnection c, String log) throws Exception {
        return Cosem.rows(c, log, null).stream().map(r -> Cosem.number(((List<DataObject>) r.getValue()).get(1)))
                .toList();
    }

    @Test
    void relayDisconnectAndReconnectChangeStateAndLogEvents() throws Exception {
        SimulatedMeter m = fleet.meters().get(0);
        try (DlmsConnection c = Clients.connect(m)) {
            assertEquals(1, Cosem.number(Clients.get(c, 70, "0.0.96.3.10.255", 3)));
            assertEquals(List.of(), codes(c, "0.0.99.98.2.255"));

            assertEquals(MethodResultCode.SUCCESS, Cosem.act(c, 70, "0.0.96.3.10.255", 1, Cosem.zero()));
            assertEquals(0, Cosem.number(Clients.get(c, 70, "0.0.96.3.10.255", 3)));
            assertEquals(false, Clients.get(c, 70, "0.0.96.3.10.255", 2).getValue());
            assertEquals(0, m.relayControlState());

            assertEquals(MethodResultCode.SUCCESS, Cosem.act(c, 70, "0.0.96.3.10.255", 2, Cosem.zero()));
            assertEquals(1, Cosem.number(Clients.get(c, 70, "0.0.96.3.10.255", 3)));
            assertEquals(true, Clients.get(c, 70, "0.0.96.3.10.255", 2).getValue());
            assertEquals(1, m.relayControlState());

            assertEquals(List.of(59L, 60L), codes(c, "0.0.99.98.2.255"));
            assertEquals(60, Cosem.number(Clients.get(c, 1, "0.0.96.11.2.255", 2)));
        }
    }

    @Test
    void clockSetMovesTheMeterClockAndLogsEvent3() throws Exception {
        SimulatedMeter m = fleet.meters().get(1);
        try (DlmsConnection c = Clients.connect(m)) {
            Instant target = Instant.now().minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            AccessResultCode result = c.set(new SetParameter(new AttributeAddress(8, "0.0.1.0.0.255", 2),
                    DataObject.newOctetStringData(Cosem.dateTime(target))));
            assertEquals(AccessResultCode.SUCCESS, result);
            Instant read = Cosem.instant(Clients.get(c, 8, "0.0.1.0.0.255", 2));
            assertTrue(Math.abs(Duration.between(target, read).getSeconds()) < 30, "clock " + read);
            assertTrue(codes(c, "0.0.99.98.0.255").contains(3L), "clock set event");

            AccessResultCode bad = c.set(new SetParameter(new AttributeAddress(8, "0.0.1.0.0.255", 2),
                    DataObject.newOctetStringData(new byte[5])));
            assertNotEquals(AccessResultCode.SUCCESS, bad);
        }
    }

    @Test
    void ctAndPtRatiosAreWritable() throws Exception {
        SimulatedMeter m = fleet.meters().get(2);
        try (DlmsConnection c = Clients.connect(m)) {
            assertEquals(AccessResultCode.SUCCESS, c.set(new SetParameter(new AttributeAddress(1, "1.0.0.4.2.255", 2),
                    DataObject.newUInteger16Data(200))));
            assertEquals(AccessResultCode.SUCCESS, c.set(new SetParameter(new AttributeAddress(1, "1.0.0.4.3.255", 2),
                    DataObject.newUInteger16Data(3))));
            assertEquals(200, Cosem.number(Clients.get(c, 1, "1.0.0.4.2.255", 2)));
            assertEquals(3, Cosem.number(Clients.get(c, 1, "1.0.0.4.3.255", 2)));
            assertEquals(200, m.ctRatio());
            assertEquals(3, m.ptRatio());

            assertNotEquals(AccessResultCode.SUCCESS, c.set(new SetParameter(
                    new AttributeAddress(1, "1.0.0.4.2.255", 2), DataObject.newOctetStringData(new byte[2]))));
            assertNotEquals(AccessResultCode.SUCCESS, c.set(new SetParameter(
                    new AttributeAddress(1, "0.0.96.1.0.255", 2), DataObject.newOctetStringData(new byte[2]))));
            assertEquals(200, m.ctRatio());
        }
    }

    @Test
    void imageTransferResumesVerifiesAndActivates() throws Exception {
        SimulatedMeter m = fleet.meters().get(3);
        byte[] image = new byte[192 * 10 + 50];
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) i;
        }
        DataObject initiate = DataObject.newStructureData(
                DataObject.newOctetStringData("FW-2.0.0".getBytes(StandardCharsets.US_ASCII)),
                DataObject.newUInteger32Data(image.length));
        try (DlmsConnection c = Clients.connect(m)) {
            assertEquals(192, Cosem.number(Clients.get(c, 18, "0.0.44.0.0.255", 2)));
            assertEquals(MethodResultCode.SUCCESS, Cosem.act(c, 18, "0.0.44.0.0.255", 1, initiate));
            for (int b = 0; b < 6; b++) {
                assertEquals(MethodResultCode.SUCCESS, Cosem.act(c, 18, "0.0.44.0.0.255", 2, block(image, b)));
            }
            assertEquals(6, m.receivedImageBlocks());
            // verification before all blocks arrived fails
            assertNotEquals(MethodResultCode.SUCCESS, Cosem.act(c, 18, "0.0.44.0.0.255", 3, Cosem.zero()));
        }
        try (DlmsConnection c = Clients.connect(m)) {
            assertEquals(MethodResultCode.SUCCESS, Cosem.act(c, 18, "0.0.44.0.0.255", 1, initiate));
            long first = Cosem.number(Clients.get(c, 18, "0.0.44.0.0.255", 4));
            assertEquals(6, first, "resume after the received blocks");
            for (int b = (int) first; b < 11; b++) {
                assertEquals(MethodResultCode.SUCCESS, Cosem.act(c, 18, "0.0.44.0.0.255", 2, block(image, b)));
            }
            assertEquals(11, m.receivedImageBlocks());
            assertEquals(11, Cosem.number(Clients.get(c, 18, "0.0.44.0.0.255", 4)));
            assertEquals(MethodResultCode.SUCCESS, Cosem.act(c, 18, "0.0.44.0.0.255", 3, Cosem.zero()));
            assertEquals(3, Cosem.number(Clients.get(c, 18, "0.0.44.0.0.255", 6)));
            assertEquals("FW-1.0.0", ObjectMapTest.ascii(Clients.get(c, 1, "1.0.0.2.0.255", 2)));
            assertEquals(MethodResultCode.SUCCESS, Cosem.act(c, 18, "0.0.44.0.0.255", 4, Cosem.zero()));
            assertEquals("FW-2.0.0", ObjectMapTest.ascii(Clients.get(c, 1, "1.0.0.2.0.255", 2)));
            assertEquals("FW-2.0.0", m.activeFirmware());
            assertEquals(6, Cosem.number(Clients.get(c, 18, "0.0.44.0.0.255", 6)));
            List<DataObject> info = Clients.get(c, 18, "0.0.44.0.0.255", 7).getValue();
            assertEquals(1, info.size());

            // a different image starts from block 0
            assertEquals(MethodResultCode.SUCCESS, Cosem.act(c, 18, "0.0.44.0.0.255", 1,
                    DataObject.newStructureData(DataObject.newOctetStringData("FW-3".getBytes(StandardCharsets.US_ASCII)),
                            DataObject.newUInteger32Data(1000))));
            assertEquals(0, Cosem.number(Clients.get(c, 18, "0.0.44.0.0.255", 4)));
            assertEquals(0, m.receivedImageBlocks());
        }
    }

    private static DataObject block(byte[] image, int number) {
        int from = number * 192;
        int to = Math.min(image.length, from + 192);
        return DataObject.newStructureData(DataObject.newUInteger32Data(number),
                DataObject.newOctetStringData(java.util.Arrays.copyOfRange(image, from, to)));
    }

    @Test
    void openingTheTerminalCoverLogsEvent40() throws Exception {
        SimulatedMeter m = fleet.meters().get(4);
        m.openTerminalCover();
        try (DlmsConnection c = Clients.connect(m)) {
            assertEquals(List.of(40L), codes(c, "0.0.99.98.1.255"));
            assertEquals(40, Cosem.number(Clients.get(c, 1, "0.0.96.11.1.255", 2)));
        }
    }
}
