package org.meterline.archive.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
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
import org.meterline.archive.api.AcquisitionModule;
import org.meterline.archive.api.AcquisitionModuleInput;
import org.meterline.archive.api.Consumer;
import org.meterline.archive.api.ConsumerInput;
import org.meterline.archive.api.ConsumerStatus;
import org.meterline.archive.api.ConsumerType;
import org.meterline.archive.api.MeterModel;
import org.meterline.archive.api.MeterModelInput;
import org.meterline.archive.api.ModuleStatus;
import org.meterline.archive.api.ModuleType;
import org.meterline.archive.api.Protocol;
import org.meterline.archive.api.Wiring;
import org.meterline.core.api.Caller;
import org.meterline.core.api.ConflictException;
import org.meterline.core.api.FieldError;
import org.meterline.core.api.ForbiddenException;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Role;
import org.meterline.core.api.ValidationException;

/** Meter models, acquisition modules and consumers against a real embedded Derby database, for two customers. */
class SimpleArchiveTest {

    @TempDir
    Path dir;

    private EmbeddedDataSource ds;
    private EntityManagerFactory emf;
    private MeterModelServiceImpl models;
    private AcquisitionModuleServiceImpl modules;
    private ConsumerServiceImpl consumers;
    private final Caller acme = caller(10, Role.OPERATOR);
    private final Caller beta = caller(20, Role.OPERATOR);
    private final Caller viewer = caller(10, Role.VIEWER);
    private long nextRow = 1_000_000;

    private static Caller caller(long tenant, Role role) {
        return new Caller("user" + tenant + role, tenant * 100, tenant, tenant, EnumSet.of(role));
    }

    @BeforeEach
    void start() {
        ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        emf = Persistence.createEntityManagerFactory("meterline.archive", Map.of("javax.persistence.nonJtaDataSource", ds));
        ArchiveSchema schema = new ArchiveSchema(ds, emf);
        models = new MeterModelServiceImpl(schema);
        modules = new AcquisitionModuleServiceImpl(schema);
        consumers = new ConsumerServiceImpl(schema);
    }

    @AfterEach
    void stop() {
        emf.close();
    }

    private static Set<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).collect(Collectors.toSet());
    }

    private static MeterModelInput model(String manufacturer, String model) {
        return new MeterModelInput(manufacturer, model, null, null, null);
    }

    private static AcquisitionModuleInput module(String serial) {
        return new AcquisitionModuleInput(serial, ModuleType.GPRS, null, null, null, null);
    }

    private static AcquisitionModuleInput module(String imei, String iccid, String address) {
        return new AcquisitionModuleInput("M-1", ModuleType.LTE, imei, iccid, address, null);
    }

    private static ConsumerInput consumer(String code, String name) {
        return new ConsumerInput(null, code, name, null, null, null, null, null, null, null);
    }

    private static ConsumerInput consumer(ConsumerStatus status, LocalDate active, LocalDate terminated, String email) {
        return new ConsumerInput(null, "C1", "Carla", null, status, active, terminated, null, null, email);
    }

    // ---------------------------------------------------------------- plain JDBC rows that use the objects

    private long meterRow(Caller owner, long modelId, Long moduleId) throws SQLException {
        long id = nextRow++;
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO ML_METER"
                + " (ID, TENANT_ID, SERIAL_NUMBER, MODEL_ID, MODULE_ID, CT_RATIO, PT_RATIO, STATUS)"
                + " VALUES (?, ?, ?, ?, ?, 1, 1, 'WAREHOUSE')")) {
            s.setLong(1, id);
            s.setLong(2, owner.tenantId());
            s.setString(3, "SN-" + id);
            s.setLong(4, modelId);
            s.setObject(5, moduleId, java.sql.Types.BIGINT);
            s.executeUpdate();
        }
        return id;
    }

    private long pocRow(Caller owner, long meterId, long consumerId) throws SQLException {
        long id = nextRow++;
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO ML_POC"
                + " (ID, TENANT_ID, SITE_ID, PROJECT_ID, SERVICE_RATE_ID, METER_ID, CONSUMER_ID, NAME, ACTIVE)"
                + " VALUES (?, ?, 1, 2, 3, ?, ?, 'Flat 1', TRUE)")) {
            s.setLong(1, id);
            s.setLong(2, owner.tenantId());
            s.setLong(3, meterId);
            s.setLong(4, consumerId);
            s.executeUpdate();
        }
        return id;
    }

    private void deleteRow(String table, long id) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM " + table + " WHERE ID = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- meter models

    @Test
    void meterModelCrudWithDefaults() {
        MeterModel m = models.createMeterModel(acme, model(" Landis+Gyr ", " E450 "));
        assertEquals(new MeterModel(m.id(), "Landis+Gyr", "E450", Protocol.DLMS_COSEM, 1, Wiring.DIRECT), m);
        assertEquals(m, models.getMeterModel(acme, m.id()));
        MeterModel changed = models.updateMeterModel(acme, m.id(),
                new MeterModelInput("Landis+Gyr", "E650", Protocol.DLMS_COSEM, 3, Wiring.CT_PT));
        assertEquals(new MeterModel(m.id(), "Landis+Gyr", "E650", Protocol.DLMS_COSEM, 3, Wiring.CT_PT), changed);
        assertEquals(changed, models.getMeterModel(acme, m.id()));
        // saving a model unchanged is not a clash with itself
        models.updateMeterModel(acme, m.id(), new MeterModelInput("Landis+Gyr", "e650", null, 3, Wiring.CT));
        assertEquals("e650", models.getMeterModel(acme, m.id()).model());
        models.deleteMeterModel(acme, m.id());
        assertThrows(NotFoundException.class, () -> models.getMeterModel(acme, m.id()));
        assertThrows(NotFoundException.class, () -> models.deleteMeterModel(acme, m.id()));
    }

    @Test
    void meterModelValidationNamesTheFields() {
        assertEquals(Set.of("manufacturer", "model", "phases"), fields(assertThrows(ValidationException.class,
                () -> models.createMeterModel(acme, new MeterModelInput(" ", null, null, 2, null)))));
        assertEquals(Set.of("manufacturer", "model"), fields(assertThrows(ValidationException.class,
                () -> models.createMeterModel(acme, null))));
        assertEquals(Set.of("manufacturer", "model"), fields(assertThrows(ValidationException.class,
                () -> models.createMeterModel(acme, model("x".repeat(101), "y".repeat(101))))));
        models.createMeterModel(acme, model("x".repeat(100), "y".repeat(100)));
        assertEquals(Set.of("phases"), fields(assertThrows(ValidationException.class,
                () -> models.createMeterModel(acme, new MeterModelInput("A", "B", null, 0, null)))));
        assertEquals(3, models.createMeterModel(acme, new MeterModelInput("A", "B", null, 3, null)).phases());
    }

    @Test
    void duplicateMeterModelIsAConflictOnTheModelField() {
        models.createMeterModel(acme, model("Landis", "E450"));
        ConflictException e = assertThrows(ConflictException.class,
                () -> models.createMeterModel(acme, model(" landis ", "e450")));
        assertEquals("model", e.field());
        MeterModel other = models.createMeterModel(acme, model("Landis", "E360"));
        assertEquals("model", assertThrows(ConflictException.class,
                () -> models.updateMeterModel(acme, other.id(), model("Landis", "E450"))).field());
        // the same model name of another manufacturer is another model
        models.createMeterModel(acme, model("Iskra", "E450"));
        assertEquals(3, models.listMeterModels(acme, PageRequest.first(10)).total());
    }

    @Test
    void meterModelWithMetersCannotBeDeleted() throws SQLException {
        MeterModel m = models.createMeterModel(acme, model("Landis", "E450"));
        long meter = meterRow(acme, m.id(), null);
        ConflictException e = assertThrows(ConflictException.class, () -> models.deleteMeterModel(acme, m.id()));
        assertTrue(e.getMessage().contains("1 meter"), e.getMessage());
        assertEquals(m, models.getMeterModel(acme, m.id()));
        deleteRow("ML_METER", meter);
        models.deleteMeterModel(acme, m.id());
        assertTrue(models.listMeterModels(acme, PageRequest.first(10)).items().isEmpty());
    }

    @Test
    void meterModelsPageSortAndFilter() {
        for (int i = 0; i < 12; i++) {
            models.createMeterModel(acme, new MeterModelInput(i % 2 == 0 ? "Landis" : "Iskra",
                    String.format("M%02d", i), null, i % 3 == 0 ? 3 : 1, i % 4 == 0 ? Wiring.CT : Wiring.DIRECT));
        }
        Page<MeterModel> page = models.listMeterModels(acme, new PageRequest(2, 3, "model", false, ""));
        assertEquals(12, page.total());
        assertEquals(List.of("M09", "M08", "M07"), page.items().stream().map(MeterModel::model).collect(Collectors.toList()));
        Page<MeterModel> iskra = models.listMeterModels(acme, new PageRequest(0, 100, "manufacturer", true, "ISK"));
        assertEquals(6, iskra.total());
        assertTrue(iskra.items().stream().allMatch(m -> m.manufacturer().equals("Iskra")));
        // by default by manufacturer, then in the order they were added
        assertEquals(List.of("M01", "M03", "M05"), models.listMeterModels(acme, PageRequest.first(3)).items().stream()
                .map(MeterModel::model).collect(Collectors.toList()));
        assertEquals(3, models.listMeterModels(acme, new PageRequest(0, 1, "phases", false, "")).items().get(0).phases());
        assertEquals(Wiring.DIRECT, models.listMeterModels(acme, new PageRequest(0, 1, "wiring", false, "")).items()
                .get(0).wiring());
        models.listMeterModels(acme, new PageRequest(0, 1, "protocol", true, ""));
        assertEquals(0, models.listMeterModels(acme, new PageRequest(0, 5, null, true, "5%_")).total());
        assertEquals("sort", assertThrows(ValidationException.class, () -> models.listMeterModels(acme,
                new PageRequest(0, 5, "id; drop", true, ""))).errors().get(0).field());
    }

    // ---------------------------------------------------------------- acquisition modules

    @Test
    void moduleCrudWithDefaults() {
        AcquisitionModule m = modules.createModule(acme, new AcquisitionModuleInput(" Gw-01_a ", ModuleType.NB_IOT,
                " 490154203237518 ", "8931440400012345678", "10.0.0.5:4059", null));
        assertEquals(new AcquisitionModule(m.id(), "Gw-01_a", ModuleType.NB_IOT, "490154203237518",
                "8931440400012345678", "10.0.0.5:4059", ModuleStatus.OFFLINE), m);
        assertEquals(m, modules.getModule(acme, m.id()));
        assertEquals(m, modules.findModule(acme, "Gw-01_a").orElseThrow());
        assertEquals(m, modules.findModule(acme, " gw-01_A ").orElseThrow());
        assertTrue(modules.findModule(acme, "nope").isEmpty());
        assertTrue(modules.findModule(acme, null).isEmpty());
        AcquisitionModule changed = modules.updateModule(acme, m.id(), new AcquisitionModuleInput("GW-01", ModuleType.PLC,
                "", " ", null, ModuleStatus.ONLINE));
        assertEquals(new AcquisitionModule(m.id(), "GW-01", ModuleType.PLC, null, null, null, ModuleStatus.ONLINE),
                changed);
        assertEquals(changed, modules.getModule(acme, m.id()));
        modules.deleteModule(acme, m.id());
        assertThrows(NotFoundException.class, () -> modules.getModule(acme, m.id()));
        assertTrue(modules.findModule(acme, "GW-01").isEmpty());
    }

    @Test
    void moduleValidationNamesTheFields() {
        assertEquals(Set.of("serialNumber", "type"), fields(assertThrows(ValidationException.class,
                () -> modules.createModule(acme, new AcquisitionModuleInput("  ", null, null, null, null, null)))));
        assertEquals(Set.of("serialNumber", "type"), fields(assertThrows(ValidationException.class,
                () -> modules.createModule(acme, null))));
        for (String bad : List.of("GW 01", "GW/01", "GW.01", "Ü1", "x".repeat(65))) {
            assertEquals(Set.of("serialNumber"), fields(assertThrows(ValidationException.class,
                    () -> modules.createModule(acme, module(bad)))), bad);
        }
        assertEquals("x".repeat(64), modules.createModule(acme, module("x".repeat(64))).serialNumber());

        for (String bad : List.of("12345678901234", "1234567890123456", "12345678901234a", "123 456789012345")) {
            assertEquals(Set.of("imei"), fields(assertThrows(ValidationException.class,
                    () -> modules.createModule(acme, module(bad, null, null)))), bad);
        }
        for (String bad : List.of("123456789012345678", "123456789012345678901", "893144040001234567X")) {
            assertEquals(Set.of("iccid"), fields(assertThrows(ValidationException.class,
                    () -> modules.createModule(acme, module(null, bad, null)))), bad);
        }
        for (String bad : List.of("10.0.0.5", "10.0.0.5:0", "10.0.0.5:65536", ":4059", "host:", "host:port",
                "a b:80", "host:123456", "::1:80")) {
            assertEquals(Set.of("address"), fields(assertThrows(ValidationException.class,
                    () -> modules.createModule(acme, module(null, null, bad)))), bad);
        }
        assertEquals(Set.of("imei", "iccid", "address"), fields(assertThrows(ValidationException.class,
                () -> modules.createModule(acme, module("1", "2", "3")))));

        AcquisitionModule ok = modules.createModule(acme, module("123456789012345", "12345678901234567890",
                "meters.example.com:65535"));
        assertEquals("12345678901234567890", ok.iccid());
        modules.updateModule(acme, ok.id(), module(null, "1234567890123456789", "[fe80::1]:1"));
        assertEquals("[fe80::1]:1", modules.getModule(acme, ok.id()).address());
        assertEquals("1234567890123456789", modules.getModule(acme, ok.id()).iccid());
    }

    @Test
    void duplicateModuleSerialIsAConflictOnTheSerialField() {
        modules.createModule(acme, module("GW-01"));
        assertEquals("serialNumber", assertThrows(ConflictException.class,
                () -> modules.createModule(acme, module(" gw-01 "))).field());
        AcquisitionModule other = modules.createModule(acme, module("GW-02"));
        assertEquals("serialNumber", assertThrows(ConflictException.class,
                () -> modules.updateModule(acme, other.id(), module("GW-01"))).field());
        modules.updateModule(acme, other.id(), module("GW-02"));
    }

    @Test
    void moduleWithMetersCannotBeDeleted() throws SQLException {
        MeterModel model = models.createMeterModel(acme, model("Landis", "E450"));
        AcquisitionModule m = modules.createModule(acme, module("GW-01"));
        long first = meterRow(acme, model.id(), m.id());
        long second = meterRow(acme, model.id(), m.id());
        ConflictException e = assertThrows(ConflictException.class, () -> modules.deleteModule(acme, m.id()));
        assertTrue(e.getMessage().contains("2 meter"), e.getMessage());
        deleteRow("ML_METER", first);
        deleteRow("ML_METER", second);
        modules.deleteModule(acme, m.id());
        assertTrue(modules.findModule(acme, "GW-01").isEmpty());
    }

    @Test
    void modulesPageSortAndFilter() {
        ModuleType[] types = ModuleType.values();
        for (int i = 0; i < 12; i++) {
            modules.createModule(acme, new AcquisitionModuleInput(String.format("GW-%02d", i), types[i % types.length],
                    null, null, "10.0.0." + i + ":4059", i < 4 ? ModuleStatus.ONLINE : null));
        }
        Page<AcquisitionModule> page = modules.listModules(acme, new PageRequest(0, 4, "serialNumber", false, ""));
        assertEquals(12, page.total());
        assertEquals(List.of("GW-11", "GW-10", "GW-09", "GW-08"),
                page.items().stream().map(AcquisitionModule::serialNumber).collect(Collectors.toList()));
        assertEquals(List.of("GW-00", "GW-01", "GW-02"), modules.listModules(acme, PageRequest.first(3)).items().stream()
                .map(AcquisitionModule::serialNumber).collect(Collectors.toList()));
        assertEquals(ModuleType.ETHERNET, modules.listModules(acme, new PageRequest(0, 1, "type", true, ""))
                .items().get(0).type());
        assertEquals(ModuleStatus.OFFLINE, modules.listModules(acme, new PageRequest(0, 1, "status", true, ""))
                .items().get(0).status());
        assertEquals("10.0.0.9:4059", modules.listModules(acme, new PageRequest(0, 1, "address", false, ""))
                .items().get(0).address());
        assertEquals(3, modules.listModules(acme, new PageRequest(0, 10, null, true, "10.0.0.1")).total()); // 1, 10, 11
        assertEquals(1, modules.listModules(acme, new PageRequest(0, 10, null, true, "gw-05")).total());
        assertEquals(0, modules.listModules(acme, new PageRequest(0, 10, null, true, "GW_0")).total());
        assertThrows(ValidationException.class, () -> modules.listModules(acme, new PageRequest(0, 5, "imei", true, "")));
    }

    // ---------------------------------------------------------------- consumers

    @Test
    void consumerCrudWithDefaults() {
        Consumer c = consumers.createConsumer(acme, new ConsumerInput(" Acme Housing ", " c-001 ", " Carla Diaz ",
                null, null, LocalDate.of(2026, 1, 1), null, " Carla ", " +49 30 1234 ", " carla@example.com "));
        assertEquals(new Consumer(c.id(), "Acme Housing", "C-001", "Carla Diaz", ConsumerType.RESIDENTIAL,
                ConsumerStatus.ACTIVE, LocalDate.of(2026, 1, 1), null, "Carla", "+49 30 1234", "carla@example.com"), c);
        assertEquals(c, consumers.getConsumer(acme, c.id()));
        assertEquals(c, consumers.findConsumer(acme, "c-001").orElseThrow());
        assertEquals(c, consumers.findConsumer(acme, " C-001 ").orElseThrow());
        assertTrue(consumers.findConsumer(acme, "C-002").isEmpty());
        assertTrue(consumers.findConsumer(acme, null).isEmpty());
        Consumer terminated = consumers.updateConsumer(acme, c.id(), new ConsumerInput("", "C-001", "Carla Diaz",
                ConsumerType.COMMERCIAL, ConsumerStatus.TERMINATED, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30),
                "", "", ""));
        assertEquals(new Consumer(c.id(), null, "C-001", "Carla Diaz", ConsumerType.COMMERCIAL,
                ConsumerStatus.TERMINATED, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), null, null, null),
                terminated);
        assertEquals(terminated, consumers.getConsumer(acme, c.id()));
        consumers.deleteConsumer(acme, c.id());
        assertThrows(NotFoundException.class, () -> consumers.getConsumer(acme, c.id()));
        assertTrue(consumers.findConsumer(acme, "C-001").isEmpty());
    }

    @Test
    void consumerValidationNamesTheFields() {
        assertEquals(Set.of("code", "name"), fields(assertThrows(ValidationException.class,
                () -> consumers.createConsumer(acme, consumer(" ", null)))));
        assertEquals(Set.of("code", "name"), fields(assertThrows(ValidationException.class,
                () -> consumers.createConsumer(acme, null))));
        assertEquals(Set.of("code"), fields(assertThrows(ValidationException.class,
                () -> consumers.createConsumer(acme, consumer("C 1", "Carla")))));
        assertEquals(Set.of("code", "name"), fields(assertThrows(ValidationException.class,
                () -> consumers.createConsumer(acme, consumer("C".repeat(33), "n".repeat(101))))));
        assertEquals(Set.of("organization", "contact", "phone", "email"), fields(assertThrows(ValidationException.class,
                () -> consumers.createConsumer(acme, new ConsumerInput("o".repeat(101), "C1", "Carla", null, null, null,
                        null, "c".repeat(101), "1".repeat(41), "e".repeat(250) + "@x.io")))));

        // a terminated consumer needs the date it was terminated on, not before it became active
        assertEquals(Set.of("terminatedOn"), fields(assertThrows(ValidationException.class,
                () -> consumers.createConsumer(acme, consumer(ConsumerStatus.TERMINATED, LocalDate.of(2026, 1, 1), null,
                        null)))));
        assertEquals(Set.of("terminatedOn"), fields(assertThrows(ValidationException.class,
                () -> consumers.createConsumer(acme, consumer(ConsumerStatus.TERMINATED, LocalDate.of(2026, 2, 1),
                        LocalDate.of(2026, 1, 31), null)))));
        assertEquals(Set.of("terminatedOn"), fields(assertThrows(ValidationException.class,
                () -> consumers.createConsumer(acme, consumer(ConsumerStatus.ACTIVE, LocalDate.of(2026, 2, 1),
                        LocalDate.of(2026, 1, 31), null)))));

        for (String bad : List.of("carla", "carla@", "@example.com", "carla@example", "carla @example.com",
                "carla@@example.com", "carla@example.")) {
            assertEquals(Set.of("email"), fields(assertThrows(ValidationException.class,
                    () -> consumers.createConsumer(acme, consumer(null, null, null, bad)))), bad);
        }
        assertEquals(0, consumers.listConsumers(acme, PageRequest.first(10)).total());

        // the same day, or no active date, is fine
        Consumer sameDay = consumers.createConsumer(acme, consumer(ConsumerStatus.TERMINATED, LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 2, 1), "carla.diaz+bills@mail.example.co.uk"));
        assertEquals("carla.diaz+bills@mail.example.co.uk", sameDay.email());
        consumers.updateConsumer(acme, sameDay.id(), consumer(ConsumerStatus.TERMINATED, null, LocalDate.of(2025, 1, 1),
                null));
        assertEquals(LocalDate.of(2025, 1, 1), consumers.getConsumer(acme, sameDay.id()).terminatedOn());
        assertNull(consumers.getConsumer(acme, sameDay.id()).email());
    }

    @Test
    void duplicateConsumerCodeIsAConflictOnTheCodeField() {
        consumers.createConsumer(acme, consumer("C1", "Carla"));
        assertEquals("code", assertThrows(ConflictException.class,
                () -> consumers.createConsumer(acme, consumer(" c1 ", "Other"))).field());
        Consumer other = consumers.createConsumer(acme, consumer("C2", "Dan"));
        assertEquals("code", assertThrows(ConflictException.class,
                () -> consumers.updateConsumer(acme, other.id(), consumer("c1", "Dan"))).field());
        assertEquals("C2", consumers.updateConsumer(acme, other.id(), consumer("c2", "Dan D.")).code());
    }

    @Test
    void consumerNamedByAPocCannotBeDeleted() throws SQLException {
        MeterModel model = models.createMeterModel(acme, model("Landis", "E450"));
        Consumer c = consumers.createConsumer(acme, consumer("C1", "Carla"));
        long meter = meterRow(acme, model.id(), null);
        long poc = pocRow(acme, meter, c.id());
        ConflictException e = assertThrows(ConflictException.class, () -> consumers.deleteConsumer(acme, c.id()));
        assertTrue(e.getMessage().contains("1 POC"), e.getMessage());
        assertEquals(c, consumers.getConsumer(acme, c.id()));
        deleteRow("ML_POC", poc);
        consumers.deleteConsumer(acme, c.id());
        assertTrue(consumers.findConsumer(acme, "C1").isEmpty());
    }

    @Test
    void consumersPageSortAndFilter() {
        ConsumerType[] types = ConsumerType.values();
        for (int i = 0; i < 25; i++) {
            consumers.createConsumer(acme, new ConsumerInput(i < 5 ? "North Estate" : null, String.format("C%02d", i),
                    "Name " + (24 - i), types[i % types.length], i % 5 == 0 ? ConsumerStatus.TERMINATED : null,
                    LocalDate.of(2026, 1, 1).plusDays(i), i % 5 == 0 ? LocalDate.of(2026, 12, 31) : null, null, null,
                    null));
        }
        Page<Consumer> page = consumers.listConsumers(acme, new PageRequest(10, 5, "code", false, ""));
        assertEquals(25, page.total());
        assertEquals(List.of("C14", "C13", "C12", "C11", "C10"),
                page.items().stream().map(Consumer::code).collect(Collectors.toList()));
        assertEquals(List.of("C00", "C01"), consumers.listConsumers(acme, PageRequest.first(2)).items().stream()
                .map(Consumer::code).collect(Collectors.toList()));
        Page<Consumer> filtered = consumers.listConsumers(acme, new PageRequest(0, 5, "name", true, "name 1"));
        assertEquals(11, filtered.total()); // Name 1, Name 10..19
        assertEquals("Name 1", filtered.items().get(0).name());
        assertEquals(5, consumers.listConsumers(acme, new PageRequest(0, 50, "organization", true, "north")).total());
        assertEquals("C24", consumers.listConsumers(acme, new PageRequest(0, 1, "activeDate", false, ""))
                .items().get(0).code());
        assertEquals(ConsumerStatus.ACTIVE, consumers.listConsumers(acme, new PageRequest(0, 1, "status", true, ""))
                .items().get(0).status());
        assertEquals(ConsumerType.COMMERCIAL, consumers.listConsumers(acme, new PageRequest(0, 1, "type", true, ""))
                .items().get(0).type());
        assertEquals("North Estate", consumers.listConsumers(acme, new PageRequest(0, 1, "organization", true, ""))
                .items().get(0).organization());
        assertEquals(0, consumers.listConsumers(acme, new PageRequest(0, 5, null, true, "50%_")).total());
        assertThrows(ValidationException.class,
                () -> consumers.listConsumers(acme, new PageRequest(0, 5, "email", true, "")));
    }

    // ---------------------------------------------------------------- customers and roles

    @Test
    void customersCannotSeeOrTouchEachOthersData() throws SQLException {
        MeterModel model = models.createMeterModel(acme, model("Landis", "E450"));
        AcquisitionModule module = modules.createModule(acme, module("GW-01"));
        Consumer consumer = consumers.createConsumer(acme, consumer("C1", "Carla"));

        assertEquals(0, models.listMeterModels(beta, PageRequest.first(10)).total());
        assertEquals(0, modules.listModules(beta, PageRequest.first(10)).total());
        assertEquals(0, consumers.listConsumers(beta, PageRequest.first(10)).total());
        assertTrue(models.listMeterModels(beta, PageRequest.first(10)).items().isEmpty());
        assertThrows(NotFoundException.class, () -> models.getMeterModel(beta, model.id()));
        assertThrows(NotFoundException.class, () -> modules.getModule(beta, module.id()));
        assertThrows(NotFoundException.class, () -> consumers.getConsumer(beta, consumer.id()));
        assertTrue(modules.findModule(beta, "GW-01").isEmpty());
        assertTrue(consumers.findConsumer(beta, "C1").isEmpty());
        assertThrows(NotFoundException.class, () -> models.updateMeterModel(beta, model.id(), model("Hack", "X")));
        assertThrows(NotFoundException.class, () -> modules.updateModule(beta, module.id(), module("HACK")));
        assertThrows(NotFoundException.class, () -> consumers.updateConsumer(beta, consumer.id(), consumer("HACK", "x")));
        assertThrows(NotFoundException.class, () -> models.deleteMeterModel(beta, model.id()));
        assertThrows(NotFoundException.class, () -> modules.deleteModule(beta, module.id()));
        assertThrows(NotFoundException.class, () -> consumers.deleteConsumer(beta, consumer.id()));

        // the same names are free for beta, and beta's changes leave acme's objects alone
        MeterModel betaModel = models.createMeterModel(beta, model("Landis", "E450"));
        AcquisitionModule betaModule = modules.createModule(beta, module("GW-01"));
        Consumer betaConsumer = consumers.createConsumer(beta, consumer("C1", "Bea"));
        assertEquals(betaModule, modules.findModule(beta, "gw-01").orElseThrow());
        assertEquals(betaConsumer, consumers.findConsumer(beta, "c1").orElseThrow());
        assertEquals(model, models.getMeterModel(acme, model.id()));
        assertEquals(module, modules.getModule(acme, module.id()));
        assertEquals(consumer, consumers.getConsumer(acme, consumer.id()));

        // acme's meters and POCs do not hold beta's objects back
        long meter = meterRow(acme, model.id(), module.id());
        pocRow(acme, meter, consumer.id());
        models.deleteMeterModel(beta, betaModel.id());
        modules.deleteModule(beta, betaModule.id());
        consumers.deleteConsumer(beta, betaConsumer.id());
        assertEquals(1, models.listMeterModels(acme, PageRequest.first(10)).total());
        assertEquals(1, modules.listModules(acme, PageRequest.first(10)).total());
        assertEquals(1, consumers.listConsumers(acme, PageRequest.first(10)).total());
    }

    @Test
    void viewerReadsButCannotWrite() {
        MeterModel model = models.createMeterModel(acme, model("Landis", "E450"));
        AcquisitionModule module = modules.createModule(acme, module("GW-01"));
        Consumer consumer = consumers.createConsumer(acme, consumer("C1", "Carla"));

        assertEquals(1, models.listMeterModels(viewer, PageRequest.first(10)).total());
        assertEquals(module, modules.findModule(viewer, "GW-01").orElseThrow());
        assertEquals(consumer, consumers.getConsumer(viewer, consumer.id()));

        assertThrows(ForbiddenException.class, () -> models.createMeterModel(viewer, model("Iskra", "AM550")));
        assertThrows(ForbiddenException.class, () -> models.updateMeterModel(viewer, model.id(), model("Iskra", "X")));
        assertThrows(ForbiddenException.class, () -> models.deleteMeterModel(viewer, model.id()));
        assertThrows(ForbiddenException.class, () -> modules.createModule(viewer, module("GW-02")));
        assertThrows(ForbiddenException.class, () -> modules.updateModule(viewer, module.id(), module("GW-03")));
        assertThrows(ForbiddenException.class, () -> modules.deleteModule(viewer, module.id()));
        assertThrows(ForbiddenException.class, () -> consumers.createConsumer(viewer, consumer("C2", "Dan")));
        assertThrows(ForbiddenException.class, () -> consumers.updateConsumer(viewer, consumer.id(), consumer("C1", "x")));
        assertThrows(ForbiddenException.class, () -> consumers.deleteConsumer(viewer, consumer.id()));
        assertEquals(model, models.getMeterModel(acme, model.id()));
        assertEquals(1, modules.listModules(acme, PageRequest.first(10)).total());
        assertEquals("Carla", consumers.getConsumer(acme, consumer.id()).name());
    }

    @Test
    void dataSurvivesARestart() {
        MeterModel model = models.createMeterModel(acme, model("Landis", "E450"));
        AcquisitionModule module = modules.createModule(acme, module("GW-01"));
        Consumer consumer = consumers.createConsumer(acme, consumer("C1", "Carla"));
        emf.close();
        start();
        assertEquals(model, models.getMeterModel(acme, model.id()));
        assertEquals(module, modules.getModule(acme, module.id()));
        assertEquals(consumer, consumers.getConsumer(acme, consumer.id()));
        assertTrue(models.createMeterModel(acme, model("Landis", "E360")).id() != model.id());
        assertTrue(modules.createModule(acme, module("GW-02")).id() != module.id());
        assertTrue(consumers.createConsumer(acme, consumer("C2", "Dan")).id() != consumer.id());
    }
}
