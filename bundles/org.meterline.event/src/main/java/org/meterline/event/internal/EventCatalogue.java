package org.meterline.event.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meterline.core.api.ObisCode;
import org.meterline.event.api.EventCategory;
import org.meterline.event.api.EventType;
import org.meterline.event.api.Severity;

/**
 * The event types, read from {@code event-types.properties} beside this class: one line per type,
 * {@code <id> = <log>, <code>, <category>, <severity>, <name>}, kept in file order.
 */
final class EventCatalogue {

    static final String RESOURCE = "event-types.properties";

    private final Map<String, EventType> byId;
    private final Map<String, EventType> byLogAndCode = new HashMap<>();

    private EventCatalogue(List<EventType> types) {
        Map<String, EventType> ids = new LinkedHashMap<>();
        for (EventType t : types) {
            if (ids.putIfAbsent(t.id(), t) != null) {
                throw new IllegalArgumentException("event type " + t.id() + " is listed twice");
            }
            if (byLogAndCode.putIfAbsent(key(t.log(), t.code()), t) != null) {
                throw new IllegalArgumentException("event type " + t.id() + ": code " + t.code() + " of log "
                        + t.log() + " is listed twice");
            }
        }
        this.byId = ids;
    }

    /** The catalogue shipped with the bundle. */
    static EventCatalogue shipped() {
        try (InputStream in = EventCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the event bundle");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EventCatalogue parse(InputStream in) throws IOException {
        List<EventType> types = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String text = line.trim();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            types.add(parseLine(text, number));
        }
        return new EventCatalogue(types);
    }

    private static EventType parseLine(String text, int number) {
        int eq = text.indexOf('=');
        String[] parts = eq < 0 ? new String[0] : text.substring(eq + 1).split(",", 5);
        if (parts.length != 5) {
            throw new IllegalArgumentException(RESOURCE + " line " + number
                    + ": expected <id> = <log>, <code>, <category>, <severity>, <name>");
        }
        try {
            return new EventType(text.substring(0, eq).trim(), ObisCode.parse(parts[0].trim()),
                    Integer.parseInt(parts[1].trim()),
                    parts[4].trim(),
                    EventCategory.fromId(parts[2].trim()).orElseThrow(() -> new IllegalArgumentException(
                            "unknown category " + parts[2].trim())),
                    Severity.fromId(parts[3].trim()).orElseThrow(() -> new IllegalArgumentException(
                            "unknown severity " + parts[3].trim())));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(RESOURCE + " line " + number + ": " + e.getMessage(), e);
        }
    }

    List<EventType> types() {
        return List.copyOf(byId.values());
    }

    Optional<EventType> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    EventType type(ObisCode log, int code) {
        EventType t = byLogAndCode.get(key(log, code));
        return t != null ? t : EventType.unknown(log, code);
    }

    private static String key(ObisCode log, int code) {
        return log + "/" + code;
    }
}
