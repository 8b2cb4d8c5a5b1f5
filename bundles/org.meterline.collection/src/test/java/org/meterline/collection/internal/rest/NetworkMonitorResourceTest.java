package org.meterline.collection.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javax.ws.rs.Path;
import javax.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.Test;
import org.meterline.collection.api.CollectionService;
import org.meterline.core.api.Caller;
import org.meterline.core.api.CallerPrincipal;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Role;
import org.meterline.core.api.ValidationException;

/** The REST mapping of the Network Monitor: paths, paging parameters, the default and bad periods. */
class NetworkMonitorResourceTest {

    private final List<Object[]> calls = new ArrayList<>();
    private final Caller caller = new Caller("vic", 1, 10, 10, EnumSet.of(Role.VIEWER));
    private final SecurityContext sc = (SecurityContext) Proxy.newProxyInstance(SecurityContext.class.getClassLoader(),
            new Class<?>[] {SecurityContext.class},
            (p, m, args) -> "getUserPrincipal".equals(m.getName()) ? new CallerPrincipal(caller) : null);
    private final NetworkMonitorResource resource = new NetworkMonitorResource((CollectionService) Proxy.newProxyInstance(
            CollectionService.class.getClassLoader(), new Class<?>[] {CollectionService.class}, (p, m, args) -> {
                calls.add(args);
                return m.getName().equals("networkModules") ? new Page<>(List.of(), 0) : List.of();
            }));

    @Test
    void pathsAndParameters() throws Exception {
        assertEquals("/network-monitor", NetworkMonitorResource.class.getAnnotation(Path.class).value());
        assertEquals("modules", NetworkMonitorResource.class.getMethod("modules", SecurityContext.class, Integer.class,
                Integer.class, String.class, String.class).getAnnotation(Path.class).value());
        assertEquals("modules/{id}/history", NetworkMonitorResource.class.getMethod("history", SecurityContext.class,
                long.class, String.class, String.class).getAnnotation(Path.class).value());

        resource.modules(sc, 50, 25, "-serialNumber", "mod");
        PageRequest page = (PageRequest) calls.get(0)[1];
        assertEquals(caller, calls.get(0)[0]);
        assertEquals(new PageRequest(50, 25, "serialNumber", false, "mod"), page);

        resource.history(sc, 7, null, null);
        Object[] h = calls.get(1);
        assertEquals(7L, h[1]);
        assertEquals(Duration.ofDays(7), Duration.between((Instant) h[2], (Instant) h[3]));
        assertTrue(Duration.between((Instant) h[3], Instant.now()).abs().getSeconds() < 60);

        resource.history(sc, 7, "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z");
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), calls.get(2)[2]);
        assertEquals(Instant.parse("2026-11-02T00:00:00Z"), calls.get(2)[3]);

        ValidationException bad = assertThrows(ValidationException.class, () -> resource.history(sc, 7, "yesterday", null));
        assertEquals("from", bad.errors().get(0).field());
    }
}
