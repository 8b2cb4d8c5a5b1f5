package org.meterline.tenant.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;
import javax.sql.DataSource;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Checks;
import org.meterline.core.api.ConflictException;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Permission;
import org.meterline.core.api.Role;
import org.meterline.core.api.ValidationException;
import org.meterline.persistence.Jpa;
import org.meterline.persistence.SchemaMigrations;
import org.meterline.tenant.api.Account;
import org.meterline.tenant.api.AccountService;
import org.meterline.tenant.api.AccountUpdate;
import org.meterline.tenant.api.Customer;
import org.meterline.tenant.api.CustomerService;
import org.meterline.tenant.api.NewAccount;
import org.meterline.tenant.api.NewCustomer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customers and accounts. On first start it creates the system customer and its admin.
 * Accounts are not tenant-discriminated (login looks them up across customers), so this class
 * scopes every account query to the caller's customer itself.
 */
@Component(service = {CustomerService.class, AccountService.class}, configurationPid = "org.meterline.tenant")
@Designate(ocd = Config.class)
public class TenantServiceImpl implements CustomerService, AccountService {

    static final String SYSTEM_CODE = "SYSTEM";
    private static final Logger LOG = LoggerFactory.getLogger(TenantServiceImpl.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
    private static final Map<String, String> CUSTOMER_SORT = Map.of("code", "code", "name", "name",
            "createdAt", "createdAt", "contact", "contact");
    private static final Map<String, String> ACCOUNT_SORT = Map.of("username", "username", "fullName", "fullName",
            "role", "role", "createdAt", "createdAt", "email", "email");

    private final Jpa jpa;
    private final PasswordHasher hasher;

    @Activate
    public TenantServiceImpl(@Reference(target = "(osgi.jndi.service.name=meterline)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=meterline.tenant)") EntityManagerFactory emf, Config config) {
        SchemaMigrations.migrate(dataSource, "tenant", TenantServiceImpl.class.getClassLoader());
        this.jpa = new Jpa(emf);
        this.hasher = new PasswordHasher(Math.max(4, Math.min(31, config.bcryptCost())));
        bootstrap(config);
    }

    private void bootstrap(Config config) {
        boolean exists = jpa.global(em -> !em.createQuery(
                "SELECT c.id FROM CustomerEntity c WHERE c.system = :yes", Long.class)
                .setParameter("yes", Boolean.TRUE).getResultList().isEmpty());
        if (exists) {
            return;
        }
        String username = config.adminUsername().trim().toLowerCase(Locale.ROOT);
        boolean generated = config.adminPassword() == null || config.adminPassword().isBlank();
        String password = generated ? hasher.generatePassword(16) : config.adminPassword();
        jpa.global(em -> {
            CustomerEntity system = new CustomerEntity();
            system.code = SYSTEM_CODE;
            system.name = "Platform operator";
            system.system = true;
            system.createdAt = Instant.now();
            em.persist(system);
            em.flush();
            persistAccount(em, system.id, username, password.toCharArray(), "System admin", null, Role.SYSTEM_ADMIN);
            return null;
        });
        if (generated) {
            String banner = "Meterline first start: system admin '" + username + "' has the generated password "
                    + password + " -- log in and change it.";
            // Printed once, on the console only: the password must not reach the log files.
            System.out.println(banner);
            LOG.warn("Created system admin '{}' with a generated password, printed once on the console", username);
        } else {
            LOG.info("Created system admin '{}' with the configured password", username);
        }
    }

    // ---------------------------------------------------------------- customers

    @Override
    public Page<Customer> listCustomers(Caller caller, PageRequest page) {
        caller.require(Permission.read(Permission.AREA_USER));
        boolean all = caller.has(Role.SYSTEM_ADMIN);
        String where = " WHERE (LOWER(c.code) LIKE :f ESCAPE '\\' OR LOWER(c.name) LIKE :f ESCAPE '\\')"
                + (all ? "" : " AND c.id = :own");
        return jpa.global(em -> {
            TypedQuery<CustomerEntity> q = em.createQuery("SELECT c FROM CustomerEntity c" + where
                    + Jpa.orderBy("c", page, CUSTOMER_SORT, "code"), CustomerEntity.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM CustomerEntity c" + where, Long.class);
            for (TypedQuery<?> each : List.of(q, count)) {
                each.setParameter("f", Jpa.likePattern(page.filter()));
                if (!all) {
                    each.setParameter("own", caller.tenantId());
                }
            }
            List<Customer> items = q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList()
                    .stream().map(CustomerEntity::toDto).collect(Collectors.toList());
            return new Page<>(items, count.getSingleResult());
        });
    }

    @Override
    public Customer getCustomer(Caller caller, long id) {
        caller.require(Permission.read(Permission.AREA_USER));
        if (!caller.has(Role.SYSTEM_ADMIN) && id != caller.tenantId()) {
            throw NotFoundException.of("Customer", id);
        }
        return jpa.global(em -> findCustomer(em, id).toDto());
    }

    @Override
    public Customer createCustomer(Caller caller, NewCustomer in) {
        caller.require(Permission.write(Permission.AREA_CUSTOMER));
        Checks checks = new Checks().code("code", in.code()).text("name", in.name(), 100)
                .optionalText("contact", in.contact(), 100).optionalText("phone", in.phone(), 40)
                .optionalText("address", in.address(), 255);
        checkEmail(checks, "email", in.email());
        checkUsername(checks, in.username());
        checkPassword(checks, in.password());
        checks.throwIfAny();
        String code = in.code().trim().toUpperCase(Locale.ROOT);
        String username = in.username().trim().toLowerCase(Locale.ROOT);
        return jpa.global(em -> {
            if (!em.createQuery("SELECT c.id FROM CustomerEntity c WHERE UPPER(c.code) = :code", Long.class)
                    .setParameter("code", code).getResultList().isEmpty()) {
                throw new ConflictException("code", "A customer with code " + code + " already exists.");
            }
            requireFreeUsername(em, username);
            CustomerEntity c = new CustomerEntity();
            c.code = code;
            c.name = in.name().trim();
            c.contact = Checks.trim(in.contact());
            c.email = Checks.trim(in.email());
            c.phone = Checks.trim(in.phone());
            c.address = Checks.trim(in.address());
            c.createdAt = Instant.now();
            em.persist(c);
            em.flush();
            persistAccount(em, c.id, username, in.password().toCharArray(), c.contact, c.email, Role.CUSTOMER_ADMIN);
            LOG.info("{} created customer {} with account {}", caller.username(), code, username);
            return c.toDto();
        });
    }

    // ---------------------------------------------------------------- accounts

    @Override
    public Page<Account> listAccounts(Caller caller, PageRequest page) {
        caller.require(Permission.read(Permission.AREA_USER));
        String where = " WHERE a.customerId = :tenant AND (LOWER(a.username) LIKE :f ESCAPE '\\'"
                + " OR LOWER(a.fullName) LIKE :f ESCAPE '\\' OR LOWER(a.email) LIKE :f ESCAPE '\\')";
        return jpa.global(em -> {
            String customerName = findCustomer(em, caller.tenantId()).name;
            TypedQuery<AccountEntity> q = em.createQuery("SELECT a FROM AccountEntity a" + where
                    + Jpa.orderBy("a", page, ACCOUNT_SORT, "username"), AccountEntity.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(a) FROM AccountEntity a" + where, Long.class);
            for (TypedQuery<?> each : List.of(q, count)) {
                each.setParameter("f", Jpa.likePattern(page.filter())).setParameter("tenant", caller.tenantId());
            }
            List<Account> items = q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList()
                    .stream().map(a -> a.toDto(customerName)).collect(Collectors.toList());
            return new Page<>(items, count.getSingleResult());
        });
    }

    @Override
    public Account getAccount(Caller caller, long id) {
        caller.require(Permission.read(Permission.AREA_USER));
        return jpa.global(em -> {
            AccountEntity a = findAccount(em, caller, id);
            return a.toDto(findCustomer(em, a.customerId).name);
        });
    }

    @Override
    public Account createAccount(Caller caller, NewAccount in) {
        caller.require(Permission.write(Permission.AREA_USER));
        Checks checks = new Checks().optionalText("fullName", in.fullName(), 100).required("role", in.role());
        checkUsername(checks, in.username());
        checkPassword(checks, in.password());
        checkEmail(checks, "email", in.email());
        checks.throwIfAny();
        checkRoleAllowed(caller, in.role());
        String username = in.username().trim().toLowerCase(Locale.ROOT);
        return jpa.global(em -> {
            requireFreeUsername(em, username);
            CustomerEntity customer = findCustomer(em, caller.tenantId());
            AccountEntity a = persistAccount(em, customer.id, username, in.password().toCharArray(),
                    Checks.trim(in.fullName()), Checks.trim(in.email()), in.role());
            return a.toDto(customer.name);
        });
    }

    @Override
    public Account updateAccount(Caller caller, long id, AccountUpdate in) {
        caller.require(Permission.write(Permission.AREA_USER));
        Checks checks = new Checks().optionalText("fullName", in.fullName(), 100);
        checkEmail(checks, "email", in.email());
        if (in.password() != null) {
            checkPassword(checks, in.password());
        }
        checks.throwIfAny();
        if (in.role() != null) {
            checkRoleAllowed(caller, in.role());
        }
        return jpa.global(em -> {
            AccountEntity a = findAccount(em, caller, id);
            if (in.customerId() != null && in.customerId() != a.customerId) {
                if (!caller.has(Role.SYSTEM_ADMIN)) {
                    throw new ValidationException("customerId", "only a system admin can move an account to another customer");
                }
                a.customerId = findCustomer(em, in.customerId()).id;
            }
            if (a.id == caller.accountId() && ((in.role() != null && in.role() != a.role())
                    || Boolean.FALSE.equals(in.enabled()))) {
                throw new ValidationException("role", "you cannot change your own role or disable yourself");
            }
            if (in.role() != null) {
                a.role = in.role().id();
            }
            if (in.fullName() != null) {
                a.fullName = Checks.trim(in.fullName());
            }
            if (in.email() != null) {
                a.email = Checks.trim(in.email());
            }
            if (in.enabled() != null) {
                a.enabled = in.enabled();
            }
            if (in.password() != null) {
                a.passwordHash = hasher.hash(in.password().toCharArray());
            }
            return a.toDto(findCustomer(em, a.customerId).name);
        });
    }

    @Override
    public Optional<Caller> authenticate(String username, char[] password) {
        if (username == null || password == null || password.length == 0) {
            return Optional.empty();
        }
        String name = username.trim().toLowerCase(Locale.ROOT);
        Optional<AccountEntity> account = jpa.global(em -> em.createQuery(
                "SELECT a FROM AccountEntity a WHERE a.username = :u", AccountEntity.class)
                .setParameter("u", name).getResultList().stream().findFirst());
        boolean ok = hasher.matches(account.map(a -> a.passwordHash).orElse(null), password);
        if (!ok || !account.get().enabled) {
            return Optional.empty();
        }
        AccountEntity a = account.get();
        return Optional.of(new Caller(a.username, a.id, a.customerId, a.customerId, EnumSet.of(a.role())));
    }

    // ---------------------------------------------------------------- helpers

    private AccountEntity persistAccount(EntityManager em, long customerId, String username, char[] password,
            String fullName, String email, Role role) {
        AccountEntity a = new AccountEntity();
        a.customerId = customerId;
        a.username = username;
        a.passwordHash = hasher.hash(password);
        a.fullName = fullName;
        a.email = email;
        a.role = role.id();
        a.enabled = true;
        a.createdAt = Instant.now();
        em.persist(a);
        return a;
    }

    private static CustomerEntity findCustomer(EntityManager em, long id) {
        CustomerEntity c = em.find(CustomerEntity.class, id);
        if (c == null) {
            throw NotFoundException.of("Customer", id);
        }
        return c;
    }

    private static AccountEntity findAccount(EntityManager em, Caller caller, long id) {
        AccountEntity a = em.find(AccountEntity.class, id);
        if (a == null || a.customerId != caller.tenantId()) {
            throw NotFoundException.of("Account", id);
        }
        return a;
    }

    private static void requireFreeUsername(EntityManager em, String username) {
        if (!em.createQuery("SELECT a.id FROM AccountEntity a WHERE a.username = :u", Long.class)
                .setParameter("u", username).getResultList().isEmpty()) {
            throw new ConflictException("username", "The username " + username + " is taken.");
        }
    }

    private static void checkRoleAllowed(Caller caller, Role role) {
        if (role == Role.SYSTEM_ADMIN && !caller.has(Role.SYSTEM_ADMIN)) {
            throw new ValidationException("role", "only a system admin can grant the system-admin role");
        }
    }

    private static void checkUsername(Checks checks, String username) {
        if (username == null || username.isBlank()) {
            checks.fail("username", "is required");
        } else if (!USERNAME.matcher(username.trim().toLowerCase(Locale.ROOT)).matches()) {
            checks.fail("username", "must be 2 to 64 letters, digits or . _ @ -, starting with a letter or digit");
        }
    }

    private static void checkPassword(Checks checks, String password) {
        if (password == null || password.isEmpty()) {
            checks.fail("password", "is required");
        } else if (password.length() < 8) {
            checks.fail("password", "must be at least 8 characters");
        } else if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            checks.fail("password", "must be at most 72 bytes");
        }
    }

    private static void checkEmail(Checks checks, String field, String email) {
        if (email != null && !email.isBlank() && !email.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            checks.fail(field, "is not an e-mail address");
        }
        checks.optionalText(field, email, 254);
    }
}
