package org.meterline.collection.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.meterline.collection.api.TaskTemplate;
import org.meterline.collection.internal.Messages.MeterJob;
import org.meterline.collection.internal.Messages.ReadResult;
import org.meterline.core.api.ObisCode;
import org.meterline.readings.api.MeterEvent;
import org.meterline.readings.api.Quality;
import org.meterline.readings.api.Reading;

/**
 * The wire format of a {@link ReadResult} between reading and storing (a broker in place of the
 * in-JVM queue): compact, explicit JSON with a format name and a version, written field by field
 * rather than by bean serialisation, so the format changes only when this class says so.
 *
 * <pre>
 * {"format":"meterline.read-result","version":1,
 *  "job":{"tenantId":7,"runId":42,"template":"DAILY_REGISTERS","periodStart":"2024-03-01T00:00:00Z",
 *         "periodEnd":"2024-03-02T00:00:00Z","meterId":1001,"serialNumber":"SN-1001","moduleId":3},
 *  "ok":true,"errorKind":"","message":null,"attempts":1,
 *  "readings":[["1-0:1.8.0.255",1709337600000,"123.456","GOOD"]],
 *  "events":[["0-0:99.98.0.255",1709298300250,17,"Power down"]]}
 * </pre>
 *
 * <ul>
 * <li>The job's period is ISO-8601 text ({@link Instant#toString()}, exact to the nanosecond); the
 * instant of a reading or event is a number, milliseconds since the epoch: those have millisecond
 * precision by contract, and a number is smaller and much faster to read than text, which counts
 * in a load profile of hundreds of rows.
 * <li>Reading values are strings ({@link BigDecimal#toString()}), never JSON numbers: value and
 * scale survive unchanged ({@code 1.50} stays {@code 1.50}).
 * <li>OBIS codes as {@link ObisCode#toString()}, enums by their name.
 * <li>A reading is {@code [item, at, value, quality]}, an event {@code [log, at, code, name]}; both
 * belong to the job's meter, whose id is not repeated per row.
 * <li>Version rule: fields added to an object, or elements appended to a row, keep version 1 (a
 * reader ignores what it does not know); anything else (a renamed, removed or re-typed field) is a
 * new version, and a reader refuses a version it does not know.
 * </ul>
 *
 * Decoding validates everything and fails with an {@link IllegalArgumentException} whose message
 * starts with the path of the offending field, e.g. {@code readings[3].value: not a number}.
 */
final class ReadResultJson {

    static final String FORMAT = "meterline.read-result";
    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectReader READER = MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // error messages show what was sent
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final int SHOWN = 40;

    private ReadResultJson() {
    }

    /** The result as JSON text. */
    static String toJson(ReadResult result) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The result as UTF-8 JSON. */
    static byte[] toBytes(ReadResult result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            write(g, result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The result this JSON text describes; an {@link IllegalArgumentException} naming the field if it is none. */
    static ReadResult fromJson(String json) {
        if (json == null) {
            throw new IllegalArgumentException("read result: no JSON");
        }
        try {
            return read(READER.readTree(json));
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
    }

    /** The result this UTF-8 JSON describes; an {@link IllegalArgumentException} naming the field if it is none. */
    static ReadResult fromBytes(byte[] json) {
        if (json == null) {
            throw new IllegalArgumentException("read result: no JSON");
        }
        try {
            return read(READER.readTree(json));
        } catch (IOException e) { // a parse error, or bytes that are no text in the encoding they claim
            throw notJson(e);
        }
    }

    // ---- writing

    private static void write(JsonGenerator g, ReadResult r) throws IOException {
        if (r == null) {
            throw new IllegalArgumentException("read result: missing");
        }
        MeterJob job = required(r.job(), "job");
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("version", VERSION);
        g.writeObjectFieldStart("job");
        g.writeNumberField("tenantId", job.tenantId());
        g.writeNumberField("runId", job.runId());
        g.writeStringField("template", required(job.template(), "job.template").name());
        g.writeStringField("periodStart", required(job.periodStart(), "job.periodStart").toString());
        g.writeStringField("periodEnd", required(job.periodEnd(), "job.periodEnd").toString());
        g.writeNumberField("meterId", job.meterId());
        g.writeStringField("serialNumber", job.serialNumber());
        g.writeFieldName("moduleId");
        if (job.moduleId() == null) {
            g.writeNull();
        } else {
            g.writeNumber(job.moduleId());
        }
        g.writeEndObject();
        g.writeBooleanField("ok", r.ok());
        g.writeStringField("errorKind", r.errorKind());
        g.writeStringField("message", r.message());
        g.writeNumberField("attempts", r.attempts());
        g.writeArrayFieldStart("readings");
        int i = 0;
        for (Reading reading : r.readings()) {
            sameMeter(reading.meterId(), job.meterId(), "readings[" + i + "]");
            g.writeStartArray();
            g.writeString(reading.item().toString());
            g.writeNumber(reading.at().toEpochMilli());
            g.writeString(reading.value().toString());
            g.writeString(reading.quality().name());
            g.writeEndArray();
            i++;
        }
        g.writeEndArray();
        g.writeArrayFieldStart("events");
        i = 0;
        for (MeterEvent event : r.events()) {
            sameMeter(event.meterId(), job.meterId(), "events[" + i + "]");
            g.writeStartArray();
            g.writeString(event.log().toString());
            g.writeNumber(event.at().toEpochMilli());
            g.writeNumber(event.code());
            g.writeString(event.name());
            g.writeEndArray();
            i++;
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static <T> T required(T value, String path) {
        if (value == null) {
            throw new IllegalArgumentException(path + ": missing");
        }
        return value;
    }

    private static void sameMeter(long meterId, long jobMeterId, String path) {
        if (meterId != jobMeterId) {
            throw new IllegalArgumentException(path + ".meterId: " + meterId + " is not the job's meter " + jobMeterId);
        }
    }

    // ---- reading

    private static ReadResult read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("read result: not a JSON object");
        }
        String format = text(root, "format", "format", false);
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("format: " + shown(format) + " is not \"" + FORMAT + "\"");
        }
        JsonNode v = field(root, "version", "version");
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("version: not a whole number: " + cut(v.toString()));
        }
        if (v.intValue() != VERSION) {
            throw new IllegalArgumentException("version: " + v.intValue() + " is not supported (this side reads "
                    + FORMAT + " version " + VERSION + ")");
        }
        MeterJob job = job(object(root, "job", "job"));
        JsonNode ok = field(root, "ok", "ok");
        if (!ok.isBoolean()) {
            throw new IllegalArgumentException("ok: not true or false");
        }
        String errorKind = text(root, "errorKind", "errorKind", true);
        String message = text(root, "message", "message", true);
        int attempts = intValue(root, "attempts", "attempts");
        List<Reading> readings = readings(array(root, "readings", "readings"), job.meterId());
        List<MeterEvent> events = events(array(root, "events", "events"), job.meterId());
        return new ReadResult(job, ok.booleanValue(), errorKind, message, attempts, readings, events);
    }

    private static MeterJob job(JsonNode job) {
        long tenantId = longValue(job, "tenantId", "job.tenantId");
        long runId = longValue(job, "runId", "job.runId");
        TaskTemplate template = template(text(job, "template", "job.template", false), "job.template");
        Instant periodStart = instant(field(job, "periodStart", "job.periodStart"), "job.periodStart");
        Instant periodEnd = instant(field(job, "periodEnd", "job.periodEnd"), "job.periodEnd");
        long meterId = longValue(job, "meterId", "job.meterId");
        String serialNumber = text(job, "serialNumber", "job.serialNumber", true);
        JsonNode module = field(job, "moduleId", "job.moduleId");
        Long moduleId = module.isNull() ? null : longValue(module, "job.moduleId");
        return new MeterJob(tenantId, runId, template, periodStart, periodEnd, meterId, serialNumber, moduleId);
    }

    private static List<Reading> readings(JsonNode rows, long meterId) {
        List<Reading> out = new ArrayList<>(rows.size());
        Map<String, ObisCode> items = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String path = "readings[" + i + "]";
            JsonNode row = row(rows.get(i), path, 4, "[item, at, value, quality]");
            ObisCode item = obis(row.get(0), path + ".item", items);
            Instant at = epochMillis(row.get(1), path + ".at");
            BigDecimal value = decimal(row.get(2), path + ".value");
            Quality quality = quality(row.get(3), path + ".quality");
            out.add(new Reading(meterId, item, at, value, quality));
        }
        return out;
    }

    private static List<MeterEvent> events(JsonNode rows, long meterId) {
        List<MeterEvent> out = new ArrayList<>(rows.size());
        Map<String, ObisCode> logs = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String path = "events[" + i + "]";
            JsonNode row = row(rows.get(i), path, 4, "[log, at, code, name]");
            ObisCode log = obis(row.get(0), path + ".log", logs);
            Instant at = epochMillis(row.get(1), path + ".at");
            int code = intValue(row.get(2), path + ".code");
            String name = text(row.get(3), path + ".name", true);
            out.add(new MeterEvent(meterId, log, at, code, name));
        }
        return out;
    }

    private static JsonNode field(JsonNode object, String name, String path) {
        JsonNode node = object.get(name);
        if (node == null) {
            throw new IllegalArgumentException(path + ": missing");
        }
        return node;
    }

    private static JsonNode object(JsonNode parent, String name, String path) {
        JsonNode node = field(parent, name, path);
        if (!node.isObject()) {
            throw new IllegalArgumentException(path + ": not an object");
        }
        return node;
    }

    private static JsonNode array(JsonNode parent, String name, String path) {
        JsonNode node = field(parent, name, path);
        if (!node.isArray()) {
            throw new IllegalArgumentException(path + ": not an array");
        }
        return node;
    }

    /** A row of at least {@code size} elements; elements appended by a later writer are ignored. */
    private static JsonNode row(JsonNode node, String path, int size, String shape) {
        if (!node.isArray() || node.size() < size) {
            throw new IllegalArgumentException(path + ": not a row " + shape);
        }
        return node;
    }

    private static String text(JsonNode parent, String name, String path, boolean nullable) {
        return text(field(parent, name, path), path, nullable);
    }

    private static String text(JsonNode node, String path, boolean nullable) {
        if (node.isNull()) {
            if (nullable) {
                return null;
            }
            throw new IllegalArgumentException(path + ": missing");
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException(path + ": not a string: " + cut(node.toString()));
        }
        return node.textValue();
    }

    private static long longValue(JsonNode parent, String name, String path) {
        return longValue(field(parent, name, path), path);
    }

    private static long longValue(JsonNode node, String path) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new IllegalArgumentException(path + ": not a whole number: " + cut(node.toString()));
        }
        return node.longValue();
    }

    private static int intValue(JsonNode parent, String name, String path) {
        return intValue(field(parent, name, path), path);
    }

    private static int intValue(JsonNode node, String path) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException(path + ": not a whole number in int range: " + cut(node.toString()));
        }
        return node.intValue();
    }

    private static Instant instant(JsonNode node, String path) {
        String text = text(node, path, false);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(path + ": not an ISO-8601 instant: " + shown(text));
        }
    }

    private static BigDecimal decimal(JsonNode node, String path) {
        String text = text(node, path, false);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + ": not a number: " + shown(text));
        }
    }

    private static Instant epochMillis(JsonNode node, String path) {
        return Instant.ofEpochMilli(longValue(node, path));
    }

    /** The OBIS code, each text parsed once per message (a load profile repeats its channel 96 times a day). */
    private static ObisCode obis(JsonNode node, String path, Map<String, ObisCode> parsed) {
        String text = text(node, path, false);
        ObisCode code = parsed.get(text);
        if (code == null) {
            try {
                code = ObisCode.parse(text);
            } catch (RuntimeException e) { // ValidationException, or the value group check
                throw new IllegalArgumentException(path + ": not an OBIS code: " + shown(text));
            }
            parsed.put(text, code);
        }
        return code;
    }

    private static Quality quality(JsonNode node, String path) {
        String text = text(node, path, false);
        for (Quality q : Quality.values()) {
            if (q.name().equals(text)) {
                return q;
            }
        }
        throw new IllegalArgumentException(path + ": not a quality (GOOD, QUESTIONABLE, BAD): " + shown(text));
    }

    private static TaskTemplate template(String text, String path) {
        for (TaskTemplate t : TaskTemplate.values()) {
            if (t.name().equals(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException(path + ": not a task template: " + shown(text));
    }

    private static IllegalArgumentException notJson(IOException e) {
        String why = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
        return new IllegalArgumentException("read result: not JSON: " + why, e);
    }

    /** A received string for an error message, quoted and cut short. */
    private static String shown(String value) {
        return value == null ? "null" : "\"" + cut(value) + "\"";
    }

    /** A received value (a string, or a JSON node's text) cut short for an error message. */
    private static String cut(String value) {
        return value.length() > SHOWN ? value.substring(0, SHOWN) + "…" : value;
    }
}
