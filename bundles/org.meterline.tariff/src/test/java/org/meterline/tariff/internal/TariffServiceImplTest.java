package org.meterline.tariff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.core.api.Caller;
import org.meterline.core.api.ConflictException;
import org.meterline.core.api.FieldError;
import org.meterline.core.api.ForbiddenException;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Role;
import org.meterline.core.api.ValidationException;
import org.meterline.tariff.api.ServiceRate;
import org.meterline.tariff.api.ServiceRateInput;
import org.meterline.tariff.api.ServiceRateReferences;
import org.meterline.tariff.api.ServiceType;
import org.meterline.tariff.api.ServiceTypeInput;

/** Service types and rates against a real embedded Derby database, for two customers. */
class TariffServiceImplTest {

    @TempDir
    Path dir;

    private EmbeddedDataSource ds;
    private EntityManagerFactory emf;
    private TariffServiceImpl tariff;
    private final Caller acme = caller(10, Role.OPERATOR);
    private final Caller beta = caller(20, Role.OPERATOR);

    private static Caller caller(long tenant, Role role) {
        return new Caller("user" + tenant + role, tenant * 100, tenant, tenant, EnumSet.of(role));
    }

    @BeforeEach
    void start() {
        ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        tariff = newService();
    }

    private TariffServiceImpl newService() {
        if (emf != null) {
            emf.close();
        }
        emf = Persistence.createEntityManagerFactory("meterline.tariff", Map.of("javax.persistence.nonJtaDataSource", ds));
        return new TariffServiceImpl(ds, emf);
    }

    @AfterEach
    void stop() {
        emf.close();
    }

    private ServiceType type(Caller c, String code) {
        return tariff.createServiceType(c, new ServiceTypeInput(code, code + " name"));
    }

    private ServiceRate rate(Caller c, ServiceType t, String code, String value) {
        return tariff.createServiceRate(c, new ServiceRateInput(t.id(), code, code + " name", new BigDecimal(value),
                null, null, LocalDate.of(2026, 1, 1), null));
    }

    @Test
    void serviceTypeCrud() {
        ServiceType elec = tariff.createServiceType(acme, new ServiceTypeInput(" elec ", " Electricity "));
        assertEquals(new ServiceType(elec.id(), "ELEC", "Electricity"), tariff.getServiceType(acme, elec.id()));
        tariff.updateServiceType(acme, elec.id(), new ServiceTypeInput("ELEC", "Power"));
        assertEquals("Power", tariff.findServiceType(acme, "elec").orElseThrow().name());
        tariff.deleteServiceType(acme, elec.id());
        assertThrows(NotFoundException.class, () -> tariff.getServiceType(acme, elec.id()));
    }

    @Test
    void duplicateCodeIsAConflictOnTheCodeField() {
        type(acme, "ELEC");
        ConflictException e = assertThrows(ConflictException.class, () -> type(acme, "elec"));
        assertEquals("code", e.field());
        ServiceType water = type(acme, "WATER");
        assertThrows(ConflictException.class,
                () -> tariff.updateServiceType(acme, water.id(), new ServiceTypeInput("ELEC", "x")));
    }

    @Test
    void rateDefaultsAndValues() {
        ServiceRate r = rate(acme, type(acme, "ELEC"), "res", "0.2450");
        assertEquals("RES", r.code());
        assertEquals(new BigDecimal("0.245"), r.value());
        assertEquals("EUR", r.currency());
        assertEquals("kWh", r.unit());
        assertEquals("ELEC", r.serviceTypeCode());
        assertEquals(r, tariff.getServiceRate(acme, r.id()));
    }

    @Test
    void badRateInputNamesTheFields() {
        ServiceType t = type(acme, "ELEC");
        ValidationException e = assertThrows(ValidationException.class, () -> tariff.createServiceRate(acme,
                new ServiceRateInput(null, "", null, new BigDecimal("-1"), "EURO", null,
                        LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1))));
        assertEquals(Set.of("serviceTypeId", "code", "name", "value", "currency", "validTo"),
                e.errors().stream().map(FieldError::field).collect(Collectors.toSet()));
        ValidationException precision = assertThrows(ValidationException.class, () -> rate(acme, t, "X", "0.1234567"));
        assertEquals("value", precision.errors().get(0).field());
        assertEquals(0, tariff.listServiceRates(acme, PageRequest.first(10)).total());
    }

    @Test
    void customersCannotSeeOrTouchEachOthersData() {
        ServiceType acmeType = type(acme, "ELEC");
        ServiceRate acmeRate = rate(acme, acmeType, "RES", "0.2");

        assertEquals(0, tariff.listServiceTypes(beta, PageRequest.first(10)).total());
        assertEquals(0, tariff.listServiceRates(beta, PageRequest.first(10)).total());
        assertThrows(NotFoundException.class, () -> tariff.getServiceType(beta, acmeType.id()));
        assertThrows(NotFoundException.class, () -> tariff.getServiceRate(beta, acmeRate.id()));
        assertThrows(NotFoundException.class,
                () -> tariff.updateServiceType(beta, acmeType.id(), new ServiceTypeInput("HACK", "x")));
        assertThrows(NotFoundException.class, () -> tariff.deleteServiceRate(beta, acmeRate.id()));
        assertThrows(NotFoundException.class, () -> tariff.deleteServiceType(beta, acmeType.id()));
        assertTrue(tariff.findServiceType(beta, "ELEC").isEmpty());
        // beta's rate cannot point at acme's type either
        assertThrows(ValidationException.class, () -> rate(beta, acmeType, "RES", "0.3"));

        // the same codes are free for beta
        ServiceType betaType = type(beta, "ELEC");
        rate(beta, betaType, "RES", "0.3");
        assertEquals("ELEC name", tariff.getServiceType(acme, acmeType.id()).name());
        assertEquals(new BigDecimal("0.2"), tariff.getServiceRate(acme, acmeRate.id()).value());
    }

    @Test
    void typeWithRatesCannotBeDeleted() {
        ServiceType t = type(acme, "ELEC");
        ServiceRate r = rate(acme, t, "RES", "0.2");
        ConflictException e = assertThrows(ConflictException.class, () -> tariff.deleteServiceType(acme, t.id()));
        assertTrue(e.getMessage().contains("1 service rate"), e.getMessage());
        tariff.deleteServiceRate(acme, r.id());
        tariff.deleteServiceType(acme, t.id());
    }

    @Test
    void rateInUseCannotBeDeleted() {
        ServiceRate r = rate(acme, type(acme, "ELEC"), "RES", "0.2");
        AtomicLong projects = new AtomicLong(2);
        ServiceRateReferences refs = new ServiceRateReferences() {
            @Override
            public String referrers() {
                return "projects";
            }

            @Override
            public long countReferences(Caller caller, long serviceRateId) {
                return caller.tenantId() == acme.tenantId() && serviceRateId == r.id() ? projects.get() : 0;
            }
        };
        tariff.addReferences(refs);
        ConflictException e = assertThrows(ConflictException.class, () -> tariff.deleteServiceRate(acme, r.id()));
        assertEquals("Service rate RES is used by 2 projects; change those first.", e.getMessage());
        projects.set(0);
        tariff.deleteServiceRate(acme, r.id());
        assertTrue(tariff.findServiceRate(acme, "RES").isEmpty());
    }

    @Test
    void viewerReadsButCannotWrite() {
        type(acme, "ELEC");
        Caller viewer = caller(10, Role.VIEWER);
        assertEquals(1, tariff.listServiceTypes(viewer, PageRequest.first(10)).total());
        assertThrows(ForbiddenException.class, () -> type(viewer, "WATER"));
    }

    @Test
    void pagesSortsAndFiltersOnTheServer() {
        for (int i = 0; i < 30; i++) {
            tariff.createServiceType(acme, new ServiceTypeInput(String.format("T%02d", i), "Name " + (29 - i)));
        }
        List<String> page = tariff.listServiceTypes(acme, new PageRequest(10, 5, "code", false, "")).items().stream()
                .map(ServiceType::code).collect(Collectors.toList());
        assertEquals(List.of("T19", "T18", "T17", "T16", "T15"), page);
        var filtered = tariff.listServiceTypes(acme, new PageRequest(0, 5, "name", true, "name 1"));
        assertEquals(11, filtered.total()); // Name 1, Name 10..19
        assertEquals("Name 1", filtered.items().get(0).name());
        assertEquals(0, tariff.listServiceTypes(acme, new PageRequest(0, 5, null, true, "50%_")).total());
        assertThrows(ValidationException.class, () -> tariff.listServiceTypes(acme, new PageRequest(0, 5, "id; drop", true, "")));
    }

    @Test
    void dataSurvivesARestart() {
        ServiceRate r = rate(acme, type(acme, "ELEC"), "RES", "0.2");
        tariff = newService();
        assertEquals(r, tariff.getServiceRate(acme, r.id()));
        ServiceRate next = rate(acme, tariff.findServiceType(acme, "ELEC").orElseThrow(), "COM", "0.1");
        assertTrue(next.id() != r.id());
    }
}
