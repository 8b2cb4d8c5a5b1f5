package org.meterline.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmuc.jdlms.DlmsConnection;
import org.openmuc.jdlms.datatypes.DataObject;
import org.openmuc.jdlms.datatypes.DataObject.Type;

/** Every object of the contract's object map, read over TCP with a raw jDLMS client. */
class ObjectMapTest {

    private static Fleet fleet;
    private static SimulatedMeter meter;
    private static DlmsConnection connection;

    @BeforeAll
    static void start() throws Exception {
        fleet = Fleet.start(FleetSpec.of(5, 0).withSecurity(SecurityMode.NONE).withSeed(42));
        meter = fleet.meters().get(3);
        connection = Clients.connect(meter);
    }

    @AfterAll
    static void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of(1, "0.0.42.0.0.255", Type.OCTET_STRING),
                Arguments.of(1, "0.0.96.1.0.255", Type.OCTET_STRING),
                Arguments.of(1, "1.0.0.2.0.255", Type.OCTET_STRING),
                Arguments.of(1, "0.0.43.1.0.255", Type.DOUBLE_LONG_UNSIGNED),
                Arguments.of(8, "0.0.1.0.0.255", Type.OCTET_STRING),
                Arguments.of(3, "1.0.1.8.0.255", Type.DOUBLE_LONG_UNSIGNED),
                Arguments.of(3, "1.0.2.8.0.255", Type.DOUBLE_LONG_UNSIGNED),
                Arguments.of(3, "1.0.3.8.0.255", Type.DOUBLE_LONG_UNSIGNED),
                Arguments.of(3, "1.0.4.8.0.255", Type.DOUBLE_LONG_UNSIGNED),
                Arguments.of(3, "1.0.1.8.1.255", Type.DOUBLE_LONG_UNSIGNED),
                Arguments.of(3, "1.0.1.8.2.255", Type.DOUBLE_LONG_UNSIGNED),
                Arguments.of(3, "1.0.32.7.0.255", Type.LONG_UNSIGNED),
                Arguments.of(3, "1.0.31.7.0.255", Type.LONG_UNSIGNED),
                Arguments.of(3, "1.0.1.7.0.255", Type.DOUBLE_LONG_UNSIGNED),
                Arguments.of(4, "1.0.1.6.0.255", Type.DOUBLE_LONG_UNSIGNED),
                Arguments.of(1, "1.0.0.4.2.255", Type.LONG_UNSIGNED),
                Arguments.of(1, "1.0.0.4.3.255", Type.LONG_UNSIGNED),
                Arguments.of(1, "0.0.96.11.0.255", Type.UNSIGNED),
                Arguments.of(70, "0.0.96.3.10.255", Type.BOOLEAN),
                Arguments.of(18, "0.0.44.0.0.255", Type.DOUBLE_LONG_UNSIGNED),
                Arguments.of(47, "0.0.25.6.0.255", Type.VISIBLE_STRING),
                Arguments.of(7, "1.0.99.1.0.255", Type.ARRAY),
                Arguments.of(7, "0.0.99.98.0.255", Type.ARRAY),
                Arguments.of(7, "0.0.99.98.1.255", Type.ARRAY),
                Arguments.of(7, "0.0.99.98.2.255", Type.ARRAY));
    }

    @ParameterizedTest(name = "{0} {1} attribute 2 is {2}")
    @MethodSource("values")
    void attribute2HasTheContractType(int classId, String obis, Type type) throws Exception {
        assertEquals(type, Clients.get(connection, classId, obis, 2).getType());
    }

    static Stream<Arguments> scalerUnits() {
        return Stream.of(
                Arguments.of(3, "1.0.1.8.0.255", 0, 30), Arguments.of(3, "1.0.2.8.0.255", 0, 30),
                Arguments.of(3, "1.0.3.8.0.255", 0, 32), Arguments.of(3, "1.0.4.8.0.255", 0, 32),
                Arguments.of(3, "1.0.1.8.1.255", 0, 30), Arguments.of(3, "1.0.1.8.2.255", 0, 30),
                Arguments.of(3, "1.0.32.7.0.255", -1, 35), Arguments.of(3, "1.0.31.7.0.255", -2, 33),
                Arguments.of(3, "1.0.1.7.0.255", 0, 27), Arguments.of(4, "1.0.1.6.0.255", 0, 27));
    }

    @ParameterizedTest(name = "{1} scaler {2} unit {3}")
    @MethodSource("scalerUnits")
    void registersHaveScalerAndUnit(int classId, String obis, int scaler, int unit) throws Exception {
        List<DataObject> su = Clients.get(connection, classId, obis, 3).getValue();
        assertEquals(Type.INTEGER, su.get(0).getType());
        assertEquals(scaler, Cosem.number(su.get(0)));
        assertEquals(Type.ENUMERATE, su.get(1).getType());
        assertEquals(unit, Cosem.number(su.get(1)));
    }

    @Test
    void identityObjects() throws Exception {
        assertEquals("MLS" + meter.serialNumber(), ascii(Clients.get(connection, 1, "0.0.42.0.0.255", 2)));
        assertEquals(meter.serialNumber(), ascii(Clients.get(connection, 1, "0.0.96.1.0.255", 2)));
        assertEquals("FW-1.0.0", ascii(Clients.get(connection, 1, "1.0.0.2.0.255", 2)));
        assertEquals(1, Cosem.number(Clients.get(connection, 1, "1.0.0.4.2.255", 2)));
        assertEquals(1, Cosem.number(Clients.get(connection, 1, "1.0.0.4.3.255", 2)));
    }

    @Test
    void clockIsUtcNow() throws Exception {
        Instant t = Cosem.instant(Clients.get(connection, 8, "0.0.1.0.0.255", 2));
        assertTrue(Math.abs(Duration.between(Instant.now(), t).getSeconds()) < 60, "clock " + t);
        assertEquals(0, Cosem.number(Clients.get(connection, 8, "0.0.1.0.0.255", 3)));
        assertEquals(Type.UNSIGNED, Clients.get(connection, 8, "0.0.1.0.0.255", 4).getType());
    }

    @Test
    void registerNowLiesBetweenTheIntervalEnds() throws Exception {
        for (int channel = 1; channel <= 4; channel++) {
            String obis = "1.0." + channel + ".8.0.255";
            Instant before = Instant.now();
            long value = Cosem.number(Clients.get(connection, 3, obis, 2));
            Instant after = Instant.now();
            Instant lastEnd = Instant.ofEpochSecond(before.getEpochSecond() / 900 * 900);
            Instant nextEnd = Instant.ofEpochSecond((after.getEpochSecond() / 900 + 1) * 900);
            assertTrue(value >= meter.energyAt(channel, lastEnd), obis + " " + value);
            assertTrue(value <= meter.energyAt(channel, nextEnd), obis + " " + value);
        }
        long total = Cosem.number(Clients.get(connection, 3, "1.0.1.8.0.255", 2));
        long t1 = Cosem.number(Clients.get(connection, 3, "1.0.1.8.1.255", 2));
        long t2 = Cosem.number(Clients.get(connection, 3, "1.0.1.8.2.255", 2));
        assertTrue(t1 > 0 && t2 > 0 && Math.abs(t1 + t2 - total) < 1000, t1 + " + " + t2 + " vs " + total);
    }

    @Test
    void energyGrowsAndIsAPureFunctionOfMeterChannelAndInterval() throws Exception {
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        long previous = -1;
        for (int i = 0; i < 96 * 7; i++) {
            long e = meter.energyAt(1, end.plusSeconds(900L * i));
            assertTrue(e >= previous);
            previous = e;
        }
        assertTrue(meter.energyAt(1, end.plus(Duration.ofDays(1))) > meter.energyAt(1, end), "consumes energy");
        assertThrows(IllegalArgumentException.class, () -> meter.energyAt(1, end.plusSeconds(60)));
        assertThrows(IllegalArgumentException.class, () -> meter.energyAt(5, end));
        try (Fleet same = Fleet.start(FleetSpec.of(5, 0).withSecurity(SecurityMode.NONE).withSeed(42))) {
            SimulatedMeter twin = same.meters().get(3);
            for (int c = 1; c <= 4; c++) {
                assertEquals(meter.energyAt(c, end), twin.energyAt(c, end));
            }
            assertFalse(meter.energyAt(1, end) == same.meters().get(2).energyAt(1, end), "meters differ");
        }
    }

    @Test
    void loadProfileRangeReturnsExactlyTheIntervalEndsInside() throws Exception {
        Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2)).plusSeconds(60);
        Instant to = from.plus(Duration.ofHours(5));
        List<DataObject> rows = Cosem.rows(connection, "1.0.99.1.0.255", Cosem.range(from, to));
        // interval ends in [from, to]: from is 1 minute past the hour, so the first is at +14 min
        assertEquals(20, rows.size());
        Instant expected = from.minusSeconds(60).plusSeconds(900);
        for (DataObject row : rows) {
            List<DataObject> cells = row.getValue();
            assertEquals(5, cells.size());
            assertEquals(expected, Cosem.instant(cells.get(0)));
            for (int c = 1; c <= 4; c++) {
                assertEquals(Type.DOUBLE_LONG_UNSIGNED, cells.get(c).getType());
                assertEquals(meter.energyAt(c, expected), Cosem.number(cells.get(c)), "channel " + c);
            }
            expected = expected.plusSeconds(900);
        }
    }

    @Test
    void loadProfileRangeBoundsAreInclusiveAndColumnsSelectable() throws Exception {
        Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(1));
        Instant to = from.plusSeconds(3600);
        List<DataObject> rows = Cosem.rows(connection, "1.0.99.1.0.255", Cosem.range(from, to,
                Cosem.column(8, "0.0.1.0.0.255", 2), Cosem.column(3, "1.0.2.8.0.255", 2)));
        assertEquals(5, rows.size());
        List<DataObject> first = rows.get(0).getValue();
        assertEquals(2, first.size());
        assertEquals(from, Cosem.instant(first.get(0)));
        assertEquals(meter.energyAt(2, from), Cosem.number(first.get(1)));
        assertEquals(to, Cosem.instant(((List<DataObject>) rows.get(4).getValue()).get(0)));
    }

    @Test
    void loadProfileHistoryStartsHistoryDaysAgoAndEndsAtTheLastIntervalEnd() throws Exception {
        Instant now = Instant.now();
        List<DataObject> rows = Cosem.rows(connection, "1.0.99.1.0.255",
                Cosem.range(now.minus(Duration.ofDays(400)), now.plus(Duration.ofDays(1))));
        Instant after = Instant.now();
        Instant first = Cosem.instant(((List<DataObject>) rows.get(0).getValue()).get(0));
        Instant last = Cosem.instant(((List<DataObject>) rows.get(rows.size() - 1).getValue()).get(0));
        assertTrue(Math.abs(Duration.between(now.minus(Duration.ofDays(35)), first).toMinutes()) <= 16, "" + first);
        // the last interval end before the read (or during it, if a quarter hour began meanwhile)
        assertTrue(last.getEpochSecond() == now.getEpochSecond() / 900 * 900
                || last.getEpochSecond() == after.getEpochSecond() / 900 * 900, "last row " + last);
        assertEquals(Duration.between(first, last).getSeconds() / 900 + 1, rows.size());
        assertEquals(900, Cosem.number(Clients.get(connection, 7, "1.0.99.1.0.255", 4)));
        List<DataObject> captured = Clients.get(connection, 7, "1.0.99.1.0.255", 3).getValue();
        assertEquals(5, captured.size());
    }

    @Test
    void standardLogHasGeneratedPowerOffAndOnEvents() throws Exception {
        List<DataObject> rows = Cosem.rows(connection, "0.0.99.98.0.255", null);
        assertTrue(rows.size() >= 4, "a power failure every few days in 35 days: " + rows.size());
        Instant previous = Instant.MIN;
        for (DataObject row : rows) {
            List<DataObject> cells = row.getValue();
            Instant t = Cosem.instant(cells.get(0));
            assertFalse(t.isBefore(previous));
            previous = t;
            long code = Cosem.number(cells.get(1));
            assertTrue(code == 1 || code == 2, "code " + code);
        }
        Instant from = Cosem.instant(((List<DataObject>) rows.get(1).getValue()).get(0));
        Instant to = Cosem.instant(((List<DataObject>) rows.get(2).getValue()).get(0));
        assertEquals(2, Cosem.rows(connection, "0.0.99.98.0.255", Cosem.range(from, to)).size());
    }

    @Test
    void gsmDiagnosticCellInfo() throws Exception {
        List<DataObject> cell = Clients.get(connection, 47, "0.0.25.6.0.255", 6).getValue();
        assertEquals(4, cell.size());
        assertEquals(Type.DOUBLE_LONG_UNSIGNED, cell.get(0).getType());
        assertEquals(Type.LONG_UNSIGNED, cell.get(1).getType());
        assertEquals(Type.UNSIGNED, cell.get(2).getType());
        assertEquals(Type.UNSIGNED, cell.get(3).getType());
        long quality = Cosem.number(cell.get(2));
        assertTrue(quality >= 0 && quality <= 31, "signal quality " + quality);
        assertEquals("Meterline Mobile", ascii(Clients.get(connection, 47, "0.0.25.6.0.255", 2)));
        assertEquals(Type.ENUMERATE, Clients.get(connection, 47, "0.0.25.6.0.255", 3).getType());
    }

    @Test
    void maxDemandHasACaptureTimeThisMonth() throws Exception {
        long demand = Cosem.number(Clients.get(connection, 4, "1.0.1.6.0.255", 2));
        Instant at = Cosem.instant(Clients.get(connection, 4, "1.0.1.6.0.255", 5));
        assertTrue(demand > 0);
        assertFalse(at.isAfter(Instant.now().plusSeconds(900)));
        assertEquals(at.getEpochSecond(), at.getEpochSecond() / 900 * 900);
    }

    static String ascii(DataObject d) {
        Object v = d.getValue();
        return new String((byte[]) v, StandardCharsets.US_ASCII);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void logicalNameAttributeIsTheObisCode() throws Exception {
        assertArrayEquals(new byte[] {1, 0, 1, 8, 0, (byte) 255},
                (byte[]) Clients.get(connection, 3, "1.0.1.8.0.255", 1).getValue());
    }
}
