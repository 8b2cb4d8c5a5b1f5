package org.meterline.grid.internal;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
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
import org.meterline.core.api.ValidationException;
import org.meterline.grid.api.GridObject;
import org.meterline.grid.api.GridReferences;
import org.meterline.grid.api.GridService;
import org.meterline.grid.api.PowerGrid;
import org.meterline.grid.api.PowerGridInput;
import org.meterline.grid.api.Project;
import org.meterline.grid.api.ProjectInput;
import org.meterline.grid.api.ProjectStatus;
import org.meterline.grid.api.Site;
import org.meterline.grid.api.SiteInput;
import org.meterline.persistence.Jpa;
import org.meterline.persistence.SchemaMigrations;
import org.meterline.tariff.api.TariffService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Sites, projects and power grids, stored per customer through EclipseLink multitenancy. */
@Component(service = GridService.class)
public class GridServiceImpl implements GridService {

    static final String AREA = "grid";
    static final String MODULE = "grid";
    static final String DEFAULT_TIME_ZONE = "UTC";
    private static final Map<String, String> SITE_SORT = Map.of("name", "name", "shortName", "shortName",
            "timeZone", "timeZone");
    private static final Map<String, String> PROJECT_SORT = Map.of("name", "name", "shortName", "shortName",
            "site", "site.name", "status", "status", "startDate", "startDate", "endDate", "endDate",
            "billingStartDate", "billingStartDate");
    private static final Map<String, Function<PowerGrid, String>> GRID_SORT = Map.of("name", PowerGrid::name,
            "shortName", PowerGrid::shortName, "path", PowerGrid::path);

    private final Jpa jpa;
    private final TariffService tariff;
    private final List<GridReferences> references = new CopyOnWriteArrayList<>();

    @Activate
    public GridServiceImpl(@Reference(target = "(osgi.jndi.service.name=meterline)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=meterline.grid)") EntityManagerFactory emf,
            @Reference TariffService tariff) {
        SchemaMigrations.migrate(dataSource, MODULE, GridServiceImpl.class.getClassLoader());
        this.jpa = new Jpa(emf);
        this.tariff = tariff;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addReferences(GridReferences refs) {
        references.add(refs);
    }

    public void removeReferences(GridReferences refs) {
        references.remove(refs);
    }

    // ---------------------------------------------------------------- sites

    @Override
    public Page<Site> listSites(Caller caller, PageRequest page) {
        caller.require(Permission.read(AREA));
        String where = " WHERE LOWER(s.name) LIKE :f ESCAPE '\\' OR LOWER(s.shortName) LIKE :f ESCAPE '\\'";
        return jpa.inTenant(caller.tenantId(), em -> Jpa.page(em, page, "SELECT s FROM SiteEntity s" + where
                + Jpa.orderBy("s", page, SITE_SORT, "name"), "SELECT COUNT(s) FROM SiteEntity s" + where,
                SiteEntity.class, SiteEntity::toDto));
    }

    @Override
    public Site getSite(Caller caller, long id) {
        caller.require(Permission.read(AREA));
        return jpa.inTenant(caller.tenantId(), em -> findSite(em, id).toDto());
    }

    @Override
    public Site createSite(Caller caller, SiteInput in) {
        caller.require(Permission.write(AREA));
        validate(in);
        return jpa.inTenant(caller.tenantId(), em -> {
            SiteEntity s = new SiteEntity();
            apply(em, s, in);
            em.persist(s);
            return s.toDto();
        });
    }

    @Override
    public Site updateSite(Caller caller, long id, SiteInput in) {
        caller.require(Permission.write(AREA));
        validate(in);
        return jpa.inTenant(caller.tenantId(), em -> {
            SiteEntity s = findSite(em, id);
            apply(em, s, in);
            return s.toDto();
        });
    }

    @Override
    public void deleteSite(Caller caller, long id) {
        caller.require(Permission.write(AREA));
        Site site = getSite(caller, id);
        refuseIfReferenced(caller, GridObject.SITE, id, "Site " + site.name());
        jpa.inTenant(caller.tenantId(), em -> {
            SiteEntity s = findSite(em, id);
            long projects = em.createQuery("SELECT COUNT(p) FROM ProjectEntity p WHERE p.site = :s", Long.class)
                    .setParameter("s", s).getSingleResult();
            if (projects > 0) {
                throw new ConflictException(null, "Site " + s.name + " has " + projects
                        + " project(s); delete those first.");
            }
            em.remove(s);
            return null;
        });
    }

    private static void validate(SiteInput in) {
        if (in == null) {
            new Checks().fail("name", "is required").throwIfAny();
        }
        Checks checks = new Checks().text("name", in.name(), 100).optionalText("shortName", in.shortName(), 32);
        checks.location(in.latitude(), in.longitude());
        if (in.timeZone() != null && !in.timeZone().isBlank()) {
            try {
                ZoneId.of(in.timeZone().trim());
            } catch (DateTimeException e) {
                checks.fail("timeZone", "is not a known time zone; use an IANA id such as Europe/Berlin");
            }
        }
        checks.throwIfAny();
    }

    private static void apply(EntityManager em, SiteEntity s, SiteInput in) {
        String name = in.name().trim();
        em.createQuery("SELECT s FROM SiteEntity s WHERE LOWER(s.name) = :n", SiteEntity.class)
                .setParameter("n", name.toLowerCase(Locale.ROOT)).getResultList().stream()
                .filter(other -> !other.id.equals(s.id)).findFirst().ifPresent(other -> {
                    throw new ConflictException("name", "A site named " + other.name + " already exists.");
                });
        s.name = name;
        s.shortName = blankToNull(in.shortName());
        s.latitude = in.latitude();
        s.longitude = in.longitude();
        s.timeZone = in.timeZone() == null || in.timeZone().isBlank() ? DEFAULT_TIME_ZONE
                : ZoneId.of(in.timeZone().trim()).getId();
    }

    // ---------------------------------------------------------------- projects

    @Override
    public Page<Project> listProjects(Caller caller, PageRequest page) {
        caller.require(Permission.read(AREA));
        String where = " WHERE LOWER(p.name) LIKE :f ESCAPE '\\' OR LOWER(p.shortName) LIKE :f ESCAPE '\\'"
                + " OR LOWER(p.site.name) LIKE :f ESCAPE '\\'";
        return jpa.inTenant(caller.tenantId(), em -> Jpa.page(em, page, "SELECT p FROM ProjectEntity p" + where
                + Jpa.orderBy("p", page, PROJECT_SORT, "name"), "SELECT COUNT(p) FROM ProjectEntity p" + where,
                ProjectEntity.class, ProjectEntity::toDto));
    }

    @Override
    public Project getProject(Caller caller, long id) {
        caller.require(Permission.read(AREA));
        return jpa.inTenant(caller.tenantId(), em -> findProject(em, id).toDto());
    }

    @Override
    public Project createProject(Caller caller, ProjectInput in) {
        caller.require(Permission.write(AREA));
        Set<Long> rates = validate(caller, in);
        return jpa.inTenant(caller.tenantId(), em -> {
            ProjectEntity p = new ProjectEntity();
            apply(em, p, in, rates);
            em.persist(p);
            return p.toDto();
        });
    }

    @Override
    public Project updateProject(Caller caller, long id, ProjectInput in) {
        caller.require(Permission.write(AREA));
        Set<Long> rates = validate(caller, in);
        return jpa.inTenant(caller.tenantId(), em -> {
            ProjectEntity p = findProject(em, id);
            apply(em, p, in, rates);
            return p.toDto();
        });
    }

    @Override
    public void deleteProject(Caller caller, long id) {
        caller.require(Permission.write(AREA));
        Project project = getProject(caller, id);
        refuseIfReferenced(caller, GridObject.PROJECT, id, "Project " + project.name());
        jpa.inTenant(caller.tenantId(), em -> {
            em.remove(findProject(em, id));
            return null;
        });
    }

    @Override
    public Map<ProjectStatus, Long> countProjectsByStatus(Caller caller) {
        caller.require(Permission.read(AREA));
        Map<ProjectStatus, Long> counts = new EnumMap<>(ProjectStatus.class);
        for (ProjectStatus status : ProjectStatus.values()) {
            counts.put(status, 0L);
        }
        jpa.inTenant(caller.tenantId(), em -> {
            em.createQuery("SELECT p.status, COUNT(p) FROM ProjectEntity p GROUP BY p.status", Object[].class)
                    .getResultList().forEach(row -> counts.put((ProjectStatus) row[0], ((Number) row[1]).longValue()));
            return null;
        });
        return counts;
    }

    /** Checks the input, including that every service rate exists for the customer; returns the rate ids. */
    private Set<Long> validate(Caller caller, ProjectInput in) {
        if (in == null) {
            new Checks().fail("siteId", "is required").fail("name", "is required").throwIfAny();
        }
        Checks checks = new Checks().required("siteId", in.siteId()).text("name", in.name(), 100)
                .optionalText("shortName", in.shortName(), 32);
        if (in.startDate() != null && in.endDate() != null && in.endDate().isBefore(in.startDate())) {
            checks.fail("endDate", "must not be before the start date");
        }
        checks.location(in.latitude(), in.longitude());
        Set<Long> rates = new LinkedHashSet<>();
        if (in.serviceRateIds() != null) {
            for (Long rateId : in.serviceRateIds()) {
                if (rateId == null) {
                    checks.fail("serviceRateIds", "must not contain an empty id");
                } else if (rates.add(rateId)) {
                    try {
                        tariff.getServiceRate(caller, rateId);
                    } catch (NotFoundException e) {
                        checks.fail("serviceRateIds", "service rate " + rateId + " does not exist");
                    }
                }
            }
        }
        checks.throwIfAny();
        return rates;
    }

    private static void apply(EntityManager em, ProjectEntity p, ProjectInput in, Set<Long> rates) {
        String name = in.name().trim();
        em.createQuery("SELECT p FROM ProjectEntity p WHERE LOWER(p.name) = :n", ProjectEntity.class)
                .setParameter("n", name.toLowerCase(Locale.ROOT)).getResultList().stream()
                .filter(other -> !other.id.equals(p.id)).findFirst().ifPresent(other -> {
                    throw new ConflictException("name", "A project named " + other.name + " already exists.");
                });
        SiteEntity site = em.find(SiteEntity.class, in.siteId());
        if (site == null) {
            throw new ValidationException("siteId", "is not a site of this customer");
        }
        p.site = site;
        p.name = name;
        p.shortName = blankToNull(in.shortName());
        p.serviceRateIds.retainAll(rates);
        p.serviceRateIds.addAll(rates);
        p.billingStartDate = in.billingStartDate();
        p.startDate = in.startDate();
        p.endDate = in.endDate();
        p.status = in.status() == null ? ProjectStatus.PLANNED : in.status();
        p.latitude = in.latitude();
        p.longitude = in.longitude();
    }

    // ---------------------------------------------------------------- power grids

    @Override
    public Page<PowerGrid> listPowerGrids(Caller caller, PageRequest page) {
        caller.require(Permission.read(AREA));
        Comparator<PowerGrid> order = gridOrder(page);
        String filter = page.filter().toLowerCase(Locale.ROOT);
        // the path is no column, so the page is cut here, from the customer's whole hierarchy
        List<PowerGrid> matching = powerGridTree(caller).stream()
                .filter(g -> contains(g.name(), filter) || contains(g.shortName(), filter))
                .sorted(order).collect(Collectors.toList());
        int from = Math.min(page.offset(), matching.size());
        int to = Math.min(from + page.limit(), matching.size());
        return new Page<>(matching.subList(from, to), matching.size());
    }

    @Override
    public List<PowerGrid> powerGridTree(Caller caller) {
        caller.require(Permission.read(AREA));
        return jpa.inTenant(caller.tenantId(), em -> {
            GridTree tree = tree(em);
            return tree.parentsFirst().stream().map(g -> g.toDto(tree.path(g))).collect(Collectors.toList());
        });
    }

    @Override
    public PowerGrid getPowerGrid(Caller caller, long id) {
        caller.require(Permission.read(AREA));
        return jpa.inTenant(caller.tenantId(), em -> {
            GridTree tree = tree(em);
            PowerGridEntity g = tree.find(id).orElseThrow(() -> NotFoundException.of("Power grid", id));
            return g.toDto(tree.path(g));
        });
    }

    @Override
    public PowerGrid createPowerGrid(Caller caller, PowerGridInput in) {
        caller.require(Permission.write(AREA));
        validate(in);
        return jpa.inTenant(caller.tenantId(), em -> {
            GridTree tree = tree(em);
            PowerGridEntity g = new PowerGridEntity();
            String path = apply(tree, g, in);
            em.persist(g);
            return g.toDto(path);
        });
    }

    @Override
    public PowerGrid updatePowerGrid(Caller caller, long id, PowerGridInput in) {
        caller.require(Permission.write(AREA));
        validate(in);
        return jpa.inTenant(caller.tenantId(), em -> {
            GridTree tree = tree(em);
            PowerGridEntity g = tree.find(id).orElseThrow(() -> NotFoundException.of("Power grid", id));
            if (in.parentId() != null && tree.isSelfOrBelow(in.parentId(), id)) {
                throw new ValidationException("parentId", "would make a cycle: "
                        + tree.find(in.parentId()).map(p -> p.name).orElse("it") + " is this grid or lies below it");
            }
            return g.toDto(apply(tree, g, in));
        });
    }

    @Override
    public void deletePowerGrid(Caller caller, long id) {
        caller.require(Permission.write(AREA));
        PowerGrid grid = getPowerGrid(caller, id);
        refuseIfReferenced(caller, GridObject.POWER_GRID, id, "Power grid " + grid.name());
        jpa.inTenant(caller.tenantId(), em -> {
            PowerGridEntity g = em.find(PowerGridEntity.class, id);
            if (g == null) {
                throw NotFoundException.of("Power grid", id);
            }
            long children = em.createQuery("SELECT COUNT(g) FROM PowerGridEntity g WHERE g.parentId = :id", Long.class)
                    .setParameter("id", id).getSingleResult();
            if (children > 0) {
                throw new ConflictException(null, "Power grid " + g.name + " has " + children
                        + " subordinate grid(s); delete or move those first.");
            }
            em.remove(g);
            return null;
        });
    }

    private static void validate(PowerGridInput in) {
        if (in == null) {
            new Checks().fail("name", "is required").throwIfAny();
        }
        Checks checks = new Checks().text("name", in.name(), 100).optionalText("shortName", in.shortName(), 32);
        checks.location(in.latitude(), in.longitude());
        checks.throwIfAny();
    }

    /** Applies the input to the grid; returns its path. */
    private static String apply(GridTree tree, PowerGridEntity g, PowerGridInput in) {
        PowerGridEntity parent = null;
        if (in.parentId() != null) {
            parent = tree.find(in.parentId()).orElseThrow(
                    () -> new ValidationException("parentId", "is not a power grid of this customer"));
        }
        String name = in.name().trim();
        PowerGridEntity superior = parent;
        tree.children(parent == null ? null : parent.id).stream()
                .filter(other -> !other.id.equals(g.id) && other.name.equalsIgnoreCase(name)).findFirst()
                .ifPresent(other -> {
                    throw new ConflictException("name", "A power grid named " + other.name + " already exists "
                            + (superior == null ? "at the top level." : "under " + tree.path(superior) + "."));
                });
        g.parentId = parent == null ? null : parent.id;
        g.name = name;
        g.shortName = blankToNull(in.shortName());
        g.latitude = in.latitude();
        g.longitude = in.longitude();
        return parent == null ? name : tree.path(parent) + GridTree.PATH_SEPARATOR + name;
    }

    private static GridTree tree(EntityManager em) {
        return new GridTree(em.createQuery("SELECT g FROM PowerGridEntity g", PowerGridEntity.class).getResultList());
    }

    private static Comparator<PowerGrid> gridOrder(PageRequest page) {
        String field = page.sortField() == null ? "path" : page.sortField();
        Function<PowerGrid, String> key = GRID_SORT.get(field);
        if (key == null) {
            throw new ValidationException("sort", "cannot sort by " + field + "; use one of "
                    + GRID_SORT.keySet().stream().sorted().collect(Collectors.joining(", ")));
        }
        Comparator<PowerGrid> order = Comparator.comparing(key, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
        return (page.ascending() ? order : order.reversed()).thenComparingLong(PowerGrid::id);
    }

    // ---------------------------------------------------------------- helpers

    private void refuseIfReferenced(Caller caller, GridObject kind, long id, String what) {
        List<String> users = new ArrayList<>();
        for (GridReferences refs : references) {
            long n = refs.countReferences(caller, kind, id);
            if (n > 0) {
                users.add(n + " " + refs.referrers());
            }
        }
        if (!users.isEmpty()) {
            throw new ConflictException(null, what + " is used by " + String.join(" and ", users)
                    + "; change those first.");
        }
    }

    private static boolean contains(String text, String lowerCaseFilter) {
        return lowerCaseFilter.isEmpty() || text != null && text.toLowerCase(Locale.ROOT).contains(lowerCaseFilter);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static SiteEntity findSite(EntityManager em, long id) {
        SiteEntity s = em.find(SiteEntity.class, id);
        if (s == null) {
            throw NotFoundException.of("Site", id);
        }
        return s;
    }

    private static ProjectEntity findProject(EntityManager em, long id) {
        ProjectEntity p = em.find(ProjectEntity.class, id);
        if (p == null) {
            throw NotFoundException.of("Project", id);
        }
        return p;
    }
}
