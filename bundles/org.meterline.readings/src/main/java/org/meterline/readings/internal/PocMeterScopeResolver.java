package org.meterline.readings.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.meterline.archive.api.Poc;
import org.meterline.archive.api.PocService;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.grid.api.GridService;
import org.meterline.grid.api.PowerGrid;
import org.meterline.readings.api.MeterScopeResolver;
import org.meterline.readings.api.Scope;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The meters of a POC, project or power grid, from the archive's POC list (active and ended
 * POCs alike: the archive records no validity period yet). A grid includes the grids below it.
 * It pages through every POC of the customer, which is fine for thousands of POCs; a resolver
 * with a direct query can replace it by registering with a higher {@code service.ranking}.
 */
@Component(service = MeterScopeResolver.class, property = "service.ranking:Integer=-100")
public class PocMeterScopeResolver implements MeterScopeResolver {

    private final PocService pocs;
    private final GridService grids;

    @Activate
    public PocMeterScopeResolver(@Reference PocService pocs, @Reference GridService grids) {
        this.pocs = pocs;
        this.grids = grids;
    }

    @Override
    public Set<Long> meterIds(Caller caller, Scope scope) {
        switch (scope.kind()) {
            case METER:
                return Set.of(scope.id());
            case POC:
                return Set.of(pocs.getPoc(caller, scope.id()).meterId());
            case PROJECT:
                grids.getProject(caller, scope.id()); // not found for another customer's project
                return meters(caller, p -> p.projectId() == scope.id());
            case GRID:
                grids.getPowerGrid(caller, scope.id());
                Set<Long> subtree = subtree(grids.powerGridTree(caller), scope.id());
                return meters(caller, p -> p.powerGridId() != null && subtree.contains(p.powerGridId()));
            default:
                throw new IllegalArgumentException(scope.kind().name());
        }
    }

    /** The grid and its descendants; the tree lists parents before children. */
    static Set<Long> subtree(List<PowerGrid> tree, long rootId) {
        Set<Long> ids = new HashSet<>();
        ids.add(rootId);
        for (PowerGrid g : tree) {
            if (g.parentId() != null && ids.contains(g.parentId())) {
                ids.add(g.id());
            }
        }
        return ids;
    }

    private Set<Long> meters(Caller caller, Predicate<Poc> in) {
        Set<Long> out = new HashSet<>();
        List<Poc> page;
        int offset = 0;
        do {
            Page<Poc> p = pocs.listPocs(caller, new PageRequest(offset, PageRequest.MAX_LIMIT, null, true, ""));
            page = new ArrayList<>(p.items());
            for (Poc poc : page) {
                if (in.test(poc)) {
                    out.add(poc.meterId());
                }
            }
            offset += page.size();
        } while (page.size() == PageRequest.MAX_LIMIT);
        return out;
    }
}
