package org.meterline.grid.api;

import java.util.List;
import java.util.Map;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;

/**
 * Sites, projects and power grids of the caller's customer (manual §2). Errors:
 * {@code ValidationException} naming the field, {@code ConflictException} for a duplicate name or
 * an object in use, {@code NotFoundException}.
 */
public interface GridService {

    /** Sort fields: name, shortName, timeZone. The filter matches name and short name. */
    Page<Site> listSites(Caller caller, PageRequest page);

    Site getSite(Caller caller, long id);

    Site createSite(Caller caller, SiteInput input);

    Site updateSite(Caller caller, long id, SiteInput input);

    /** Refused while projects of the site exist or something references it. */
    void deleteSite(Caller caller, long id);

    /** Sort fields: name, shortName, site, status, startDate, endDate, billingStartDate. */
    Page<Project> listProjects(Caller caller, PageRequest page);

    Project getProject(Caller caller, long id);

    /** The service rates must exist for the customer (checked with the tariff service). */
    Project createProject(Caller caller, ProjectInput input);

    Project updateProject(Caller caller, long id, ProjectInput input);

    void deleteProject(Caller caller, long id);

    /** How many projects the customer has in each status (all statuses present, zero included). */
    Map<ProjectStatus, Long> countProjectsByStatus(Caller caller);

    /** Sort fields: name, shortName, path. The filter matches name and short name. */
    Page<PowerGrid> listPowerGrids(Caller caller, PageRequest page);

    /** Every power grid of the customer, parents before children, for a tree. */
    List<PowerGrid> powerGridTree(Caller caller);

    PowerGrid getPowerGrid(Caller caller, long id);

    PowerGrid createPowerGrid(Caller caller, PowerGridInput input);

    /** A grid cannot become its own ancestor: the superior grid is checked for cycles. */
    PowerGrid updatePowerGrid(Caller caller, long id, PowerGridInput input);

    /** Refused while it has subordinate grids or something references it. */
    void deletePowerGrid(Caller caller, long id);
}
