package org.meterline.event.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.archive.api.AcquisitionModuleInput;
import org.meterline.archive.api.ConsumerInput;
import org.meterline.archive.api.Meter;
import org.meterline.archive.api.MeterInput;
import org.meterline.archive.api.MeterModelInput;
import org.meterline.archive.api.ModuleType;
import org.meterline.archive.api.PocInput;
import org.meterline.archive.internal.AcquisitionModuleServiceImpl;
import org.meterline.archive.internal.ArchiveSchema;
import org.meterline.archive.internal.ConsumerServiceImpl;
import org.meterline.archive.internal.MeterModelServiceImpl;
import org.meterline.archive.internal.MeterServiceImpl;
import org.meterline.archive.internal.PocServiceImpl;
import org.meterline.core.api.Caller;
import org.meterline.core.api.FieldError;
import org.meterline.core.api.ForbiddenException;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Role;
import org.meterline.core.api.ValidationException;
import org.meterline.event.api.EventCategory;
import org.meterline.event.api.EventDetail;
import org.meterline.event.api.EventFilter;
import org.meterline.event.api.EventRecord;
import org.meterline.event.api.EventType;
import org.meterline.event.api.Severity;
import org.meterline.grid.api.GridService;
import org.meterline.grid.api.PowerGrid;
import org.meterline.grid.api.Project;
import org.meterline.grid.api.ProjectStatus;
import org.meterline.grid.api.Site;
import org.meterline.readings.api.MeterEvent;
import org.meterline.readings.api.WriteOutcome;
import org.meterline.readings.internal.ReadingStoreImpl;

/**
 * Event recording on the real readings store and the real archive (meters, modules, consumers, POCs)
 * on one embedded Derby database, for two customers; events are written through
 * {@code ReadingStore.writeEvents} as collection writes them. Sites and projects come from a
 * stand-in grid service (the POC checks only read them).
 */
class EventRecordsTest {

    static final ObisCode STANDARD = ObisCode.parse("0.0.99.98.0.255");
    static final ObisCode FRAUD = ObisCode.parse("0.0.99.98.1.255");
    static final ObisCode DISCONNECT = ObisCode.parse("0.0.99.98.2.255");
    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @TempDir
    Path dir;

    private EntityManagerFactory emf;
    private ReadingStoreImpl store;
    private MeterServiceImpl meters;
    private EventRecordsImpl events;
    private final Caller acme = new Caller("ann", 1, 10, 10, EnumSet.of(Role.OPERATOR));
    private final Caller acmeViewer = new Caller("vic", 3, 10, 10, EnumSet.of(Role.VIEWER));
    private final Caller beta = new Caller("bob", 2, 20, 20, EnumSet.of(Role.OPERATOR));
    private Meter sn1;
    private Meter sn2;
    private Meter other;
    private final List<MeterEvent> written = new ArrayList<>();

    @BeforeEach
    void start() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        emf = Persistence.createEntityManagerFactory("meterline.archive", Map.of("javax.persistence.nonJtaDataSource", ds));
        ArchiveSchema schema = new ArchiveSchema(ds, emf);
        GridService grid = grid();
        meters = new MeterServiceImpl(schema);
        MeterModelServiceImpl models = new MeterModelServiceImpl(schema);
        AcquisitionModuleServiceImpl modules = new AcquisitionModuleServiceImpl(schema);
        ConsumerServiceImpl consumers = new ConsumerServiceImpl(schema);
        PocServiceImpl pocs = new PocServiceImpl(schema, grid);
        store = new ReadingStoreImpl(ds, readingsConfig());
        events = new EventRecordsImpl(store, meters, pocs, consumers, grid);

        long model = models.createMeterModel(acme, new MeterModelInput("Iskra", "AM550", null, 3, null)).id();
        long module = modules.createModule(acme, new AcquisitionModuleInput("MOD-1", ModuleType.ETHERNET, null, null,
                "127.0.0.1:4059", null)).id();
        sn1 = meters.createMeter(acme, new MeterInput("SN-1", model, module, null, null, null, null, null, null, null));
        sn2 = meters.createMeter(acme, new MeterInput("SN-2", model, null, null, null, null, null, null, null, null));
        consumers.createConsumer(acme, new ConsumerInput(null, "C1", "Carla Consumer", null, null, null, null, null,
                null, null));
        pocs.createPoc(acme, new PocInput(1L, 2L, null, 7L, "SN-1", "C1", "household", "Flat 1", null, null));
        long betaModel = models.createMeterModel(beta, new MeterModelInput("Iskra", "AM550", null, 3, null)).id();
        other = meters.createMeter(beta, new MeterInput("SN-B", betaModel, null, null, null, null, null, null, null,
                null));

        write(acme, new MeterEvent(sn1.id(), STANDARD, T0, 1, "power off"));
        write(acme, new MeterEvent(sn1.id(), STANDARD, T0.plusSeconds(60), 2, "power on"));
        write(acme, new MeterEvent(sn2.id(), FRAUD, T0.plusSeconds(120), 40, "terminal cover opened"));
        write(acme, new MeterEvent(sn1.id(), DISCONNECT, T0.plusSeconds(180), 59, "relay disconnected"));
        write(acme, new MeterEvent(sn1.id(), DISCONNECT, T0.plusSeconds(240), 60, "relay connected"));
        write(acme, new MeterEvent(sn2.id(), STANDARD, T0.plusSeconds(300), 99, null)); // a code nobody catalogued
        write(acme, new MeterEvent(sn2.id(), STANDARD, T0.minus(Duration.ofDays(30)), 1, "power off")); // long ago
        write(beta, new MeterEvent(other.id(), STANDARD, T0.plusSeconds(30), 1, "power off"));
    }

    private void write(Caller c, MeterEvent e) {
        assertEquals(new WriteOutcome(1, 0), store.writeEvents(c, List.of(e)));
        written.add(e);
    }

    @AfterEach
    void stop() {
        emf.close();
    }

    private static ReadingStoreImpl.Config readingsConfig() {
        return (ReadingStoreImpl.Config) Proxy.newProxyInstance(EventRecordsTest.class.getClassLoader(),
                new Class<?>[] {ReadingStoreImpl.Config.class}, (p, m, a) -> switch (m.getName()) {
                    case "rowsPerCommit" -> 4000;
                    case "annotationType" -> ReadingStoreImpl.Config.class;
                    case "hashCode" -> 0;
                    case "equals" -> p == a[0];
                    default -> "Config";
                });
    }

    /** A customer 10 with site 1 (Europe/Berlin) and its project 2 at rate 7; nothing for others. */
    private static GridService grid() {
        Site site = new Site(1, "Berlin Mitte", "BM", null, null, "Europe/Berlin");
        Project project = new Project(2, 1, "Berlin Mitte", "Block A", null, List.of(7L), null, null, null,
                ProjectStatus.IN_OPERATION, null, null);
        return (GridService) Proxy.newProxyInstance(EventRecordsTest.class.getClassLoader(),
                new Class<?>[] {GridService.class}, (p, m, a) -> {
                    Caller c = (Caller) a[0];
                    long id = (Long) a[1];
                    Object found = switch (m.getName()) {
                        case "getSite" -> id == 1 ? site : null;
                        case "getProject" -> id == 2 ? project : null;
                        case "getPowerGrid" -> (PowerGrid) null;
                        default -> throw new UnsupportedOperationException(m.getName());
                    };
                    if (found == null || c.tenantId() != 10) {
                        throw NotFoundException.of(m.getName().substring(3).toLowerCase(), id);
                    }
                    return found;
                });
    }

    private Page<EventRecord> list(Caller c, EventFilter f) {
        return events.events(c, f, PageRequest.first(100));
    }

    private static EventFilter day() {
        return EventFilter.period(T0.minus(Duration.ofHours(8)), T0.plus(Duration.ofHours(16)));
    }

    private static List<String> names(Page<EventRecord> page) {
        return page.items().stream().map(e -> e.meterSerial() + " " + e.type().name()).collect(Collectors.toList());
    }

    private static String field(ValidationException e) {
        return e.errors().stream().map(FieldError::field).collect(Collectors.joining(","));
    }

    @Test
    void theCatalogueNamesTheDriversCodesAndUnknownOnes() {
        assertEquals(List.of("power-off", "power-on", "clock-set", "terminal-cover-opened", "terminal-cover-closed",
                "relay-disconnected", "relay-connected"), events.types().stream().map(EventType::id).collect(
                        Collectors.toList()));
        EventType cover = events.type(FRAUD, 40);
        assertEquals("Terminal cover opened", cover.name());
        assertEquals(EventCategory.TAMPER, cover.category());
        assertEquals(Severity.ALARM, cover.severity());
        assertEquals(EventCategory.RELAY, events.type(DISCONNECT, 59).category());
        EventType unknown = events.type(STANDARD, 40); // a known code, but in another log
        assertFalse(unknown.known());
        assertEquals("unknown (40)", unknown.name());
        assertEquals(EventCategory.OTHER, unknown.category());
    }

    @Test
    void listsTheCustomersEventsNewestFirstWithTypesAndSerials() {
        Page<EventRecord> page = list(acmeViewer, day());
        assertEquals(6, page.total());
        assertEquals(List.of("SN-2 unknown (99)", "SN-1 Relay connected", "SN-1 Relay disconnected",
                "SN-2 Terminal cover opened", "SN-1 Power on", "SN-1 Power off"), names(page));
        EventRecord first = page.items().get(5);
        assertEquals(sn1.id(), first.meterId());
        assertEquals(STANDARD, first.log());
        assertEquals(T0, first.at());
        assertEquals(1, first.code());
        assertEquals("power-off", first.type().id());

        Page<EventRecord> second = events.events(acme, day(), new PageRequest(2, 2, null, true, ""));
        assertEquals(6, second.total());
        assertEquals(List.of("SN-1 Relay disconnected", "SN-2 Terminal cover opened"), names(second));
        Page<EventRecord> oldestFirst = events.events(acme, day(), new PageRequest(0, 1, "at", true, ""));
        assertEquals(List.of("SN-1 Power off"), names(oldestFirst));
        assertEquals("sort", field(assertThrows(ValidationException.class,
                () -> events.events(acme, day(), new PageRequest(0, 1, "code", true, "")))));
    }

    @Test
    void filtersByTypeCategoryAndMeter() {
        EventFilter d = day();
        assertEquals(List.of("SN-1 Relay disconnected"), names(list(acme, new EventFilter(d.from(), d.to(),
                "relay-disconnected", null, null))));
        assertEquals(List.of("SN-1 Relay connected", "SN-1 Relay disconnected"), names(list(acme,
                new EventFilter(d.from(), d.to(), null, EventCategory.RELAY, null))));
        assertEquals(List.of("SN-1 Power on", "SN-1 Power off"), names(list(acme, new EventFilter(d.from(), d.to(),
                null, EventCategory.POWER, null))));
        assertEquals(List.of("SN-2 Terminal cover opened"), names(list(acme, new EventFilter(d.from(), d.to(), null,
                EventCategory.TAMPER, null))));
        assertEquals(List.of("SN-2 unknown (99)", "SN-2 Terminal cover opened"), names(list(acme,
                new EventFilter(d.from(), d.to(), null, null, " SN-2 "))));
        assertEquals(List.of("SN-1 Power off"), names(list(acme, new EventFilter(d.from(), d.to(), "power-off", null,
                "SN-1"))));
        assertEquals(0, list(acme, new EventFilter(d.from(), d.to(), "power-off", EventCategory.RELAY, null)).total(),
                "a type outside the category");
        assertEquals(2, list(acme, EventFilter.period(T0.minus(Duration.ofDays(40)), T0.plusSeconds(1))).total(),
                "the old event in a longer period");

        assertEquals("meter", field(assertThrows(ValidationException.class, () -> list(acme,
                new EventFilter(d.from(), d.to(), null, null, "SN-404")))));
        assertEquals("type", field(assertThrows(ValidationException.class, () -> list(acme,
                new EventFilter(d.from(), d.to(), "meltdown", null, null)))));
    }

    @Test
    void thePeriodIsRequiredForwardAndAtMost366Days() {
        assertEquals("to", field(assertThrows(ValidationException.class, () -> list(acme,
                EventFilter.period(T0, T0)))));
        assertEquals("to", field(assertThrows(ValidationException.class, () -> list(acme,
                EventFilter.period(T0, T0.minusSeconds(1))))));
        ValidationException tooLong = assertThrows(ValidationException.class, () -> list(acme,
                EventFilter.period(T0, T0.plus(Duration.ofDays(366)).plusMillis(1))));
        assertEquals("the period may span at most 366 days", tooLong.errors().get(0).message());
        assertEquals(6, list(acme, EventFilter.period(T0, T0.plus(Duration.ofDays(366)))).total());
        assertEquals("from", field(assertThrows(ValidationException.class, () -> list(acme,
                EventFilter.period(null, T0)))));
    }

    @Test
    void anotherCustomersEventsAndMetersAreInvisible() {
        assertEquals(List.of("SN-B Power off"), names(list(beta, day())));
        assertEquals("meter", field(assertThrows(ValidationException.class, () -> list(beta,
                new EventFilter(day().from(), day().to(), null, null, "SN-1")))));
        assertThrows(NotFoundException.class, () -> events.event(beta, sn1.id(), STANDARD, T0, 1));
        assertThrows(NotFoundException.class, () -> events.event(acme, other.id(), STANDARD, T0.plusSeconds(30), 1));
        assertTrue(names(list(acme, day())).stream().noneMatch(n -> n.startsWith("SN-B")));
    }

    @Test
    void detailTellsMeterPocConsumerAndTheSitesClock() {
        EventDetail d = events.event(acmeViewer, sn1.id(), DISCONNECT, T0.plusSeconds(180), 59);
        assertEquals("SN-1", d.event().meterSerial());
        assertEquals("Relay disconnected", d.event().type().name());
        assertEquals("Iskra AM550", d.modelName());
        assertEquals("MOD-1", d.moduleSerial());
        assertEquals("Flat 1", d.pocName());
        assertEquals("C1", d.consumerCode());
        assertEquals("Carla Consumer", d.consumerName());
        assertEquals("Berlin Mitte", d.siteName());
        assertEquals("Europe/Berlin", d.timeZone());
        assertEquals(LocalDateTime.parse("2026-11-20T09:03:00"), d.siteTime()); // UTC+1 in November

        EventDetail unbound = events.event(acme, sn2.id(), STANDARD, T0.plusSeconds(300), 99);
        assertEquals("unknown (99)", unbound.event().type().name());
        assertNull(unbound.pocName());
        assertNull(unbound.moduleSerial());
        assertNull(unbound.timeZone());
        assertNull(unbound.siteTime());

        assertThrows(NotFoundException.class, () -> events.event(acme, sn1.id(), DISCONNECT, T0.plusSeconds(181), 59));
        assertThrows(NotFoundException.class, () -> events.event(acme, sn1.id(), STANDARD, T0.plusSeconds(180), 59));
    }

    @Test
    void eventsOfADeletedMeterStayListedByItsId() {
        meters.deleteMeter(acme, sn2.id());
        assertTrue(names(list(acme, day())).contains("#" + sn2.id() + " Terminal cover opened"));
    }

    @Test
    void readingNeedsTheEventPermission() {
        Caller nobody = new Caller("nobody", 9, 10, 10, Set.of());
        assertThrows(ForbiddenException.class, () -> list(nobody, day()));
        assertThrows(ForbiddenException.class, () -> events.event(nobody, sn1.id(), STANDARD, T0, 1));
    }
}
