package org.meterline.collection.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.meterline.archive.api.Meter;
import org.meterline.archive.api.MeterService;
import org.meterline.archive.api.Poc;
import org.meterline.archive.api.PocService;
import org.meterline.collection.api.CollectionTask;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.grid.api.GridService;
import org.meterline.grid.api.PowerGrid;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A task's meters from the archive: the meters of the active POCs on the task's power grid or a
 * grid below it, narrowed to the task's meter model. It pages through the customer's POCs and
 * meters (fine for tens of thousands); a direct query can replace it later.
 */
@Component(service = MeterSelector.class)
public class ArchiveMeterSelector implements MeterSelector {

    private final GridService grids;
    private final PocService pocs;
    private final MeterService meters;

    @Activate
    public ArchiveMeterSelector(@Reference GridService grids, @Reference PocService pocs,
            @Reference MeterService meters) {
        this.grids = grids;
        this.pocs = pocs;
        this.meters = meters;
    }

    @Override
    public List<Target> select(Caller caller, CollectionTask task) {
        grids.getPowerGrid(caller, task.gridId()); // not found when the grid was deleted meanwhile
        Set<Long> gridIds = subtree(grids.powerGridTree(caller), task.gridId());
        Set<Long> meterIds = new HashSet<>();
        int offset = 0;
        List<Poc> page;
        do {
            page = pocs.listPocs(caller, new PageRequest(offset, PageRequest.MAX_LIMIT, null, true, "")).items();
            for (Poc p : page) {
                if (p.active() && p.powerGridId() != null && gridIds.contains(p.powerGridId())) {
                    meterIds.add(p.meterId());
                }
            }
            offset += page.size();
        } while (page.size() == PageRequest.MAX_LIMIT);
        List<Target> out = new ArrayList<>();
        if (meterIds.isEmpty()) {
            return out;
        }
        offset = 0;
        Page<Meter> mp;
        do {
            mp = meters.listMeters(caller, new PageRequest(offset, PageRequest.MAX_LIMIT, "serialNumber", true, ""), null);
            for (Meter m : mp.items()) {
                if (meterIds.contains(m.id()) && (task.modelId() == null || task.modelId() == m.modelId())) {
                    out.add(new Target(m.id(), m.serialNumber(), m.moduleId()));
                }
            }
            offset += mp.items().size();
        } while (mp.items().size() == PageRequest.MAX_LIMIT);
        return out;
    }

    /** The grid and its descendants; the tree lists parents before children. */
    static Set<Long> subtree(List<PowerGrid> tree, long rootId) {
        Set<Long> ids = new HashSet<>();
        ids.add(rootId);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (PowerGrid g : tree) {
                if (g.parentId() != null && ids.contains(g.parentId()) && ids.add(g.id())) {
                    grew = true;
                }
            }
        }
        return ids;
    }
}
