package org.meterline.collection.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.meterline.archive.api.AcquisitionModule;
import org.meterline.archive.api.AcquisitionModuleService;
import org.meterline.collection.api.CollectionService;
import org.meterline.collection.api.CollectionTask;
import org.meterline.collection.api.ModuleSignal;
import org.meterline.collection.api.SignalPoint;
import org.meterline.collection.api.TaskTemplate;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Checks;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.readings.api.Reading;
import org.meterline.readings.api.ReadingPage;
import org.meterline.readings.api.ReadingStore;

/**
 * Network Monitor (manual §9.1) from what collection records: the last contact of a module is the latest
 * successful outcome of a meter read through it (outcomes carry the module since schema V2); its signal is
 * the reading a MODULE_SIGNAL run stored under {@link TemplateReader#SIGNAL_STRENGTH} for the meter of its
 * latest successful signal outcome (looked up in the hour before that outcome). Quality is not stored: it is
 * derived from dBm as GSM CSQ, as the DLMS driver derives dBm from the module's quality.
 */
final class NetworkMonitor {

    /** Without a signal task and without configuration: a day. */
    static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    /** How far before its outcome a signal reading is looked for. */
    private static final Duration SIGNAL_LOOKBACK = Duration.ofHours(1);

    private final CollectionStore store;
    private final AcquisitionModuleService modules;
    private final ReadingStore readings;
    private final int onlineWindowMinutes;

    NetworkMonitor(CollectionStore store, AcquisitionModuleService modules, ReadingStore readings,
            int onlineWindowMinutes) {
        this.store = store;
        this.modules = modules;
        this.readings = readings;
        this.onlineWindowMinutes = onlineWindowMinutes;
    }

    /** The configured window, or twice the shortest enabled MODULE_SIGNAL interval, or 24 h. */
    Duration onlineWindow(long tenantId) {
        if (onlineWindowMinutes > 0) {
            return Duration.ofMinutes(onlineWindowMinutes);
        }
        return store.allTasks(tenantId).stream()
                .filter(t -> t.enabled() && t.template() == TaskTemplate.MODULE_SIGNAL)
                .mapToInt(CollectionTask::intervalMinutes).min()
                .stream().mapToObj(m -> Duration.ofMinutes(2L * m)).findFirst().orElse(DEFAULT_WINDOW);
    }

    Page<ModuleSignal> modules(Caller caller, PageRequest page) {
        return modules(caller, page, Instant.now());
    }

    /** The modules with their online status as seen at {@code now}. */
    Page<ModuleSignal> modules(Caller caller, PageRequest page, Instant now) {
        Page<AcquisitionModule> p = modules.listModules(caller, page);
        List<Long> ids = p.items().stream().map(AcquisitionModule::id).toList();
        Map<Long, Instant> contacts = store.lastContacts(caller.tenantId(), ids);
        Map<Long, CollectionStore.SignalOutcome> signals = store.latestSignalOutcomes(caller.tenantId(), ids);
        Duration window = onlineWindow(caller.tenantId());
        Instant since = now.minus(window);
        List<ModuleSignal> out = new ArrayList<>();
        for (AcquisitionModule m : p.items()) {
            Instant contact = contacts.get(m.id());
            Reading signal = null;
            CollectionStore.SignalOutcome so = signals.get(m.id());
            if (so != null) {
                signal = latestSignal(caller, so.meterId(), so.finished());
            }
            Integer dbm = signal == null ? null : signal.value().intValue();
            out.add(new ModuleSignal(m.id(), m.serialNumber(), m.type() == null ? "" : m.type().id(),
                    m.address() == null ? "" : m.address(), m.status() == null ? "" : m.status().id(), dbm,
                    dbm == null ? null : SignalPoint.qualityOf(dbm), signal == null ? null : signal.at(), contact,
                    contact != null && contact.isAfter(since), window.toMinutes()));
        }
        return new Page<>(out, p.total());
    }

    private Reading latestSignal(Caller caller, long meterId, Instant outcomeFinished) {
        Instant from = outcomeFinished.minus(SIGNAL_LOOKBACK);
        Instant to = outcomeFinished.plusSeconds(1);
        Reading last = null;
        for (int pages = 0; pages < 10; pages++) {
            ReadingPage rp = readings.readings(caller, meterId, TemplateReader.SIGNAL_STRENGTH, from, to, 500);
            if (!rp.readings().isEmpty()) {
                last = rp.readings().get(rp.readings().size() - 1);
            }
            if (rp.next().isEmpty()) {
                break;
            }
            from = rp.next().get();
        }
        return last;
    }

    List<SignalPoint> history(Caller caller, long moduleId, Instant from, Instant to) {
        Checks checks = new Checks().required("from", from).required("to", to);
        if (from != null && to != null && (!from.isBefore(to)
                || Duration.between(from, to).compareTo(Duration.ofDays(CollectionService.MAX_HISTORY_DAYS)) > 0)) {
            checks.fail("to", "must be after from and at most " + CollectionService.MAX_HISTORY_DAYS + " days after it");
        }
        checks.throwIfAny();
        modules.getModule(caller, moduleId); // not found for another customer's module
        // a signal is stored just before its outcome: outcomes up to an hour after the period may hold its meters
        Map<Long, String> meters = store.signalMeters(caller.tenantId(), moduleId, from, to.plus(SIGNAL_LOOKBACK));
        List<SignalPoint> out = new ArrayList<>();
        for (Map.Entry<Long, String> meter : meters.entrySet()) {
            Instant start = from;
            while (out.size() < CollectionService.MAX_HISTORY_POINTS) {
                int limit = Math.min(ReadingStore.MAX_LIMIT, CollectionService.MAX_HISTORY_POINTS - out.size());
                ReadingPage rp = readings.readings(caller, meter.getKey(), TemplateReader.SIGNAL_STRENGTH, start, to,
                        limit);
                for (Reading r : rp.readings()) {
                    int dbm = r.value().intValue();
                    out.add(new SignalPoint(r.at(), meter.getKey(), meter.getValue(), dbm, SignalPoint.qualityOf(dbm)));
                }
                if (rp.next().isEmpty()) {
                    break;
                }
                start = rp.next().get();
            }
        }
        out.sort(Comparator.comparing(SignalPoint::at).thenComparing(SignalPoint::meterSerial));
        return out;
    }
}
