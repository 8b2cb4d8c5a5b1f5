package org.meterline.operation.internal.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.meterline.core.api.FieldError;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.ValidationException;
import org.meterline.operation.api.ItemValue;
import org.meterline.operation.api.OperationRecord;
import org.meterline.operation.api.ReadOutcome;
import org.meterline.operation.api.ReadingItem;
import org.meterline.operation.api.ReadingItemSettings;
import org.meterline.operation.api.RelayOutcome;
import org.meterline.operation.internal.Obis;

/** What the operation resources read and write: OBIS codes as dotted text, enums by their external names. */
final class Dtos {

    private Dtos() {
    }

    /** {@code {"items":["1.0.1.8.0.255", ...]}}; empty or missing: the saved or default items. */
    public record ItemsRequest(List<String> items) {
    }

    /** {@code {"action":"connect|disconnect|status"}}. */
    public record RelayRequest(String action) {
    }

    public record Item(String item, String name, String unit, boolean selected) {
    }

    public record Value(String item, String name, BigDecimal value, String text, String unit, Instant readAt,
            String quality, String errorKind, String error) {
    }

    public record Reading(long operationId, long meterId, String serialNumber, String outcome, long durationMillis,
            String errorKind, String error, List<Value> values) {
    }

    public record Relay(long operationId, long meterId, String serialNumber, String action, String outcome,
            String state, long durationMillis, String errorKind, String error) {
    }

    public record Settings(long modelId, String modelName, boolean saved, List<Item> items, List<Item> available) {
    }

    public record Operation(long id, long meterId, String serialNumber, String username, Instant startedAt,
            String operation, List<String> items, String outcome, Long durationMillis, String errorKind,
            String error) {
    }

    /** Parses every code; a bad one is a 400 naming its position. */
    static List<ObisCode> codes(ItemsRequest request) {
        if (request == null || request.items() == null) {
            return List.of();
        }
        List<ObisCode> codes = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            String text = request.items().get(i);
            try {
                codes.add(ObisCode.parse(text));
            } catch (ValidationException e) {
                errors.add(new FieldError("items[" + i + "]", "'" + text + "' is not an OBIS code such as 1.0.1.8.0.255"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return codes;
    }

    static Item item(ReadingItem i, boolean selected) {
        return new Item(Obis.dotted(i.item()), i.name(), i.unit(), selected);
    }

    static Reading reading(ReadOutcome r) {
        return new Reading(r.operationId(), r.meterId(), r.serialNumber(), r.outcome().id(), r.durationMillis(),
                r.errorKind(), r.error(), r.values().stream().map(Dtos::value).collect(Collectors.toList()));
    }

    static Value value(ItemValue v) {
        return new Value(Obis.dotted(v.item()), v.name(), v.value(), v.text(), v.unit(), v.readAt(), v.quality(),
                v.errorKind(), v.error());
    }

    static Relay relay(RelayOutcome r) {
        return new Relay(r.operationId(), r.meterId(), r.serialNumber(), r.action().id(), r.outcome().id(), r.state(),
                r.durationMillis(), r.errorKind(), r.error());
    }

    static Settings settings(ReadingItemSettings s) {
        List<ObisCode> chosen = s.items().stream().map(ReadingItem::item).collect(Collectors.toList());
        return new Settings(s.modelId(), s.modelName(), s.saved(),
                s.items().stream().map(i -> item(i, true)).collect(Collectors.toList()),
                s.available().stream().map(i -> item(i, chosen.contains(i.item()))).collect(Collectors.toList()));
    }

    static Operation operation(OperationRecord o) {
        return new Operation(o.id(), o.meterId(), o.serialNumber(), o.username(), o.startedAt(), o.operation().id(),
                o.items().isEmpty() ? List.of() : List.of(o.items().split(",")), o.outcome().id(), o.durationMillis(),
                o.errorKind(), o.error());
    }
}
