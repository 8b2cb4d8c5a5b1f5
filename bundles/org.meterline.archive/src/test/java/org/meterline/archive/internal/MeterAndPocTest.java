package org.meterline.archive.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
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
import org.meterline.archive.api.ConsumerInput;
import org.meterline.archive.api.ConsumerStatus;
import org.meterline.archive.api.Meter;
import org.meterline.archive.api.MeterInput;
import org.meterline.archive.api.MeterModelInput;
import org.meterline.archive.api.MeterStatus;
import org.meterline.archive.api.MeterStatusChange;
import org.meterline.archive.api.Poc;
import org.meterline.archive.api.PocInput;
import org.meterline.core.api.Caller;
import org.meterline.core.api.ConflictException;
import org.meterline.core.api.FieldError;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Role;
import org.meterline.core.api.ValidationException;
import org.meterline.grid.api.GridObject;

/** Meters, their lifecycle and POCs against a real embedded Derby database, for two customers. */
class MeterAndPocTest {

    @TempDir
    Path dir;

    private EntityManagerFactory emf;
    private MeterServiceImpl meters;
    private PocServiceImpl pocs;
    private MeterModelServiceImpl models;
    private ConsumerServiceImpl consumers;
    private PocReferences references;
    private final FakeGrid grid = new FakeGrid();
    private final Caller acme = new Caller("ann", 1, 10, 10, EnumSet.of(Role.OPERATOR));
    private final Caller beta = new Caller("bob", 2, 20, 20, EnumSet.of(Role.OPERATOR));
    private long model;
    private ArchiveSchema schema;

    @BeforeEach
    void start() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        emf = Persistence.createEntityManagerFactory("meterline.archive", Map.of("javax.persistence.nonJtaDataSource", ds));
        schema = new ArchiveSchema(ds, emf);
        meters = new MeterServiceImpl(schema);
        pocs = new PocServiceImpl(schema, grid);
        models = new MeterModelServiceImpl(schema);
        consumers = new ConsumerServiceImpl(schema);
        references = new PocReferences(schema);
        model = models.createMeterModel(acme, new MeterModelInput("Landis", "E450", null, 3, null)).id();
        grid.site(10, 1);
        grid.project(10, 2, 1, List.of(7L, 8L));
        grid.project(10, 3, 99, List.of(7L));
        grid.grid(10, 4);
        consumers.createConsumer(acme, new ConsumerInput(null, "C1", "Carla", null, null, null, null, null, null, null));
    }

    @AfterEach
    void stop() {
        emf.close();
    }

    private Meter meter(Caller c, String serial) {
        return meters.createMeter(c, new MeterInput(serial, model, null, null, null, null, null, null, null, null));
    }

    private PocInput poc(String meterSerial, long project, long rate) {
        return new PocInput(1L, project, 4L, rate, meterSerial, "c1", "household", "Flat 1", 52.5, 13.4);
    }

    @Test
    void newMeterIsInTheWarehouseWithDefaultsAndHistory() {
        Meter m = meter(acme, "SN-1");
        assertEquals(MeterStatus.WAREHOUSE, m.status());
        assertEquals(BigDecimal.ONE, m.ctRatio());
        assertEquals("Landis E450", m.modelName());
        List<MeterStatusChange> history = meters.statusHistory(acme, m.id());
        assertEquals(1, history.size());
        assertEquals(MeterStatus.WAREHOUSE, history.get(0).to());
        assertEquals("ann", history.get(0).by());
    }

    @Test
    void badMeterInputNamesTheFields() {
        ValidationException e = assertThrows(ValidationException.class, () -> meters.createMeter(acme,
                new MeterInput("bad serial!", null, null, BigDecimal.ZERO, new BigDecimal("1.23456"), null, null, null,
                        LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 1))));
        assertEquals(Set.of("serialNumber", "modelId", "ctRatio", "ptRatio", "validUntil"),
                e.errors().stream().map(FieldError::field).collect(Collectors.toSet()));
        meter(acme, "SN-1");
        assertEquals("serialNumber", assertThrows(ConflictException.class, () -> meter(acme, "SN-1")).field());
        assertEquals("modelId", assertThrows(ValidationException.class, () -> meters.createMeter(acme,
                new MeterInput("SN-2", 12345L, null, null, null, null, null, null, null, null))).errors().get(0).field());
    }

    @Test
    void lifecycleAllowsOnlyItsMoves() {
        Meter m = meter(acme, "SN-1");
        ValidationException e = assertThrows(ValidationException.class,
                () -> meters.changeStatus(acme, m.id(), MeterStatus.FAULTY, null));
        assertEquals("a warehouse meter cannot become faulty; it can become assigned or installed", e.errors().get(0).message());
        meters.changeStatus(acme, m.id(), MeterStatus.ASSIGNED, "to installer Ivan");
        meters.changeStatus(acme, m.id(), MeterStatus.WAREHOUSE, "returned");
        assertEquals(List.of(MeterStatus.WAREHOUSE, MeterStatus.ASSIGNED, MeterStatus.WAREHOUSE),
                meters.statusHistory(acme, m.id()).stream().map(MeterStatusChange::to).collect(Collectors.toList()));
        assertEquals("to installer Ivan", meters.statusHistory(acme, m.id()).get(1).reason());
    }

    @Test
    void bindingAMeterInstallsItOnce() {
        Meter m = meter(acme, "SN-1");
        Poc p = pocs.createPoc(acme, poc("SN-1", 2, 7));
        assertTrue(p.active());
        assertEquals("C1", p.consumerCode());
        assertEquals(MeterStatus.INSTALLED, meters.getMeter(acme, m.id()).status());

        ConflictException again = assertThrows(ConflictException.class, () -> pocs.createPoc(acme, poc("SN-1", 2, 8)));
        assertEquals("meterSerial", again.field());
        assertEquals("Meter SN-1 already belongs to POC Flat 1.", again.getMessage());
        assertThrows(ConflictException.class, () -> meters.changeStatus(acme, m.id(), MeterStatus.FAULTY, null));
        assertThrows(ConflictException.class, () -> meters.deleteMeter(acme, m.id()));

        pocs.deletePoc(acme, p.id());
        assertFalse(pocs.getPoc(acme, p.id()).active());
        assertEquals(MeterStatus.DISMANTLED, meters.getMeter(acme, m.id()).status());
        // a dismantled meter must be refurbished (back to the warehouse) before it is bound again
        assertThrows(ValidationException.class, () -> pocs.createPoc(acme, poc("SN-1", 2, 7)));
        meters.changeStatus(acme, m.id(), MeterStatus.WAREHOUSE, "refurbished");
        assertTrue(pocs.createPoc(acme, poc("SN-1", 2, 7)).active());
    }

    @Test
    void pocRulesNameTheField() {
        meter(acme, "SN-1");
        assertEquals("serviceRateId", field(() -> pocs.createPoc(acme, poc("SN-1", 2, 9))));
        assertEquals("projectId", field(() -> pocs.createPoc(acme, poc("SN-1", 3, 7))));
        assertEquals("projectId", field(() -> pocs.createPoc(acme, poc("SN-1", 55, 7))));
        assertEquals("meterSerial", field(() -> pocs.createPoc(acme, poc("NOPE", 2, 7))));
        assertEquals("consumerCode", field(() -> pocs.createPoc(acme,
                new PocInput(1L, 2L, null, 7L, "SN-1", "X9", null, "Flat", null, null))));
        assertEquals("longitude", field(() -> pocs.createPoc(acme,
                new PocInput(1L, 2L, null, 7L, "SN-1", "C1", null, "Flat", 10.0, null))));
        consumers.updateConsumer(acme, consumers.findConsumer(acme, "C1").orElseThrow().id(), new ConsumerInput(null,
                "C1", "Carla", null, ConsumerStatus.TERMINATED, null, LocalDate.of(2026, 1, 1), null, null, null));
        assertEquals("consumerCode", field(() -> pocs.createPoc(acme, poc("SN-1", 2, 7))));
        assertEquals(MeterStatus.WAREHOUSE, meters.findMeter(acme, "SN-1").orElseThrow().status(), "nothing half-done");
    }

    private static String field(Runnable action) {
        ValidationException e = assertThrows(ValidationException.class, action::run);
        return e.errors().get(0).field();
    }

    @Test
    void customersNeverSeeEachOthersMetersOrPocs() {
        Meter m = meter(acme, "SN-1");
        Poc p = pocs.createPoc(acme, poc("SN-1", 2, 7));
        assertEquals(0, meters.listMeters(beta, PageRequest.first(10), null).total());
        assertThrows(NotFoundException.class, () -> meters.getMeter(beta, m.id()));
        assertThrows(NotFoundException.class, () -> meters.changeStatus(beta, m.id(), MeterStatus.FAULTY, null));
        assertThrows(NotFoundException.class, () -> pocs.getPoc(beta, p.id()));
        assertThrows(NotFoundException.class, () -> pocs.deletePoc(beta, p.id()));
        assertEquals(0, pocs.listPocs(beta, PageRequest.first(10)).total());
        // beta cannot use acme's site, bind acme's meter, nor use acme's model
        assertEquals("siteId", field(() -> pocs.createPoc(beta, poc("SN-1", 2, 7))));
        grid.site(20, 1);
        grid.project(20, 2, 1, List.of(7L));
        grid.grid(20, 4);
        assertEquals("meterSerial", field(() -> pocs.createPoc(beta, poc("SN-1", 2, 7)) ));
        assertEquals("modelId", field(() -> meter(beta, "SN-9")));
        // the same serial is free for beta
        long betaModel = models.createMeterModel(beta, new MeterModelInput("Landis", "E450", null, 1, null)).id();
        meters.createMeter(beta, new MeterInput("SN-1", betaModel, null, null, null, null, null, null, null, null));
        assertEquals(1, meters.listMeters(beta, PageRequest.first(10), null).total());
        assertTrue(pocs.getPoc(acme, p.id()).active());
    }

    @Test
    void listFiltersByStatusAndSerial() {
        for (int i = 0; i < 12; i++) {
            meter(acme, String.format("SN-%02d", i));
        }
        meters.changeStatus(acme, meters.findMeter(acme, "SN-03").orElseThrow().id(), MeterStatus.ASSIGNED, null);
        assertEquals(1, meters.listMeters(acme, PageRequest.first(10), MeterStatus.ASSIGNED).total());
        assertEquals(11, meters.listMeters(acme, PageRequest.first(10), MeterStatus.WAREHOUSE).total());
        assertEquals(List.of("SN-11", "SN-10"), meters.listMeters(acme, new PageRequest(0, 2, "serialNumber", false, "sn-1"),
                null).items().stream().map(Meter::serialNumber).collect(Collectors.toList()));
        // the filter is a serial-number prefix (index-friendly at a million meters), not a substring
        assertEquals(0, meters.listMeters(acme, new PageRequest(0, 2, null, true, "-1"), null).total());
        assertEquals(0, meters.listMeters(acme, new PageRequest(0, 2, null, true, "SN_"), null).total());
        assertEquals("SN-X1", meter(acme, " sn-x1 ").serialNumber());

        // past the count cap the total says "more", and a narrower filter counts exactly
        MeterServiceImpl capped = new MeterServiceImpl(schema, 5);
        var all = capped.listMeters(acme, new PageRequest(0, 3, null, true, ""), null);
        assertEquals(6, all.total());
        assertFalse(all.totalExact());
        var narrow = capped.listMeters(acme, new PageRequest(0, 3, null, true, "SN-1"), null);
        assertEquals(2, narrow.total());
        assertTrue(narrow.totalExact());
        assertEquals(10, capped.listMeters(acme, new PageRequest(8, 2, null, true, ""), null).total());
        assertEquals("SN-X1", meters.findMeter(acme, "Sn-X1").orElseThrow().serialNumber());
    }

    @Test
    void referencesCountPocsForGridAndTariff() {
        meter(acme, "SN-1");
        pocs.createPoc(acme, poc("SN-1", 2, 7));
        assertEquals(1, references.countReferences(acme, GridObject.PROJECT, 2));
        assertEquals(1, references.countReferences(acme, GridObject.SITE, 1));
        assertEquals(1, references.countReferences(acme, GridObject.POWER_GRID, 4));
        assertEquals(1, references.countReferences(acme, 7));
        assertEquals(0, references.countReferences(acme, 8));
        assertEquals(0, references.countReferences(beta, GridObject.PROJECT, 2));
    }
}
