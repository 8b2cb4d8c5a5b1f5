package org.meterline.grid.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.meterline.grid.api.GridObject;
import org.meterline.grid.api.GridReferences;
import org.meterline.grid.api.PowerGrid;
import org.meterline.grid.api.PowerGridInput;
import org.meterline.grid.api.Project;
import org.meterline.grid.api.ProjectInput;
import org.meterline.grid.api.ProjectStatus;
import org.meterline.grid.api.Site;
import org.meterline.grid.api.SiteInput;

/** Sites, projects and power grids against a real embedded Derby database, for two customers. */
class GridServiceImplTest {

    @TempDir
    Path dir;

    private EmbeddedDataSource ds;
    private EntityManagerFactory emf;
    private GridServiceImpl grid;
    private ProjectRateReferences rateReferences;
    private final FakeTariffService tariff = new FakeTariffService();
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
        grid = newService();
    }

    private GridServiceImpl newService() {
        if (emf != null) {
            emf.close();
        }
        emf = Persistence.createEntityManagerFactory("meterline.grid", Map.of("javax.persistence.nonJtaDataSource", ds));
        GridServiceImpl service = new GridServiceImpl(ds, emf, tariff);
        rateReferences = new ProjectRateReferences(ds, emf);
        return service;
    }

    @AfterEach
    void stop() {
        emf.close();
    }

    private Site site(Caller c, String name) {
        return grid.createSite(c, new SiteInput(name, null, null, null, null));
    }

    private Project project(Caller c, Site site, String name, ProjectStatus status, Long... rates) {
        return grid.createProject(c, new ProjectInput(site.id(), name, null, List.of(rates), null, null, null,
                status, null, null));
    }

    private PowerGrid powerGrid(Caller c, PowerGrid parent, String name) {
        return grid.createPowerGrid(c, new PowerGridInput(parent == null ? null : parent.id(), name, null, null, null));
    }

    private static Set<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).collect(Collectors.toSet());
    }

    /** Counts references to one object of one kind, for one customer. */
    private static final class References implements GridReferences {
        final AtomicLong count = new AtomicLong();
        final Caller owner;
        final GridObject kind;
        final long id;

        References(Caller owner, GridObject kind, long id, long count) {
            this.owner = owner;
            this.kind = kind;
            this.id = id;
            this.count.set(count);
        }

        @Override
        public String referrers() {
            return "POCs";
        }

        @Override
        public long countReferences(Caller caller, GridObject kind, long id) {
            return caller.tenantId() == owner.tenantId() && kind == this.kind && id == this.id ? count.get() : 0;
        }
    }

    // ---------------------------------------------------------------- sites

    @Test
    void siteCrud() {
        Site s = grid.createSite(acme, new SiteInput(" North Campus ", " NC ", 52.52, 13.405, " Europe/Berlin "));
        assertEquals(new Site(s.id(), "North Campus", "NC", 52.52, 13.405, "Europe/Berlin"), grid.getSite(acme, s.id()));
        Site changed = grid.updateSite(acme, s.id(), new SiteInput("North", "", null, null, null));
        assertEquals(new Site(s.id(), "North", null, null, null, "UTC"), changed);
        assertEquals(changed, grid.getSite(acme, s.id()));
        grid.deleteSite(acme, s.id());
        assertThrows(NotFoundException.class, () -> grid.getSite(acme, s.id()));
    }

    @Test
    void badSiteInputNamesTheFields() {
        ValidationException e = assertThrows(ValidationException.class, () -> grid.createSite(acme,
                new SiteInput(" ", "x".repeat(33), 91.0, -181.0, "Mars/Olympus")));
        assertEquals(Set.of("name", "shortName", "latitude", "longitude", "timeZone"), fields(e));
        assertEquals(Set.of("name"), fields(assertThrows(ValidationException.class, () -> grid.createSite(acme, null))));
        assertEquals(Set.of("name"), fields(assertThrows(ValidationException.class,
                () -> site(acme, "x".repeat(101)))));
        // latitude and longitude come together
        assertEquals(Set.of("longitude"), fields(assertThrows(ValidationException.class,
                () -> grid.createSite(acme, new SiteInput("A", null, 10.0, null, null)))));
        assertEquals(Set.of("latitude"), fields(assertThrows(ValidationException.class,
                () -> grid.createSite(acme, new SiteInput("A", null, null, 10.0, null)))));
        assertEquals(Set.of("latitude"), fields(assertThrows(ValidationException.class,
                () -> grid.createSite(acme, new SiteInput("A", null, Double.NaN, 10.0, null)))));
        // the edges of the ranges are valid
        grid.createSite(acme, new SiteInput("Pole", null, -90.0, 180.0, null));
        grid.createSite(acme, new SiteInput("Other pole", null, 90.0, -180.0, null));
        assertEquals(2, grid.listSites(acme, PageRequest.first(10)).total());
    }

    @Test
    void duplicateSiteNameIsAConflictOnTheNameField() {
        site(acme, "North");
        ConflictException e = assertThrows(ConflictException.class, () -> site(acme, " north "));
        assertEquals("name", e.field());
        Site south = site(acme, "South");
        assertThrows(ConflictException.class,
                () -> grid.updateSite(acme, south.id(), new SiteInput("NORTH", null, null, null, null)));
        // renaming a site to its own name (other case) is fine
        assertEquals("SOUTH", grid.updateSite(acme, south.id(), new SiteInput("SOUTH", null, null, null, null)).name());
    }

    @Test
    void siteWithProjectsOrReferencesCannotBeDeleted() {
        Site s = site(acme, "North");
        Project p = project(acme, s, "P1", null);
        ConflictException e = assertThrows(ConflictException.class, () -> grid.deleteSite(acme, s.id()));
        assertEquals("Site North has 1 project(s); delete those first.", e.getMessage());
        grid.deleteProject(acme, p.id());

        References pocs = new References(acme, GridObject.SITE, s.id(), 3);
        grid.addReferences(pocs);
        e = assertThrows(ConflictException.class, () -> grid.deleteSite(acme, s.id()));
        assertEquals("Site North is used by 3 POCs; change those first.", e.getMessage());
        pocs.count.set(0);
        grid.deleteSite(acme, s.id());
        grid.removeReferences(pocs);
        assertEquals(0, grid.listSites(acme, PageRequest.first(10)).total());
    }

    // ---------------------------------------------------------------- projects

    @Test
    void projectCrud() {
        tariff.rate(acme, 7, 8, 9);
        Site north = site(acme, "North");
        Site south = site(acme, "South");
        Project p = grid.createProject(acme, new ProjectInput(north.id(), " Solar Park ", " SP ", List.of(9L, 7L, 9L),
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null, 48.1, 11.6));
        assertEquals(new Project(p.id(), north.id(), "North", "Solar Park", "SP", List.of(7L, 9L),
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), ProjectStatus.PLANNED,
                48.1, 11.6), p);
        assertEquals(p, grid.getProject(acme, p.id()));

        Project changed = grid.updateProject(acme, p.id(), new ProjectInput(south.id(), "Solar Park", null,
                List.of(8L, 9L), null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1),
                ProjectStatus.IN_OPERATION, null, null));
        assertEquals(new Project(p.id(), south.id(), "South", "Solar Park", null, List.of(8L, 9L), null,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1), ProjectStatus.IN_OPERATION, null, null), changed);
        assertEquals(changed, grid.getProject(acme, p.id()));
        assertEquals(List.of(), grid.updateProject(acme, p.id(), new ProjectInput(south.id(), "Solar Park", null, null,
                null, null, null, ProjectStatus.CLOSED, null, null)).serviceRateIds());

        grid.deleteProject(acme, p.id());
        assertThrows(NotFoundException.class, () -> grid.getProject(acme, p.id()));
    }

    @Test
    void badProjectInputNamesTheFields() {
        tariff.rate(acme, 7);
        ValidationException e = assertThrows(ValidationException.class, () -> grid.createProject(acme,
                new ProjectInput(null, "", "x".repeat(33), List.of(7L, 99L), null, LocalDate.of(2026, 2, 1),
                        LocalDate.of(2026, 1, 31), null, 100.0, null)));
        assertEquals(Set.of("siteId", "name", "shortName", "serviceRateIds", "endDate", "latitude", "longitude"),
                fields(e));
        assertTrue(e.errors().contains(new FieldError("serviceRateIds", "service rate 99 does not exist")), e.getMessage());
        assertEquals(Set.of("siteId", "name"), fields(assertThrows(ValidationException.class,
                () -> grid.createProject(acme, null))));

        // a site that does not exist
        ValidationException site = assertThrows(ValidationException.class, () -> grid.createProject(acme,
                new ProjectInput(12345L, "P", null, null, null, null, null, null, null, null)));
        assertEquals(List.of(new FieldError("siteId", "is not a site of this customer")), site.errors());
        assertEquals(0, grid.listProjects(acme, PageRequest.first(10)).total());
    }

    @Test
    void duplicateProjectNameIsAConflictOnTheNameField() {
        Site s = site(acme, "North");
        project(acme, s, "P1", null);
        ConflictException e = assertThrows(ConflictException.class, () -> project(acme, site(acme, "South"), "p1", null));
        assertEquals("name", e.field());
        Project p2 = project(acme, s, "P2", null);
        assertThrows(ConflictException.class, () -> grid.updateProject(acme, p2.id(),
                new ProjectInput(s.id(), "P1", null, null, null, null, null, null, null, null)));
    }

    @Test
    void projectInUseCannotBeDeleted() {
        Project p = project(acme, site(acme, "North"), "P1", null);
        References pocs = new References(acme, GridObject.PROJECT, p.id(), 2);
        grid.addReferences(pocs);
        ConflictException e = assertThrows(ConflictException.class, () -> grid.deleteProject(acme, p.id()));
        assertEquals("Project P1 is used by 2 POCs; change those first.", e.getMessage());
        pocs.count.set(0);
        grid.deleteProject(acme, p.id());
    }

    @Test
    void countsProjectsByStatusIncludingZeros() {
        Map<ProjectStatus, Long> none = grid.countProjectsByStatus(acme);
        assertEquals(List.of(ProjectStatus.values()), List.copyOf(none.keySet()));
        assertTrue(none.values().stream().allMatch(n -> n == 0));

        Site s = site(acme, "North");
        project(acme, s, "P1", null);
        project(acme, s, "P2", ProjectStatus.PLANNED);
        project(acme, s, "P3", ProjectStatus.IN_OPERATION);
        project(beta, site(beta, "North"), "P1", ProjectStatus.CLOSED);
        assertEquals(Map.of(ProjectStatus.PLANNED, 2L, ProjectStatus.UNDER_CONSTRUCTION, 0L,
                ProjectStatus.IN_OPERATION, 1L, ProjectStatus.CLOSED, 0L), grid.countProjectsByStatus(acme));
        assertEquals(Map.of(ProjectStatus.PLANNED, 0L, ProjectStatus.UNDER_CONSTRUCTION, 0L,
                ProjectStatus.IN_OPERATION, 0L, ProjectStatus.CLOSED, 1L), grid.countProjectsByStatus(beta));
    }

    @Test
    void serviceRateReferencesCountTheCustomersProjects() {
        assertEquals("projects", rateReferences.referrers());
        // rate 7 exists for both customers (as if ids were shared), so only tenant scoping tells them apart
        tariff.rate(acme, 7, 8).rate(beta, 7);
        Site a = site(acme, "North");
        Project p1 = project(acme, a, "P1", null, 7L, 8L);
        project(acme, a, "P2", null, 7L);
        project(beta, site(beta, "North"), "P1", null, 7L);
        assertEquals(2, rateReferences.countReferences(acme, 7));
        assertEquals(1, rateReferences.countReferences(acme, 8));
        assertEquals(1, rateReferences.countReferences(beta, 7));
        assertEquals(0, rateReferences.countReferences(beta, 8));
        assertEquals(0, rateReferences.countReferences(acme, 9));

        grid.updateProject(acme, p1.id(), new ProjectInput(a.id(), "P1", null, List.of(8L), null, null, null, null,
                null, null));
        assertEquals(1, rateReferences.countReferences(acme, 7));
        grid.deleteProject(acme, p1.id());
        assertEquals(0, rateReferences.countReferences(acme, 8));
        assertEquals(1, rateReferences.countReferences(beta, 7));
        assertEquals(List.of(7L), grid.listProjects(beta, PageRequest.first(10)).items().get(0).serviceRateIds());
    }

    // ---------------------------------------------------------------- power grids

    @Test
    void powerGridHierarchyAndPaths() {
        PowerGrid north = powerGrid(acme, null, "North");
        PowerGrid feeder = powerGrid(acme, north, "Feeder 1");
        PowerGrid tr7 = grid.createPowerGrid(acme, new PowerGridInput(feeder.id(), " TR-7 ", " T7 ", 50.1, 8.6));
        PowerGrid south = powerGrid(acme, null, "South");
        assertEquals(new PowerGrid(tr7.id(), feeder.id(), "TR-7", "T7", 50.1, 8.6, "North / Feeder 1 / TR-7"), tr7);
        assertEquals(tr7, grid.getPowerGrid(acme, tr7.id()));
        assertEquals("North", north.path());
        assertNull(north.parentId());

        // renaming an ancestor changes the paths below it
        grid.updatePowerGrid(acme, north.id(), new PowerGridInput(null, "Nord", null, null, null));
        assertEquals("Nord / Feeder 1 / TR-7", grid.getPowerGrid(acme, tr7.id()).path());

        // moving a subtree
        PowerGrid moved = grid.updatePowerGrid(acme, feeder.id(), new PowerGridInput(south.id(), "Feeder 1", null, null,
                null));
        assertEquals("South / Feeder 1", moved.path());
        assertEquals(south.id(), moved.parentId());
        assertEquals("South / Feeder 1 / TR-7", grid.getPowerGrid(acme, tr7.id()).path());

        // and back to the top level
        assertEquals("Feeder 1", grid.updatePowerGrid(acme, feeder.id(),
                new PowerGridInput(null, "Feeder 1", null, null, null)).path());
    }

    @Test
    void treeListsParentsBeforeChildren() {
        PowerGrid b = powerGrid(acme, null, "B");
        PowerGrid a = powerGrid(acme, null, "A");
        PowerGrid b2 = powerGrid(acme, b, "B2");
        PowerGrid b1 = powerGrid(acme, b, "B1");
        PowerGrid b11 = powerGrid(acme, b1, "B11");
        PowerGrid a1 = powerGrid(acme, a, "A1");
        // a grid made a subordinate of one created after it
        PowerGrid c = powerGrid(acme, null, "C");
        grid.updatePowerGrid(acme, a.id(), new PowerGridInput(c.id(), "A", null, null, null));

        List<PowerGrid> tree = grid.powerGridTree(acme);
        assertEquals(List.of("B", "B / B1", "B / B1 / B11", "B / B2", "C", "C / A", "C / A / A1"),
                tree.stream().map(PowerGrid::path).collect(Collectors.toList()));
        for (int i = 0; i < tree.size(); i++) {
            Long parent = tree.get(i).parentId();
            if (parent != null) {
                int at = i;
                assertTrue(tree.subList(0, at).stream().anyMatch(g -> g.id() == parent), tree.get(i).path());
            }
        }
        assertEquals(Set.of(b.id(), a.id(), b2.id(), b1.id(), b11.id(), a1.id(), c.id()),
                tree.stream().map(PowerGrid::id).collect(Collectors.toSet()));
        assertEquals(List.of(), grid.powerGridTree(beta));
    }

    @Test
    void aGridCannotBecomeItsOwnAncestor() {
        PowerGrid north = powerGrid(acme, null, "North");
        PowerGrid feeder = powerGrid(acme, north, "Feeder 1");
        PowerGrid tr7 = powerGrid(acme, feeder, "TR-7");
        for (PowerGrid parent : List.of(north, feeder, tr7)) {
            ValidationException e = assertThrows(ValidationException.class, () -> grid.updatePowerGrid(acme, north.id(),
                    new PowerGridInput(parent.id(), "North", null, null, null)));
            assertEquals("parentId", e.errors().get(0).field());
            assertTrue(e.getMessage().contains("would make a cycle"), e.getMessage());
        }
        assertThrows(ValidationException.class, () -> grid.updatePowerGrid(acme, feeder.id(),
                new PowerGridInput(tr7.id(), "Feeder 1", null, null, null)));
        // unchanged
        assertEquals("North / Feeder 1 / TR-7", grid.getPowerGrid(acme, tr7.id()).path());
        assertNull(grid.getPowerGrid(acme, north.id()).parentId());
        // a sideways move is fine
        PowerGrid south = powerGrid(acme, null, "South");
        assertEquals("North / South", grid.updatePowerGrid(acme, south.id(),
                new PowerGridInput(north.id(), "South", null, null, null)).path());
    }

    @Test
    void badPowerGridInputNamesTheFields() {
        ValidationException e = assertThrows(ValidationException.class, () -> grid.createPowerGrid(acme,
                new PowerGridInput(null, null, "x".repeat(33), 1.0, 500.0)));
        assertEquals(Set.of("name", "shortName", "longitude"), fields(e));
        ValidationException parent = assertThrows(ValidationException.class, () -> grid.createPowerGrid(acme,
                new PowerGridInput(4711L, "X", null, null, null)));
        assertEquals(List.of(new FieldError("parentId", "is not a power grid of this customer")), parent.errors());
        assertEquals(Set.of("name"), fields(assertThrows(ValidationException.class,
                () -> grid.createPowerGrid(acme, null))));
    }

    @Test
    void gridNamesAreUniqueAmongSiblings() {
        PowerGrid north = powerGrid(acme, null, "North");
        PowerGrid south = powerGrid(acme, null, "South");
        powerGrid(acme, north, "Feeder 1");
        ConflictException e = assertThrows(ConflictException.class, () -> powerGrid(acme, north, "feeder 1"));
        assertEquals("name", e.field());
        assertEquals("A power grid named Feeder 1 already exists under North.", e.getMessage());
        assertEquals("name", assertThrows(ConflictException.class, () -> powerGrid(acme, null, "NORTH")).field());
        // the same name under another superior is fine
        PowerGrid southFeeder = powerGrid(acme, south, "Feeder 1");
        // but moving it next to its namesake is not
        assertThrows(ConflictException.class, () -> grid.updatePowerGrid(acme, southFeeder.id(),
                new PowerGridInput(north.id(), "Feeder 1", null, null, null)));
        assertEquals(4, grid.powerGridTree(acme).size());
    }

    @Test
    void gridWithSubordinatesOrReferencesCannotBeDeleted() {
        PowerGrid north = powerGrid(acme, null, "North");
        PowerGrid feeder = powerGrid(acme, north, "Feeder 1");
        ConflictException e = assertThrows(ConflictException.class, () -> grid.deletePowerGrid(acme, north.id()));
        assertEquals("Power grid North has 1 subordinate grid(s); delete or move those first.", e.getMessage());

        References topology = new References(acme, GridObject.POWER_GRID, feeder.id(), 5);
        grid.addReferences(topology);
        e = assertThrows(ConflictException.class, () -> grid.deletePowerGrid(acme, feeder.id()));
        assertEquals("Power grid Feeder 1 is used by 5 POCs; change those first.", e.getMessage());
        topology.count.set(0);
        grid.deletePowerGrid(acme, feeder.id());
        grid.deletePowerGrid(acme, north.id());
        assertEquals(List.of(), grid.powerGridTree(acme));
        assertThrows(NotFoundException.class, () -> grid.deletePowerGrid(acme, north.id()));
    }

    // ---------------------------------------------------------------- customers, roles, lists

    @Test
    void customersCannotSeeOrTouchEachOthersData() {
        tariff.rate(acme, 7).rate(beta, 8);
        Site acmeSite = site(acme, "North");
        Project acmeProject = project(acme, acmeSite, "P1", null, 7L);
        PowerGrid acmeGrid = powerGrid(acme, null, "North");

        assertEquals(0, grid.listSites(beta, PageRequest.first(10)).total());
        assertEquals(0, grid.listProjects(beta, PageRequest.first(10)).total());
        assertEquals(0, grid.listPowerGrids(beta, PageRequest.first(10)).total());
        assertThrows(NotFoundException.class, () -> grid.getSite(beta, acmeSite.id()));
        assertThrows(NotFoundException.class, () -> grid.getProject(beta, acmeProject.id()));
        assertThrows(NotFoundException.class, () -> grid.getPowerGrid(beta, acmeGrid.id()));
        assertThrows(NotFoundException.class,
                () -> grid.updateSite(beta, acmeSite.id(), new SiteInput("Hack", null, null, null, null)));
        assertThrows(NotFoundException.class, () -> grid.updateProject(beta, acmeProject.id(),
                new ProjectInput(acmeSite.id(), "Hack", null, null, null, null, null, null, null, null)));
        assertThrows(NotFoundException.class, () -> grid.updatePowerGrid(beta, acmeGrid.id(),
                new PowerGridInput(null, "Hack", null, null, null)));
        assertThrows(NotFoundException.class, () -> grid.deleteProject(beta, acmeProject.id()));
        assertThrows(NotFoundException.class, () -> grid.deleteSite(beta, acmeSite.id()));
        assertThrows(NotFoundException.class, () -> grid.deletePowerGrid(beta, acmeGrid.id()));

        // beta cannot point at acme's site, rate or grid
        Site betaSite = site(beta, "North");
        assertEquals(Set.of("siteId"), fields(assertThrows(ValidationException.class, () -> grid.createProject(beta,
                new ProjectInput(acmeSite.id(), "P1", null, null, null, null, null, null, null, null)))));
        assertEquals(Set.of("serviceRateIds"), fields(assertThrows(ValidationException.class,
                () -> project(beta, betaSite, "P1", null, 7L))));
        assertEquals(Set.of("parentId"), fields(assertThrows(ValidationException.class,
                () -> powerGrid(beta, acmeGrid, "Below"))));

        // the same names are free for beta
        Project betaProject = project(beta, betaSite, "P1", null, 8L);
        PowerGrid betaGrid = powerGrid(beta, null, "North");
        assertEquals("North", betaGrid.path());
        assertEquals(List.of(8L), betaProject.serviceRateIds());
        // and acme's data is untouched
        assertEquals("North", grid.getSite(acme, acmeSite.id()).name());
        assertEquals(acmeProject, grid.getProject(acme, acmeProject.id()));
        assertEquals(acmeGrid, grid.getPowerGrid(acme, acmeGrid.id()));
        assertEquals(1, grid.listProjects(acme, PageRequest.first(10)).total());
    }

    @Test
    void viewerReadsButCannotWrite() {
        Site s = site(acme, "North");
        Caller viewer = caller(10, Role.VIEWER);
        assertEquals(1, grid.listSites(viewer, PageRequest.first(10)).total());
        assertEquals(s, grid.getSite(viewer, s.id()));
        assertEquals(0, grid.powerGridTree(viewer).size());
        assertThrows(ForbiddenException.class, () -> site(viewer, "South"));
        assertThrows(ForbiddenException.class, () -> grid.deleteSite(viewer, s.id()));
        assertThrows(ForbiddenException.class, () -> project(viewer, s, "P1", null));
        assertThrows(ForbiddenException.class, () -> powerGrid(viewer, null, "North"));
    }

    @Test
    void sitesPageSortAndFilterOnTheServer() {
        for (int i = 0; i < 30; i++) {
            grid.createSite(acme, new SiteInput(String.format("Site %02d", i), "S" + (29 - i), null, null,
                    i % 2 == 0 ? "Europe/Berlin" : "UTC"));
        }
        List<String> page = grid.listSites(acme, new PageRequest(10, 5, "name", false, "")).items().stream()
                .map(Site::name).collect(Collectors.toList());
        assertEquals(List.of("Site 19", "Site 18", "Site 17", "Site 16", "Site 15"), page);
        var byShortName = grid.listSites(acme, new PageRequest(0, 3, "shortName", true, "s1"));
        assertEquals(11, byShortName.total()); // short names S1, S10..S19; no name contains "s1"
        assertEquals(List.of("S1", "S10", "S11"), byShortName.items().stream().map(Site::shortName)
                .collect(Collectors.toList()));
        assertEquals("Europe/Berlin", grid.listSites(acme, new PageRequest(0, 1, "timeZone", true, "")).items()
                .get(0).timeZone());
        assertEquals(0, grid.listSites(acme, new PageRequest(0, 5, null, true, "50%_")).total());
        assertThrows(ValidationException.class, () -> grid.listSites(acme, new PageRequest(0, 5, "id; drop", true, "")));
    }

    @Test
    void projectsPageSortAndFilterOnTheServer() {
        Site a = site(acme, "Alpha");
        Site z = site(acme, "Zulu");
        project(acme, z, "P1", ProjectStatus.PLANNED);
        project(acme, a, "P2", ProjectStatus.CLOSED);
        project(acme, z, "P3", ProjectStatus.IN_OPERATION);
        grid.createProject(acme, new ProjectInput(a.id(), "Other", "OT", null, null, LocalDate.of(2025, 1, 1), null,
                null, null, null));
        assertEquals(List.of("P2", "Other", "P1", "P3"), names(grid.listProjects(acme,
                new PageRequest(0, 10, "site", true, "")).items()));
        assertEquals(List.of("P2", "P3", "P1", "Other"), names(grid.listProjects(acme,
                new PageRequest(0, 10, "status", true, "")).items()));
        assertEquals(List.of("P3", "P1"), names(grid.listProjects(acme,
                new PageRequest(0, 10, "name", false, "zul")).items()));
        assertEquals(List.of("Other"), names(grid.listProjects(acme, new PageRequest(0, 10, "name", true, "ot")).items()));
        assertEquals("Other", grid.listProjects(acme, new PageRequest(0, 1, "startDate", true, "")).items().get(0).name());
        for (String sort : List.of("shortName", "endDate", "billingStartDate")) {
            assertEquals(4, grid.listProjects(acme, new PageRequest(0, 10, sort, true, "")).items().size());
        }
        assertEquals(2, grid.listProjects(acme, new PageRequest(1, 2, null, true, "")).items().size());
        assertThrows(ValidationException.class, () -> grid.listProjects(acme, new PageRequest(0, 5, "tenant", true, "")));
    }

    private static List<String> names(List<Project> projects) {
        return projects.stream().map(Project::name).collect(Collectors.toList());
    }

    @Test
    void powerGridsPageSortAndFilter() {
        PowerGrid north = powerGrid(acme, null, "North");
        PowerGrid feeder = grid.createPowerGrid(acme, new PowerGridInput(north.id(), "Feeder 1", "F1", null, null));
        powerGrid(acme, feeder, "TR-7");
        powerGrid(acme, null, "Anton");
        powerGrid(acme, north, "Feeder 2");
        var all = grid.listPowerGrids(acme, PageRequest.first(10));
        assertEquals(5, all.total());
        assertEquals(List.of("Anton", "North", "North / Feeder 1", "North / Feeder 1 / TR-7", "North / Feeder 2"),
                all.items().stream().map(PowerGrid::path).collect(Collectors.toList()));
        var page = grid.listPowerGrids(acme, new PageRequest(1, 2, "name", false, ""));
        assertEquals(5, page.total());
        assertEquals(List.of("North", "Feeder 2"), page.items().stream().map(PowerGrid::name).collect(Collectors.toList()));
        var feeders = grid.listPowerGrids(acme, new PageRequest(0, 10, "shortName", true, "FEEDER"));
        assertEquals(List.of("Feeder 1", "Feeder 2"), feeders.items().stream().map(PowerGrid::name)
                .collect(Collectors.toList())); // short names: F1 first, null last
        assertEquals(1, grid.listPowerGrids(acme, new PageRequest(0, 10, null, true, "f1")).total());
        assertEquals(0, grid.listPowerGrids(acme, new PageRequest(5, 10, null, true, "")).items().size());
        assertThrows(ValidationException.class, () -> grid.listPowerGrids(acme, new PageRequest(0, 5, "parent", true, "")));
    }

    @Test
    void dataSurvivesARestart() {
        tariff.rate(acme, 7);
        Site s = site(acme, "North");
        Project p = project(acme, s, "P1", ProjectStatus.UNDER_CONSTRUCTION, 7L);
        PowerGrid g = powerGrid(acme, powerGrid(acme, null, "North"), "Feeder 1");
        grid = newService();
        assertEquals(s, grid.getSite(acme, s.id()));
        assertEquals(p, grid.getProject(acme, p.id()));
        assertEquals(g, grid.getPowerGrid(acme, g.id()));
        assertEquals(1, rateReferences.countReferences(acme, 7));
        Site next = site(acme, "South");
        assertTrue(next.id() != s.id());
    }
}
