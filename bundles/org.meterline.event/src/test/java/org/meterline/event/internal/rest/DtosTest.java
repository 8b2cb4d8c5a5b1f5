package org.meterline.event.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.ValidationException;
import org.meterline.event.api.EventRecord;
import org.meterline.event.api.EventType;

class DtosTest {

    @Test
    void periodsAreInstantsOrDates() {
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), Dtos.instant("from", "2026-11-01"));
        assertEquals(Instant.parse("2026-11-01T10:15:30Z"), Dtos.instant("from", " 2026-11-01T10:15:30Z "));
        assertEquals("to", assertThrows(ValidationException.class, () -> Dtos.instant("to", "yesterday")).errors()
                .get(0).field());
        assertEquals("from", assertThrows(ValidationException.class, () -> Dtos.instant("from", null)).errors()
                .get(0).field());
    }

    @Test
    void anEventLinksToItsDetail() {
        ObisCode log = ObisCode.parse("0.0.99.98.2.255");
        Dtos.Event e = Dtos.event(new EventRecord(7, "SN-7", log, Instant.parse("2026-11-20T08:03:00Z"), 61,
                EventType.unknown(log, 61)));
        assertEquals("/events/7/0.0.99.98.2.255/2026-11-20T08:03:00Z/61", e.href());
        assertEquals("unknown (61)", e.name());
        assertEquals("other", e.category());
    }
}
