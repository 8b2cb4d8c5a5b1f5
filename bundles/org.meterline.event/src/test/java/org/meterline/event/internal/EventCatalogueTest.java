package org.meterline.event.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.meterline.core.api.ObisCode;

/** The catalogue file's format and its mistakes. */
class EventCatalogueTest {

    private static EventCatalogue parse(String text) throws IOException {
        return EventCatalogue.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTypesInFileOrderAndNamesWithCommas() throws IOException {
        EventCatalogue c = parse("# comment\n\nb = 0-0:99.98.0.255, 7, power, info, Power, briefly off\n"
                + "a = 0.0.99.98.1.255, 7, tamper, alarm, Cover\n");
        assertEquals("b", c.types().get(0).id());
        assertEquals("Power, briefly off", c.types().get(0).name());
        assertEquals("a", c.type(ObisCode.parse("0.0.99.98.1.255"), 7).id());
    }

    @Test
    void refusesBadLinesNamingTheLine() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("x = 0.0.99.98.0.255, 1, power\n"))
                .getMessage().contains("line 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("\nx = 0.0.99.98.0.255, 1, weather, info, X\n"))
                .getMessage().contains("line 2: unknown category weather"));
        assertThrows(IllegalArgumentException.class, () -> parse("x = 0.0.99.98.0.255, 1, power, info, X\n"
                + "y = 0.0.99.98.0.255, 1, power, info, Y\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("x = 0.0.99.98.0.255, 1, power, info, X\n"
                + "x = 0.0.99.98.0.255, 2, power, info, Y\n"));
    }

    @Test
    void theShippedCatalogueLoads() {
        assertEquals(7, EventCatalogue.shipped().types().size());
    }
}
