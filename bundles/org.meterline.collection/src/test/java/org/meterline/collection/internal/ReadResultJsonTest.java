package org.meterline.collection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.meterline.collection.api.TaskTemplate;
import org.meterline.collection.internal.Messages.MeterJob;
import org.meterline.collection.internal.Messages.ReadResult;
import org.meterline.core.api.ObisCode;
import org.meterline.readings.api.MeterEvent;
import org.meterline.readings.api.Quality;
import org.meterline.readings.api.Reading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JSON wire format of {@link ReadResult}: exact round trips, a fixed layout, errors that name the field. */
class ReadResultJsonTest {

    private static final Logger LOG = LoggerFactory.getLogger(ReadResultJsonTest.class);

    private static final long METER = 1001;
    private static final ObisCode A_PLUS = ObisCode.parse("1-0:1.8.0.255");
    private static final ObisCode EVENT_LOG = ObisCode.parse("0-0:99.98.0.255");
    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    private static final Instant END = Instant.parse("2024-03-02T00:00:00Z");

    /** The small result whose JSON is pinned below. */
    private static ReadResult example() {
        MeterJob job = new MeterJob(7, 42, TaskTemplate.DAILY_REGISTERS, START, END, METER, "SN-1001", 3L);
        return ReadResult.ok(job, 1, null,
                List.of(Reading.good(METER, A_PLUS, END, new BigDecimal("123.456"))),
                List.of(new MeterEvent(METER, EVENT_LOG, Instant.parse("2024-03-01T13:05:00.250Z"), 17, "Power down")));
    }

    private static final String EXAMPLE_JSON = "{\"format\":\"meterline.read-result\",\"version\":1,"
            + "\"job\":{\"tenantId\":7,\"runId\":42,\"template\":\"DAILY_REGISTERS\","
            + "\"periodStart\":\"2024-03-01T00:00:00Z\",\"periodEnd\":\"2024-03-02T00:00:00Z\","
            + "\"meterId\":1001,\"serialNumber\":\"SN-1001\",\"moduleId\":3},"
            + "\"ok\":true,\"errorKind\":\"\",\"message\":null,\"attempts\":1,"
            + "\"readings\":[[\"1-0:1.8.0.255\",1709337600000,\"123.456\",\"GOOD\"]],"
            + "\"events\":[[\"0-0:99.98.0.255\",1709298300250,17,\"Power down\"]]}";

    @Test
    void theWireFormatIsPinned() {
        assertEquals(EXAMPLE_JSON, ReadResultJson.toJson(example()));
        assertEquals(EXAMPLE_JSON, new String(ReadResultJson.toBytes(example()), StandardCharsets.UTF_8));
        assertEquals(example(), ReadResultJson.fromJson(EXAMPLE_JSON));
    }

    @Test
    void valuesRoundTripExactlyWithTheirScale() {
        String[] values = {"0", "0.000", "-0.5", "-123456.789012", "0.000001", "1E-6", "1.000000", "1.50",
            "1E+3", "9999999999999999999999999.999999", "-9999999999999999999999999.999999",
            "12345678901234567890123456789012345678901234567890.123456789", "0.1", "3.141592653589793238462643"};
        List<Reading> readings = new ArrayList<>();
        Instant at = Instant.parse("2024-03-01T00:15:00.123Z");
        for (int i = 0; i < values.length; i++) {
            Quality q = Quality.values()[i % Quality.values().length];
            readings.add(new Reading(METER, ObisCode.parse("1-0:1.8." + i + ".255"), at.plusSeconds(900L * i),
                    new BigDecimal(values[i]), q));
        }
        ReadResult result = ReadResult.ok(job(null), 2, "read after 1 retry", readings, List.of());

        ReadResult back = ReadResultJson.fromJson(ReadResultJson.toJson(result));

        assertEquals(result, back); // BigDecimal.equals: value and scale
        for (int i = 0; i < values.length; i++) {
            assertEquals(new BigDecimal(values[i]).scale(), back.readings().get(i).value().scale(), values[i]);
            assertEquals(new BigDecimal(values[i]).toString(), back.readings().get(i).value().toString());
        }
        assertEquals(result, ReadResultJson.fromBytes(ReadResultJson.toBytes(result)));
    }

    @Test
    void eventsInstantsAndANullModuleRoundTrip() {
        MeterJob job = new MeterJob(1, Long.MAX_VALUE, TaskTemplate.EVENT_LOGS,
                Instant.parse("2024-03-01T00:00:00.123456789Z"), Instant.parse("2024-03-01T00:15:00Z"),
                Long.MIN_VALUE, "ÄÖ \"quoted\" \\ \u2603", null);
        List<MeterEvent> events = List.of(
                new MeterEvent(Long.MIN_VALUE, EVENT_LOG, Instant.parse("1970-01-01T00:00:00Z"), 0, null),
                new MeterEvent(Long.MIN_VALUE, ObisCode.parse("0-0:99.98.1.255"), Instant.parse("2024-02-29T23:59:59.999Z"),
                        Integer.MAX_VALUE, "Fraud: cover opened"),
                new MeterEvent(Long.MIN_VALUE, ObisCode.parse("0-0:99.98.2.255"), Instant.parse("1969-12-31T23:59:59.001Z"),
                        -1, ""));
        ReadResult result = ReadResult.ok(job, 1, "", List.of(), events);

        ReadResult back = ReadResultJson.fromJson(ReadResultJson.toJson(result));

        assertEquals(result, back);
        assertNull(back.job().moduleId());
        assertEquals(Instant.parse("2024-03-01T00:00:00.123456789Z"), back.job().periodStart()); // nanoseconds kept
        assertNull(back.events().get(0).name());
    }

    @Test
    void failedResultsRoundTrip() {
        ReadResult failed = ReadResult.failed(job(5L), 3, "TIMEOUT", "no answer within 5000 ms");
        ReadResult back = ReadResultJson.fromJson(ReadResultJson.toJson(failed));
        assertEquals(failed, back);
        assertEquals(false, back.ok());
        assertEquals("TIMEOUT", back.errorKind());

        ReadResult noMessage = new ReadResult(job(5L), false, null, null, 0, null, null);
        assertEquals(noMessage, ReadResultJson.fromJson(ReadResultJson.toJson(noMessage)));
    }

    @Test
    void aFullLoadProfileRoundTripsQuickly() {
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            readings.add(Reading.good(METER, ObisCode.parse("1-0:1.8.0.255"), START.plusSeconds(900L * i),
                    BigDecimal.valueOf(1_000_000L + 37L * i, 3)));
        }
        ReadResult result = ReadResult.ok(job(3L), 1, null, readings, List.of());
        for (int i = 0; i < 2000; i++) { // warm up
            ReadResultJson.fromBytes(ReadResultJson.toBytes(result));
        }
        int rounds = 1000;
        long t0 = System.nanoTime();
        int bytes = 0;
        for (int i = 0; i < rounds; i++) {
            byte[] wire = ReadResultJson.toBytes(result);
            bytes = wire.length;
            assertEquals(400, ReadResultJson.fromBytes(wire).readings().size());
        }
        double micros = (System.nanoTime() - t0) / 1000.0 / rounds;
        LOG.info("400 readings: {} bytes, encode + decode {} µs", bytes, String.format("%.0f", micros));
        assertEquals(result, ReadResultJson.fromBytes(ReadResultJson.toBytes(result)));
    }

    @Test
    void addedFieldsAndRowElementsAreIgnored() {
        String newer = EXAMPLE_JSON
                .replace("\"ok\":true", "\"ok\":true,\"readAt\":\"2024-03-02T00:00:05Z\",\"extra\":{\"a\":[1,2]}")
                .replace("\"GOOD\"]", "\"GOOD\",\"kWh\"]")
                .replace("\"moduleId\":3", "\"moduleId\":3,\"modelId\":9");
        assertEquals(example(), ReadResultJson.fromJson(newer));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"version\":1|\"version\":2|version: 2 is not supported (this side reads meterline.read-result version 1)",
        "\"version\":1|\"version\":0|version: 0 is not supported",
        "\"version\":1,|''|version: missing",
        "\"version\":1|\"version\":\"1\"|version: not a whole number",
        "\"format\":\"meterline.read-result\"|\"format\":\"meterline.read-result-v2\"|format: \"meterline.read-result-v2\" is not \"meterline.read-result\"",
        "\"format\":\"meterline.read-result\",|''|format: missing",
        "\"123.456\"|\"12x.4\"|readings[0].value: not a number: \"12x.4\"",
        "\"123.456\"|123.456|readings[0].value: not a string",
        "\"123.456\"|null|readings[0].value: missing",
        "\"GOOD\"|\"FINE\"|readings[0].quality: not a quality (GOOD, QUESTIONABLE, BAD): \"FINE\"",
        "\"1-0:1.8.0.255\"|\"1-0:1.8.0.256\"|readings[0].item: not an OBIS code: \"1-0:1.8.0.256\"",
        "1709337600000|\"2024-03-02T00:00:00Z\"|readings[0].at: not a whole number: \"2024-03-02T00:00:00Z\"",
        "1709337600000|1709337600000.5|readings[0].at: not a whole number: 1709337600000.5",
        "\"periodStart\":\"2024-03-01T00:00:00Z\"|\"periodStart\":\"2024-03-01 00:00\"|job.periodStart: not an ISO-8601 instant: \"2024-03-01 00:00\"",
        "\"periodStart\":\"2024-03-01T00:00:00Z\"|\"periodStart\":1709251200000|job.periodStart: not a string: 1709251200000",
        ",\"GOOD\"]|]|readings[0]: not a row [item, at, value, quality]",
        "[[\"1-0:1.8.0.255\"|[7,[\"1-0:1.8.0.255\"|readings[0]: not a row",
        "\"DAILY_REGISTERS\"|\"daily-registers\"|job.template: not a task template: \"daily-registers\"",
        "\"tenantId\":7,|''|job.tenantId: missing",
        "\"meterId\":1001|\"meterId\":1001.5|job.meterId: not a whole number: 1001.5",
        "\"meterId\":1001|\"meterId\":99999999999999999999|job.meterId: not a whole number",
        "\"moduleId\":3|\"moduleId\":\"3\"|job.moduleId: not a whole number",
        "\"moduleId\":3|\"mdl\":3|job.moduleId: missing",
        "\"periodEnd\":\"2024-03-02T00:00:00Z\"|\"periodEnd\":null|job.periodEnd: missing",
        "\"ok\":true|\"ok\":\"yes\"|ok: not true or false",
        "\"attempts\":1|\"attempts\":3000000000|attempts: not a whole number in int range",
        "\"events\":[[|\"events\":{\"x\":[[|events: not an array",
        ",17,|,17.5,|events[0].code: not a whole number",
        "\"0-0:99.98.0.255\"|\"C.99.98\"|events[0].log: not an OBIS code",
        "\"Power down\"|false|events[0].name: not a string",
        "\"job\":{|\"job\":[{|job: not an object",
    })
    void decodingErrorsNameTheField(String from, String to, String expected) {
        String json = EXAMPLE_JSON.replace(from, to == null ? "" : to);
        if (to != null && to.startsWith("\"events\":{")) {
            json = json.substring(0, json.length() - 1) + "}}";
        }
        if (to != null && to.startsWith("\"job\":[")) {
            json = json.replace("\"moduleId\":3}", "\"moduleId\":3}]");
        }
        String decoded = json;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReadResultJson.fromJson(decoded));
        assertTrue(e.getMessage().startsWith(expected), () -> "'" + e.getMessage() + "' for " + decoded);
    }

    @Test
    void notJsonIsRefusedClearly() {
        for (String bad : new String[] {"", "   ", "null", "[]", "42", "\"text\"", "{", "{\"format\":}", "not json",
            EXAMPLE_JSON + "{}", EXAMPLE_JSON.replace("\"ok\":true", "\"ok\":true,\"ok\":false")}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReadResultJson.fromJson(bad),
                    bad);
            assertTrue(e.getMessage().startsWith("read result: "), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ReadResultJson.fromJson(null));
        assertThrows(IllegalArgumentException.class, () -> ReadResultJson.fromBytes(null));
        assertThrows(IllegalArgumentException.class, () -> ReadResultJson.fromBytes(new byte[] {(byte) 0xff, 0x7b}));
    }

    @Test
    void encodingRefusesWhatCouldNotBeReadBack() {
        ReadResult otherMeter = ReadResult.ok(job(null), 1, null,
                List.of(Reading.good(METER + 1, A_PLUS, END, BigDecimal.ONE)), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReadResultJson.toJson(otherMeter));
        assertEquals("readings[0].meterId: 1002 is not the job's meter 1001", e.getMessage());

        ReadResult noTemplate = ReadResult.failed(new MeterJob(7, 42, null, START, END, METER, "SN", null), 1, "X", "m");
        e = assertThrows(IllegalArgumentException.class, () -> ReadResultJson.toJson(noTemplate));
        assertEquals("job.template: missing", e.getMessage());

        ReadResult noJob = ReadResult.failed(null, 1, "X", "m");
        e = assertThrows(IllegalArgumentException.class, () -> ReadResultJson.toJson(noJob));
        assertEquals("job: missing", e.getMessage());
    }

    private static MeterJob job(Long moduleId) {
        return new MeterJob(7, 42, TaskTemplate.LOAD_PROFILE, START, END, METER, "SN-1001", moduleId);
    }
}
