package org.meterline.tenant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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
import org.meterline.core.api.Caller;
import org.meterline.core.api.ConflictException;
import org.meterline.core.api.FieldError;
import org.meterline.core.api.ForbiddenException;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Role;
import org.meterline.core.api.ValidationException;
import org.meterline.tenant.api.Account;
import org.meterline.tenant.api.AccountUpdate;
import org.meterline.tenant.api.Customer;
import org.meterline.tenant.api.NewAccount;
import org.meterline.tenant.api.NewCustomer;

/** The tenant service against a real embedded Derby database. */
class TenantServiceImplTest {

    @TempDir
    Path dir;

    private EmbeddedDataSource ds;
    private EntityManagerFactory emf;
    private TenantServiceImpl service;
    private Caller admin;

    @BeforeEach
    void start() {
        ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        service = newService();
        admin = service.authenticate("admin", "secret-admin-pw".toCharArray()).orElseThrow();
    }

    private TenantServiceImpl newService() {
        if (emf != null) {
            emf.close();
        }
        emf = Persistence.createEntityManagerFactory("meterline.tenant", Map.of("javax.persistence.nonJtaDataSource", ds));
        return new TenantServiceImpl(ds, emf, TestConfigs.of(Config.class,
                Map.of("adminPassword", "secret-admin-pw", "bcryptCost", 4)));
    }

    @AfterEach
    void stop() {
        emf.close();
    }

    private Customer customer(String code, String username) {
        return service.createCustomer(admin, new NewCustomer(code, code + " Utility", "Ann", "ann@x.example", null, null,
                username, "password-" + username));
    }

    @Test
    void firstStartCreatesTheSystemAdminOnce() {
        assertTrue(admin.has(Role.SYSTEM_ADMIN));
        assertTrue(service.authenticate("admin", "wrong-password".toCharArray()).isEmpty());
        assertTrue(service.authenticate("nobody", "secret-admin-pw".toCharArray()).isEmpty());

        service = newService(); // a restart must not add a second system customer or admin
        Caller again = service.authenticate("ADMIN", "secret-admin-pw".toCharArray()).orElseThrow();
        assertEquals(admin, again);
        assertEquals(1, service.listCustomers(admin, PageRequest.first(10)).total());
    }

    @Test
    void passwordsAreStoredAsSaltedBcryptHashes() throws Exception {
        customer("ACME", "acme-admin");
        customer("BETA", "beta-admin");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT USERNAME, PASSWORD_HASH FROM ML_ACCOUNT")) {
            Set<String> hashes = new java.util.HashSet<>();
            while (rs.next()) {
                String hash = rs.getString(2);
                assertTrue(hash.startsWith("$2b$04$"), hash);
                assertFalse(hash.contains(rs.getString(1)));
                hashes.add(hash.substring(7, 29)); // the salt
            }
            assertEquals(3, hashes.size());
        }
    }

    @Test
    void systemAdminCreatesCustomerWithItsAdminAccount() {
        Customer acme = customer("acme", "Acme-Admin");
        assertEquals("ACME", acme.code());
        // usernames are case-insensitive, passwords are not
        assertTrue(service.authenticate("acme-admin", "password-acme-admin".toCharArray()).isEmpty());
        Caller acmeAdmin = service.authenticate("acme-admin", "password-Acme-Admin".toCharArray()).orElseThrow();
        assertEquals(acme.id(), acmeAdmin.tenantId());
        assertEquals(Set.of(Role.CUSTOMER_ADMIN), acmeAdmin.roles());
    }

    @Test
    void duplicatesAreConflictsNamingTheField() {
        customer("ACME", "acme-admin");
        ConflictException code = assertThrows(ConflictException.class, () -> customer("Acme", "other"));
        assertEquals("code", code.field());
        ConflictException user = assertThrows(ConflictException.class, () -> customer("BETA", "acme-admin"));
        assertEquals("username", user.field());
        assertEquals(2, service.listCustomers(admin, PageRequest.first(10)).total(), "nothing half-created");
    }

    @Test
    void badInputNamesEveryBadField() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.createCustomer(admin,
                new NewCustomer("bad code!", "", null, "not-mail", null, null, "x", "short")));
        assertEquals(Set.of("code", "name", "email", "username", "password"),
                e.errors().stream().map(FieldError::field).collect(Collectors.toSet()));
    }

    @Test
    void customersAreInvisibleToEachOther() {
        Customer acme = customer("ACME", "acme-admin");
        Customer beta = customer("BETA", "beta-admin");
        Caller acmeAdmin = service.authenticate("acme-admin", "password-acme-admin".toCharArray()).orElseThrow();

        assertEquals(List.of("ACME"), service.listCustomers(acmeAdmin, PageRequest.first(10)).items().stream()
                .map(Customer::code).collect(Collectors.toList()));
        assertThrows(NotFoundException.class, () -> service.getCustomer(acmeAdmin, beta.id()));
        assertThrows(ForbiddenException.class, () -> service.createCustomer(acmeAdmin,
                new NewCustomer("GAMMA", "Gamma", null, null, null, null, "gamma", "password-gamma")));

        long betaAdminId = service.listAccounts(admin.actingFor(beta.id()), PageRequest.first(10)).items().get(0).id();
        assertThrows(NotFoundException.class, () -> service.getAccount(acmeAdmin, betaAdminId));
        assertThrows(NotFoundException.class, () -> service.updateAccount(acmeAdmin, betaAdminId,
                new AccountUpdate(null, Role.VIEWER, null, null, null, null)));
        assertEquals(List.of("acme-admin"), service.listAccounts(acmeAdmin, PageRequest.first(10)).items().stream()
                .map(Account::username).collect(Collectors.toList()));
        assertEquals(acme.id(), acmeAdmin.tenantId());
    }

    @Test
    void onlySystemAdminSwitchesCustomer() {
        Customer acme = customer("ACME", "acme-admin");
        Caller acmeAdmin = service.authenticate("acme-admin", "password-acme-admin".toCharArray()).orElseThrow();
        assertThrows(ForbiddenException.class, () -> acmeAdmin.actingFor(admin.homeTenantId()));
        Caller switched = admin.actingFor(acme.id());
        assertEquals(List.of("acme-admin"), service.listAccounts(switched, PageRequest.first(10)).items().stream()
                .map(Account::username).collect(Collectors.toList()));
    }

    @Test
    void customerAdminManagesItsUsersButCannotGrantSystemAdmin() {
        customer("ACME", "acme-admin");
        Caller acmeAdmin = service.authenticate("acme-admin", "password-acme-admin".toCharArray()).orElseThrow();
        Account op = service.createAccount(acmeAdmin, new NewAccount("op1", "password-op1", "Op One", null, Role.OPERATOR));
        assertThrows(ValidationException.class, () -> service.updateAccount(acmeAdmin, op.id(),
                new AccountUpdate(null, Role.SYSTEM_ADMIN, null, null, null, null)));
        Account viewer = service.updateAccount(acmeAdmin, op.id(), new AccountUpdate(null, Role.VIEWER, null, null, null, null));
        assertEquals(Role.VIEWER, viewer.role());

        Caller opCaller = service.authenticate("op1", "password-op1".toCharArray()).orElseThrow();
        assertThrows(ForbiddenException.class, () -> service.createAccount(opCaller,
                new NewAccount("op2", "password-op2", null, null, Role.OPERATOR)));

        service.updateAccount(acmeAdmin, op.id(), new AccountUpdate(null, null, null, null, false, null));
        assertTrue(service.authenticate("op1", "password-op1".toCharArray()).isEmpty(), "disabled account");
    }

    @Test
    void systemAdminMovesAnAccountToAnotherCustomer() {
        Customer acme = customer("ACME", "acme-admin");
        Account moved = service.createAccount(admin, new NewAccount("newbie", "password-newbie", null, null, Role.VIEWER));
        Account now = service.updateAccount(admin, moved.id(),
                new AccountUpdate(acme.id(), Role.CUSTOMER_ADMIN, null, null, null, null));
        assertEquals(acme.id(), now.customerId());
        Caller newbie = service.authenticate("newbie", "password-newbie".toCharArray()).orElseThrow();
        assertEquals(acme.id(), newbie.tenantId());
        assertEquals(Set.of(Role.CUSTOMER_ADMIN), newbie.roles());
    }

    @Test
    void unknownSortFieldIsRejected() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.listAccounts(admin, new PageRequest(0, 10, "passwordHash", true, "")));
        assertEquals("sort", e.errors().get(0).field());
    }
}
