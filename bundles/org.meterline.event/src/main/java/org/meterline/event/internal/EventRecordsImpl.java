package org.meterline.event.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.meterline.archive.api.Consumer;
import org.meterline.archive.api.ConsumerService;
import org.meterline.archive.api.Meter;
import org.meterline.archive.api.MeterService;
import org.meterline.archive.api.Poc;
import org.meterline.archive.api.PocService;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Checks;
import org.meterline.core.api.MeterlineException;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Permission;
import org.meterline.core.api.ValidationException;
import org.meterline.event.api.EventDetail;
import org.meterline.event.api.EventFilter;
import org.meterline.event.api.EventRecord;
import org.meterline.event.api.EventRecords;
import org.meterline.event.api.EventType;
import org.meterline.grid.api.GridService;
import org.meterline.grid.api.Site;
import org.meterline.readings.api.EventQuery;
import org.meterline.readings.api.MeterEvent;
import org.meterline.readings.api.ReadingStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event recording on the readings store: the filter becomes one {@link EventQuery} (a type or a
 * category becomes its logs and codes, a serial number its meter id); the rows get their type from
 * the catalogue and their meter's serial number from the archive.
 */
@Component(service = EventRecords.class)
public class EventRecordsImpl implements EventRecords {

    private static final Logger LOG = LoggerFactory.getLogger(EventRecordsImpl.class);
    /** POCs read at a time when looking for a meter's POC. */
    private static final int POC_PAGE = 200;

    private final ReadingStore store;
    private final MeterService meters;
    private final PocService pocs;
    private final ConsumerService consumers;
    private final GridService grid;
    private final EventCatalogue catalogue;

    @Activate
    public EventRecordsImpl(@Reference ReadingStore store, @Reference MeterService meters, @Reference PocService pocs,
            @Reference ConsumerService consumers, @Reference GridService grid) {
        this.store = store;
        this.meters = meters;
        this.pocs = pocs;
        this.consumers = consumers;
        this.grid = grid;
        this.catalogue = EventCatalogue.shipped();
        LOG.info("Event recording: {} event types", catalogue.types().size());
    }

    @Override
    public List<EventType> types() {
        return catalogue.types();
    }

    @Override
    public EventType type(ObisCode log, int code) {
        return catalogue.type(log, code);
    }

    @Override
    public Page<EventRecord> events(Caller caller, EventFilter filter, PageRequest page) {
        caller.require(Permission.read(AREA));
        new Checks().required("filter", filter).required("page", page).throwIfAny();
        checkPeriod(filter.from(), filter.to());
        if (page.sortField() != null && !"at".equals(page.sortField())) {
            throw new ValidationException("sort", "cannot sort by " + page.sortField() + "; use at");
        }
        // newest first unless the caller asks for "at" ascending
        PageRequest storePage = new PageRequest(page.offset(), page.limit(), "at",
                page.sortField() != null && page.ascending(), "");

        Set<Long> meterIds = Set.of();
        if (filter.meterSerial() != null) {
            Meter meter = meters.findMeter(caller, filter.meterSerial()).orElseThrow(() -> new ValidationException(
                    "meter", "no meter has the serial number " + filter.meterSerial()));
            meterIds = Set.of(meter.id());
        }
        Set<ObisCode> logs = Set.of();
        Set<Integer> codes = Set.of();
        if (filter.type() != null || filter.category() != null) {
            List<EventType> wanted = wantedTypes(filter);
            if (wanted.isEmpty()) {
                return new Page<>(List.of(), 0);
            }
            logs = wanted.stream().map(EventType::log).collect(Collectors.toCollection(LinkedHashSet::new));
            codes = wanted.stream().map(EventType::code).collect(Collectors.toCollection(LinkedHashSet::new));
            if (logs.size() * codes.size() != wanted.size()) {
                // a log x code query would find more than the chosen types
                throw new ValidationException("category", "its types span several logs with different codes; "
                        + "choose one type");
            }
        }
        Page<MeterEvent> found = store.events(caller, new EventQuery(meterIds, logs, codes, filter.from(), filter.to(),
                storePage));
        Map<Long, String> serials = new HashMap<>();
        List<EventRecord> items = new ArrayList<>(found.items().size());
        for (MeterEvent e : found.items()) {
            items.add(record(e, serials.computeIfAbsent(e.meterId(), id -> serial(caller, id))));
        }
        return new Page<>(items, found.total(), found.totalExact());
    }

    private List<EventType> wantedTypes(EventFilter filter) {
        List<EventType> wanted = new ArrayList<>();
        if (filter.type() != null) {
            EventType t = catalogue.byId(filter.type()).orElseThrow(() -> new ValidationException("type",
                    "unknown event type " + filter.type() + "; see /event-types"));
            wanted.add(t);
        } else {
            wanted.addAll(catalogue.types());
        }
        if (filter.category() != null) {
            wanted.removeIf(t -> t.category() != filter.category());
        }
        return wanted;
    }

    static void checkPeriod(Instant from, Instant to) {
        new Checks().required("from", from).required("to", to).throwIfAny();
        if (!from.isBefore(to)) {
            throw new ValidationException("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw new ValidationException("to", "the period may span at most " + MAX_DAYS + " days");
        }
    }

    @Override
    public EventDetail event(Caller caller, long meterId, ObisCode log, Instant at, int code) {
        caller.require(Permission.read(AREA));
        new Checks().required("log", log).required("at", at).throwIfAny();
        Instant when = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        List<MeterEvent> found = store.events(caller, new EventQuery(Set.of(meterId), Set.of(log), Set.of(code), when,
                when.plusMillis(1), PageRequest.first(1))).items();
        if (found.isEmpty()) {
            throw new NotFoundException("No event " + code + " of log " + log + " of meter " + meterId + " at " + when
                    + ".");
        }
        Optional<Meter> meter = meter(caller, meterId);
        EventRecord record = record(found.get(0), meter.map(Meter::serialNumber).orElse("#" + meterId));
        Optional<Poc> poc = meter.flatMap(m -> poc(caller, m));
        String consumerName = poc.flatMap(p -> consumerName(caller, p.consumerId())).orElse(null);
        Optional<Site> site = poc.flatMap(p -> site(caller, p.siteId()));
        ZoneId zone = site.flatMap(s -> zone(s.timeZone())).orElse(null);
        LocalDateTime siteTime = zone == null ? null : LocalDateTime.ofInstant(record.at(), zone);
        return new EventDetail(record, meter.map(Meter::modelName).orElse(null),
                meter.map(Meter::moduleSerial).orElse(null), poc.map(Poc::name).orElse(null),
                poc.map(Poc::consumerCode).orElse(null), consumerName, site.map(Site::name).orElse(null),
                zone == null ? null : zone.getId(), siteTime);
    }

    private EventRecord record(MeterEvent e, String serial) {
        return new EventRecord(e.meterId(), serial, e.log(), e.at(), e.code(), catalogue.type(e.log(), e.code()));
    }

    private String serial(Caller caller, long meterId) {
        return meter(caller, meterId).map(Meter::serialNumber).orElse("#" + meterId);
    }

    /** The meter, or empty when it left the archive (its events stay). */
    private Optional<Meter> meter(Caller caller, long meterId) {
        try {
            return Optional.of(meters.getMeter(caller, meterId));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The meter's active POC, else its latest one; the POC list's search matches the meter's serial number. */
    private Optional<Poc> poc(Caller caller, Meter meter) {
        List<Poc> mine = new ArrayList<>();
        try {
            for (int offset = 0;; offset += POC_PAGE) {
                Page<Poc> page = pocs.listPocs(caller, new PageRequest(offset, POC_PAGE, null, true,
                        meter.serialNumber()));
                page.items().stream().filter(p -> p.meterId() == meter.id()).forEach(mine::add);
                if (page.items().size() < POC_PAGE) {
                    break;
                }
            }
        } catch (MeterlineException e) {
            LOG.debug("POCs of meter {} not readable: {}", meter.id(), e.getMessage());
            return Optional.empty();
        }
        return mine.stream().max(Comparator.comparing(Poc::active).thenComparingLong(Poc::id));
    }

    private Optional<String> consumerName(Caller caller, long consumerId) {
        try {
            return Optional.ofNullable(consumers.getConsumer(caller, consumerId)).map(Consumer::name);
        } catch (MeterlineException e) {
            return Optional.empty();
        }
    }

    private Optional<Site> site(Caller caller, long siteId) {
        try {
            return Optional.of(grid.getSite(caller, siteId));
        } catch (MeterlineException e) {
            return Optional.empty();
        }
    }

    private static Optional<ZoneId> zone(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
