package org.meterline.collection.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.meterline.collection.api.CollectionTask;
import org.meterline.collection.api.DailySuccess;
import org.meterline.collection.api.FailedMeter;
import org.meterline.collection.api.OutcomeStatus;
import org.meterline.collection.internal.CollectionStore.OutcomeRow;

/** Meter Reading Statistics from outcome rows: per day per task, per day per grid, and the failed meters. */
final class Statistics {

    private Statistics() {
    }

    /** Meters tried and meters read, for one (day, task) or (day, grid). */
    private static final class Tally {
        final Set<Long> tried = new HashSet<>();
        final Set<Long> read = new HashSet<>();
    }

    /** The last failure of a meter in a task on a day. */
    private static final class Failure {
        OutcomeRow last;
        int count;
    }

    record Result(List<DailySuccess> byTask, List<DailySuccess> byGrid, List<FailedMeter> failed) {
    }

    static Result of(List<OutcomeRow> rows, Map<Long, CollectionTask> tasks, Map<Long, String> gridNames, ZoneId zone) {
        Map<LocalDate, Map<Long, Tally>> perTask = new TreeMap<>();
        Map<LocalDate, Map<Long, Tally>> perGrid = new TreeMap<>();
        Map<List<Object>, Failure> failures = new LinkedHashMap<>();
        for (OutcomeRow r : rows) {
            CollectionTask task = tasks.get(r.taskId());
            if (task == null) {
                continue;
            }
            LocalDate day = r.runStarted().atZone(zone).toLocalDate();
            Tally t = perTask.computeIfAbsent(day, d -> new HashMap<>()).computeIfAbsent(task.id(), k -> new Tally());
            Tally g = perGrid.computeIfAbsent(day, d -> new HashMap<>()).computeIfAbsent(task.gridId(), k -> new Tally());
            t.tried.add(r.meterId());
            g.tried.add(r.meterId());
            if (r.status() == OutcomeStatus.SUCCEEDED) {
                t.read.add(r.meterId());
                g.read.add(r.meterId());
            } else {
                Failure f = failures.computeIfAbsent(List.of(day, task.id(), r.meterId()), k -> new Failure());
                f.last = r;
                f.count++;
            }
        }
        List<DailySuccess> byTask = new ArrayList<>();
        perTask.forEach((day, m) -> m.forEach((id, t) -> byTask.add(success(day, id, tasks.get(id).name(), t))));
        byTask.sort(Comparator.comparing(DailySuccess::day).thenComparing(DailySuccess::name));
        List<DailySuccess> byGrid = new ArrayList<>();
        perGrid.forEach((day, m) -> m.forEach((id, t) -> byGrid.add(success(day, id,
                gridNames.getOrDefault(id, "#" + id), t))));
        byGrid.sort(Comparator.comparing(DailySuccess::day).thenComparing(DailySuccess::name));
        List<FailedMeter> failed = new ArrayList<>();
        failures.forEach((key, f) -> {
            LocalDate day = (LocalDate) key.get(0);
            CollectionTask task = tasks.get((Long) key.get(1));
            if (!perTask.get(day).get(task.id()).read.contains(f.last.meterId())) {
                failed.add(new FailedMeter(day, task.id(), task.name(), task.gridId(), f.last.meterId(),
                        f.last.meterSerial(), f.last.errorKind(), f.last.message(), f.count));
            }
        });
        failed.sort(Comparator.comparing(FailedMeter::day).reversed().thenComparing(FailedMeter::taskName)
                .thenComparing(FailedMeter::meterSerial));
        return new Result(byTask, byGrid, failed);
    }

    private static DailySuccess success(LocalDate day, long id, String name, Tally t) {
        int meters = t.tried.size();
        int read = t.read.size();
        return new DailySuccess(day, id, name, meters, read, meters - read, meters == 0 ? 0 : (double) read / meters);
    }
}
