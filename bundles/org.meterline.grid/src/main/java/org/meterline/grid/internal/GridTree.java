package org.meterline.grid.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The power grids of one customer as a hierarchy: paths, subordinates, parents-first order. A
 * customer has at most a few thousand grids, so the whole hierarchy is loaded and worked on in
 * memory. Every walk remembers where it has been, so even a cycle (which the service refuses)
 * cannot make it loop.
 */
final class GridTree {

    static final String PATH_SEPARATOR = " / ";

    private static final Comparator<PowerGridEntity> BY_NAME = Comparator
            .comparing((PowerGridEntity g) -> g.name.toLowerCase(Locale.ROOT)).thenComparing(g -> g.id);

    private final Map<Long, PowerGridEntity> byId = new LinkedHashMap<>();
    private final Map<Long, List<PowerGridEntity>> children = new HashMap<>();

    GridTree(Collection<PowerGridEntity> grids) {
        grids.forEach(g -> byId.put(g.id, g));
        for (PowerGridEntity g : grids) {
            // a grid whose superior is missing is shown as a root rather than lost
            Long parent = g.parentId != null && byId.containsKey(g.parentId) ? g.parentId : null;
            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(g);
        }
        children.values().forEach(list -> list.sort(BY_NAME));
    }

    Optional<PowerGridEntity> find(Long id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The names from the root down to the grid, joined with {@value #PATH_SEPARATOR}. */
    String path(PowerGridEntity grid) {
        Deque<String> names = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        for (PowerGridEntity g = grid; g != null && seen.add(g.id); g = g.parentId == null ? null : byId.get(g.parentId)) {
            names.addFirst(g.name);
        }
        return String.join(PATH_SEPARATOR, names);
    }

    /** True when {@code candidate} is the grid {@code gridId} itself or lies below it. */
    boolean isSelfOrBelow(long candidate, long gridId) {
        Set<Long> seen = new HashSet<>();
        for (Long id = candidate; id != null && seen.add(id); id = byId.containsKey(id) ? byId.get(id).parentId : null) {
            if (id == gridId) {
                return true;
            }
        }
        return false;
    }

    /** The grids directly below {@code parentId} (roots for null), by name. */
    List<PowerGridEntity> children(Long parentId) {
        return children.getOrDefault(parentId, List.of());
    }

    /** Every grid, each parent before its subordinates, siblings by name (depth first). */
    List<PowerGridEntity> parentsFirst() {
        List<PowerGridEntity> out = new ArrayList<>(byId.size());
        Set<Long> seen = new HashSet<>();
        Deque<PowerGridEntity> stack = new ArrayDeque<>();
        pushReversed(stack, children(null));
        while (!stack.isEmpty()) {
            PowerGridEntity g = stack.pop();
            if (seen.add(g.id)) {
                out.add(g);
                pushReversed(stack, children(g.id));
            }
        }
        // only a cycle (never stored by the service) can leave grids unreached; show them anyway
        byId.values().stream().filter(g -> !seen.contains(g.id)).forEach(out::add);
        return out;
    }

    private static void pushReversed(Deque<PowerGridEntity> stack, List<PowerGridEntity> grids) {
        for (int i = grids.size() - 1; i >= 0; i--) {
            stack.push(grids.get(i));
        }
    }
}
