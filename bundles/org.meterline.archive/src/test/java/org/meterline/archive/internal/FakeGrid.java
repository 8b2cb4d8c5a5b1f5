package org.meterline.archive.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.meterline.core.api.Caller;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.grid.api.GridService;
import org.meterline.grid.api.PowerGrid;
import org.meterline.grid.api.PowerGridInput;
import org.meterline.grid.api.Project;
import org.meterline.grid.api.ProjectInput;
import org.meterline.grid.api.ProjectStatus;
import org.meterline.grid.api.Site;
import org.meterline.grid.api.SiteInput;

/** Sites, projects and grids held in maps per customer; only what POCs read. */
final class FakeGrid implements GridService {

    private final Map<String, Object> objects = new HashMap<>();

    private static String key(long tenant, String kind, long id) {
        return tenant + "/" + kind + "/" + id;
    }

    Site site(long tenant, long id) {
        Site s = new Site(id, "Site " + id, null, null, null, "UTC");
        objects.put(key(tenant, "site", id), s);
        return s;
    }

    Project project(long tenant, long id, long siteId, List<Long> rates) {
        Project p = new Project(id, siteId, "Site " + siteId, "Project " + id, null, rates, null, null, null,
                ProjectStatus.IN_OPERATION, null, null);
        objects.put(key(tenant, "project", id), p);
        return p;
    }

    PowerGrid grid(long tenant, long id) {
        PowerGrid g = new PowerGrid(id, null, "Grid " + id, null, null, null, "Grid " + id);
        objects.put(key(tenant, "grid", id), g);
        return g;
    }

    @SuppressWarnings("unchecked")
    private <T> T get(Caller caller, String kind, long id) {
        Object o = objects.get(key(caller.tenantId(), kind, id));
        if (o == null) {
            throw NotFoundException.of(kind, id);
        }
        return (T) o;
    }

    @Override
    public Site getSite(Caller caller, long id) {
        return get(caller, "site", id);
    }

    @Override
    public Project getProject(Caller caller, long id) {
        return get(caller, "project", id);
    }

    @Override
    public PowerGrid getPowerGrid(Caller caller, long id) {
        return get(caller, "grid", id);
    }

    @Override public Page<Site> listSites(Caller c, PageRequest p) { throw new UnsupportedOperationException(); }
    @Override public Site createSite(Caller c, SiteInput i) { throw new UnsupportedOperationException(); }
    @Override public Site updateSite(Caller c, long id, SiteInput i) { throw new UnsupportedOperationException(); }
    @Override public void deleteSite(Caller c, long id) { throw new UnsupportedOperationException(); }
    @Override public Page<Project> listProjects(Caller c, PageRequest p) { throw new UnsupportedOperationException(); }
    @Override public Project createProject(Caller c, ProjectInput i) { throw new UnsupportedOperationException(); }
    @Override public Project updateProject(Caller c, long id, ProjectInput i) { throw new UnsupportedOperationException(); }
    @Override public void deleteProject(Caller c, long id) { throw new UnsupportedOperationException(); }
    @Override public Map<ProjectStatus, Long> countProjectsByStatus(Caller c) { throw new UnsupportedOperationException(); }
    @Override public Page<PowerGrid> listPowerGrids(Caller c, PageRequest p) { throw new UnsupportedOperationException(); }
    @Override public List<PowerGrid> powerGridTree(Caller c) { throw new UnsupportedOperationException(); }
    @Override public PowerGrid createPowerGrid(Caller c, PowerGridInput i) { throw new UnsupportedOperationException(); }
    @Override public PowerGrid updatePowerGrid(Caller c, long id, PowerGridInput i) { throw new UnsupportedOperationException(); }
    @Override public void deletePowerGrid(Caller c, long id) { throw new UnsupportedOperationException(); }
}
