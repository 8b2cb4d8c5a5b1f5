package org.meterline.collection.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.core.osgi.OsgiDefaultCamelContext;
import org.meterline.collection.api.CollectionTask;
import org.meterline.collection.api.MeterOutcome;
import org.meterline.collection.api.OutcomeStatus;
import org.meterline.collection.api.RunState;
import org.meterline.collection.api.TaskRun;
import org.meterline.collection.api.TaskTemplate;
import org.meterline.collection.internal.Messages.MeterJob;
import org.meterline.collection.internal.Messages.ReadResult;
import org.meterline.collection.internal.Messages.RunStart;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Role;
import org.meterline.driver.api.DriverError;
import org.meterline.driver.api.MeterAccess;
import org.meterline.driver.api.Result;
import org.meterline.readings.api.Reading;
import org.meterline.readings.api.ReadingPage;
import org.meterline.readings.api.ReadingStore;
import org.meterline.readings.api.WriteOutcome;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collection route set, in its own CamelContext:
 * <ul>
 * <li>{@code collection-run} (from the run endpoint): selects the task's meters and splits the run into one
 * job per meter, read in parallel on a bounded pool ({@code readThreads});</li>
 * <li>{@code collection-read} (direct): reads one meter through {@link MeterAccess}, at most
 * {@code perModuleLimit} at a time behind one acquisition module; a retryable driver error is retried
 * with exponential backoff and jitter (Camel redelivery), a non-retryable one fails at once with its kind;
 * the result goes to the store endpoint;</li>
 * <li>{@code collection-store} (from the store endpoint, by default an in-JVM seda queue): writes the
 * readings to the {@link ReadingStore} (idempotent) and records the meter's outcome, the results of the
 * meters waiting at that moment together ({@link StoreBatcher}); the last outcome of a run finishes it.</li>
 * </ul>
 */
@Component(service = RunLauncher.class, configurationPid = "org.meterline.collection", immediate = true)
@Designate(ocd = Config.class)
public class CollectionRoutes implements RunLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(CollectionRoutes.class);
    static final String ATTEMPTS = "meterline.attempts";
    static final String LAST_ERROR = "meterline.lastError";

    private final CamelContext camel;
    private final Settings settings;
    private final CollectionStore store;
    private final MeterAccess access;
    private final ReadingStore readings;
    private final MeterSelector selector;
    private final ExecutorService readPool;
    private final ProducerTemplate producer;
    private final StoreBatcher storing;
    private final Map<Long, Semaphore> modules = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> remaining = new ConcurrentHashMap<>();
    /** Per LOAD_PROFILE run: the meters whose previous run ended at this period's start (no gap to fill). */
    private final Map<Long, Set<Long>> continuing = new ConcurrentHashMap<>();
    private final AtomicInteger reading = new AtomicInteger();
    private final AtomicInteger maxReading = new AtomicInteger();
    private final Map<Long, AtomicInteger> moduleReading = new ConcurrentHashMap<>();
    private final AtomicInteger maxModuleReading = new AtomicInteger();

    @Activate
    public CollectionRoutes(BundleContext bundleContext, Config config, @Reference CollectionStore store,
            @Reference MeterAccess access, @Reference ReadingStore readings, @Reference MeterSelector selector)
            throws Exception {
        this(new OsgiDefaultCamelContext(bundleContext), Settings.of(config), store, access, readings, selector);
    }

    CollectionRoutes(CamelContext camel, Settings settings, CollectionStore store, MeterAccess access,
            ReadingStore readings, MeterSelector selector) throws Exception {
        this.camel = camel;
        this.settings = settings;
        this.store = store;
        this.access = access;
        this.readings = readings;
        this.selector = selector;
        this.storing = new StoreBatcher(readings, store, settings.storeBatchRows(), settings.storeLingerMillis());
        int aborted = store.abortRunning("the platform stopped during the run");
        if (aborted > 0) {
            LOG.warn("{} collection run(s) left running by a previous start were marked aborted", aborted);
        }
        this.readPool = Executors.newFixedThreadPool(settings.readThreads(), threads("meterline-collection-read"));
        if (camel instanceof org.apache.camel.impl.engine.AbstractCamelContext named) {
            named.setName("meterline-collection");
        }
        // camel-core-osgi's context is initialised in its constructor: routes added before start() are never
        // started, so start first and add the routes to the running context
        camel.start();
        camel.addRoutes(routes());
        this.producer = camel.createProducerTemplate();
        LOG.info("Collection routes started: run {}, store {} ({}), {} read threads, {} per module, {} attempts",
                settings.runEndpoint(), settings.storeEndpoint(), settings.storeJson() ? "json" : "object",
                settings.readThreads(), settings.perModuleLimit(), settings.maxAttempts());
    }

    @Deactivate
    void deactivate() {
        try {
            producer.stop();
        } catch (RuntimeException e) {
            LOG.debug("producer stop", e);
        }
        camel.stop();
        readPool.shutdownNow();
        try {
            readPool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int aborted = store.abortRunning("collection stopped during the run");
        LOG.info("Collection routes stopped{}", aborted > 0 ? "; " + aborted + " run(s) aborted" : "");
    }

    private RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(settings.runEndpoint()).routeId("collection-run")
                        .onException(Exception.class).handled(true).process(CollectionRoutes.this::abortRun).end()
                        .process(CollectionRoutes.this::selectMeters)
                        .split(body()).parallelProcessing().executorService(readPool)
                            .to("direct:collection-read")
                        .end();

                from("direct:collection-read").routeId("collection-read")
                        .onException(RetryableReadException.class)
                            .maximumRedeliveries(settings.maxAttempts() - 1)
                            .redeliveryDelay(settings.retryDelayMillis())
                            .useExponentialBackOff().backOffMultiplier(settings.retryMultiplier())
                            .maximumRedeliveryDelay(settings.retryMaxDelayMillis())
                            .useCollisionAvoidance().collisionAvoidanceFactor(settings.retryJitter())
                            .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                            .handled(true)
                            .process(CollectionRoutes.this::exhausted)
                            .process(CollectionRoutes.this::toWire)
                            .to(settings.storeEndpoint())
                        .end()
                        .onException(Exception.class).handled(true)
                            .process(CollectionRoutes.this::internalError)
                            .process(CollectionRoutes.this::toWire)
                            .to(settings.storeEndpoint())
                        .end()
                        .process(CollectionRoutes.this::readMeter)
                        .process(CollectionRoutes.this::toWire)
                        .to(settings.storeEndpoint());

                from(settings.storeEndpoint()).routeId("collection-store")
                        .onException(IllegalArgumentException.class).handled(true)
                            .log(LoggingLevel.ERROR, LOG, "A message at the store endpoint is not a read result and"
                                    + " was dropped: ${exception.message}")
                        .end()
                        .process(CollectionRoutes.this::storeResult);
            }
        };
    }

    // ---------------------------------------------------------------- launching

    @Override
    public TaskRun launch(long tenantId, long taskId, String trigger, Instant periodEnd) {
        CollectionTask task = store.getTask(tenantId, taskId);
        Instant periodStart = periodEnd.minus(Duration.ofMinutes(task.intervalMinutes()));
        TaskRun run = store.startRun(tenantId, taskId, trigger, periodStart, periodEnd);
        try {
            producer.sendBody(settings.runEndpoint(), new RunStart(tenantId, run.id(), task, periodStart, periodEnd));
        } catch (RuntimeException e) {
            LOG.warn("Run {} of task {} could not start: {}", run.id(), task.name(), e.toString());
            return store.finishRun(tenantId, run.id(), RunState.ABORTED, "could not start: " + e.getMessage());
        }
        LOG.info("Run {} of task {} ({}) started by {}", run.id(), task.name(), task.template().id(), trigger);
        return run;
    }

    // ---------------------------------------------------------------- collection-run

    private void selectMeters(Exchange exchange) {
        RunStart rs = exchange.getIn().getBody(RunStart.class);
        List<MeterSelector.Target> targets = selector.select(system(rs.tenantId()), rs.task());
        store.setTotal(rs.tenantId(), rs.runId(), targets.size());
        if (targets.isEmpty()) {
            store.finishRun(rs.tenantId(), rs.runId(), RunState.FINISHED, "no meters on the task's grid and model");
            exchange.getIn().setBody(List.of());
            return;
        }
        remaining.put(rs.runId(), new AtomicInteger(targets.size()));
        if (rs.task().template() == TaskTemplate.LOAD_PROFILE) {
            continuing.put(rs.runId(), continuing(rs, targets));
        }
        exchange.getIn().setBody(interleaveModules(targets).stream().map(t -> new MeterJob(rs.tenantId(), rs.runId(),
                rs.task().template(), rs.periodStart(), rs.periodEnd(), t.meterId(), t.serialNumber(), t.moduleId()))
                .toList());
    }

    /**
     * The targets in an order that takes one meter of each acquisition module in turn, so that the read
     * threads spread over the modules instead of queueing behind the per-module limit of the first one
     * (meters without a module count as modules of their own). Within a module the order is kept.
     */
    static List<MeterSelector.Target> interleaveModules(List<MeterSelector.Target> targets) {
        Map<Object, java.util.ArrayDeque<MeterSelector.Target>> byModule = new java.util.LinkedHashMap<>();
        for (MeterSelector.Target t : targets) {
            Object key = t.moduleId() == null ? (Object) ("meter-" + t.meterId()) : t.moduleId();
            byModule.computeIfAbsent(key, k -> new java.util.ArrayDeque<>()).add(t);
        }
        List<MeterSelector.Target> out = new java.util.ArrayList<>(targets.size());
        while (!byModule.isEmpty()) {
            for (java.util.Iterator<java.util.ArrayDeque<MeterSelector.Target>> i = byModule.values().iterator();
                    i.hasNext();) {
                java.util.ArrayDeque<MeterSelector.Target> q = i.next();
                out.add(q.poll());
                if (q.isEmpty()) {
                    i.remove();
                }
            }
        }
        return out;
    }

    private void abortRun(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        RunStart rs = exchange.getIn().getBody(RunStart.class);
        if (rs == null) {
            LOG.error("collection-run failed", e);
            return;
        }
        LOG.warn("Run {} of task {} aborted: {}", rs.runId(), rs.task().name(), String.valueOf(e));
        remaining.remove(rs.runId());
        continuing.remove(rs.runId());
        store.finishRun(rs.tenantId(), rs.runId(), RunState.ABORTED, e == null ? "aborted" : e.getMessage());
    }

    // ---------------------------------------------------------------- collection-read

    private void readMeter(Exchange exchange) throws InterruptedException {
        MeterJob job = exchange.getIn().getBody(MeterJob.class);
        int attempt = exchange.getProperty(ATTEMPTS, 0, Integer.class) + 1;
        exchange.setProperty(ATTEMPTS, attempt);
        Semaphore permits = job.moduleId() == null ? null
                : modules.computeIfAbsent(job.moduleId(), k -> new Semaphore(settings.perModuleLimit(), true));
        if (permits != null) {
            permits.acquire();
        }
        AtomicInteger perModule = job.moduleId() == null ? null
                : moduleReading.computeIfAbsent(job.moduleId(), k -> new AtomicInteger());
        maxReading.accumulateAndGet(reading.incrementAndGet(), Math::max);
        if (perModule != null) {
            maxModuleReading.accumulateAndGet(perModule.incrementAndGet(), Math::max);
        }
        Result<TemplateReader.Collected> result;
        try {
            Caller caller = system(job.tenantId());
            Instant profileFrom = job.template() == TaskTemplate.LOAD_PROFILE ? profileFrom(caller, job) : null;
            result = access.withSession(caller, job.meterId(), MeterAccess.Purpose.READ,
                    s -> TemplateReader.read(s, job, profileFrom));
        } finally {
            reading.decrementAndGet();
            if (perModule != null) {
                perModule.decrementAndGet();
            }
            if (permits != null) {
                permits.release();
            }
        }
        if (result.isOk()) {
            TemplateReader.Collected c = result.value();
            exchange.getIn().setBody(ReadResult.ok(job, attempt, c.note(), c.readings(), c.events()));
            return;
        }
        DriverError error = result.error();
        if (error.retryable()) {
            exchange.setProperty(LAST_ERROR, error);
            LOG.debug("Meter {} attempt {}: {}", job.serialNumber(), attempt, error);
            throw new RetryableReadException(error);
        }
        exchange.getIn().setBody(ReadResult.failed(job, attempt, error.kind().name(), error.message()));
    }

    /**
     * The run's meters that hold the profile interval ending at the period's start (the one their previous run
     * ended with): one query for all, so that the usual, gap-free meter needs no lookup of its own. Empty when
     * the period does not start on the capture period, or when the query fails (each meter then looks itself).
     */
    private Set<Long> continuing(RunStart rs, List<MeterSelector.Target> targets) {
        if (rs.periodStart().getNano() != 0
                || rs.periodStart().getEpochSecond() % TemplateReader.CAPTURE_PERIOD.getSeconds() != 0) {
            return Set.of();
        }
        try {
            return readings.metersWithReadingAt(system(rs.tenantId()),
                    targets.stream().map(MeterSelector.Target::meterId).toList(), TemplateReader.GAP_CHANNEL,
                    rs.periodStart());
        } catch (RuntimeException e) {
            LOG.info("Run {}: looking up where the meters' profiles continue failed ({}); each meter looks itself",
                    rs.runId(), e.toString());
            return Set.of();
        }
    }

    /**
     * Where the load profile read starts: just after the meter's last stored interval (gap fill), if one is
     * stored within {@code gapFillMaxDays} before the run's period; otherwise just after the period's start
     * (intervals are stamped with their end, so the run reads those ending in (start, end]).
     */
    Instant profileFrom(Caller caller, MeterJob job) {
        Instant noGap = job.periodStart().plusSeconds(1);
        // the meter ended its previous run with the interval at this period's start (looked up once per run)
        if (continuing.getOrDefault(job.runId(), Set.of()).contains(job.meterId())) {
            return noGap;
        }
        // else, still cheaply: an interval stored within the run's own period means no gap
        if (lastInterval(caller, job.meterId(), job.periodStart(), job.periodEnd().plusSeconds(1)) != null) {
            return noGap;
        }
        Instant floor = job.periodEnd().minus(Duration.ofDays(settings.gapFillMaxDays()));
        Instant last = floor.isBefore(job.periodStart())
                ? lastInterval(caller, job.meterId(), floor, job.periodStart()) : null;
        return last == null ? noGap : last.plusSeconds(1);
    }

    /**
     * The last stored load-profile interval of the meter in [from, to): readings of the gap channel whose
     * time lies on the capture period (register reads of the same item land at any second).
     */
    private Instant lastInterval(Caller caller, long meterId, Instant from, Instant to) {
        Instant last = null;
        Instant next = from;
        long period = TemplateReader.CAPTURE_PERIOD.getSeconds();
        while (true) {
            ReadingPage page = readings.readings(caller, meterId, TemplateReader.GAP_CHANNEL, next, to,
                    ReadingStore.MAX_LIMIT);
            for (Reading r : page.readings()) {
                if (r.at().getNano() == 0 && r.at().getEpochSecond() % period == 0) {
                    last = r.at();
                }
            }
            if (page.next().isEmpty()) {
                return last;
            }
            next = page.next().get();
        }
    }

    private void exhausted(Exchange exchange) {
        MeterJob job = exchange.getIn().getBody(MeterJob.class);
        int attempts = exchange.getProperty(ATTEMPTS, 1, Integer.class);
        DriverError error = exchange.getProperty(LAST_ERROR, DriverError.class);
        LOG.info("Meter {} failed after {} attempt(s): {}", job.serialNumber(), attempts, error);
        exchange.getIn().setBody(ReadResult.failed(job, attempts, error.kind().name(), error.message()));
    }

    private void internalError(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        MeterJob job = exchange.getIn().getBody(MeterJob.class);
        LOG.warn("Meter {}: {}", job == null ? "?" : job.serialNumber(), String.valueOf(e), e);
        exchange.getIn().setBody(ReadResult.failed(job, exchange.getProperty(ATTEMPTS, 1, Integer.class), "INTERNAL",
                e == null ? "internal error" : e.toString()));
    }

    // ---------------------------------------------------------------- collection-store

    /** With {@code storeFormat=json} the result leaves as JSON bytes (for a broker); otherwise as it is. */
    private void toWire(Exchange exchange) {
        if (settings.storeJson()) {
            exchange.getIn().setBody(ReadResultJson.toBytes(exchange.getIn().getBody(ReadResult.class)));
        }
    }

    /** The result that arrived at the store endpoint: the message itself, or its JSON (bytes or text). */
    private static ReadResult fromWire(Object body) {
        if (body instanceof ReadResult r) {
            return r;
        }
        if (body instanceof byte[] bytes) {
            return ReadResultJson.fromBytes(bytes);
        }
        if (body instanceof String text) {
            return ReadResultJson.fromJson(text);
        }
        throw new IllegalArgumentException("the store endpoint delivered "
                + (body == null ? "no body" : "a " + body.getClass().getName()) + ", not a read result");
    }

    private void storeResult(Exchange exchange) {
        ReadResult r = fromWire(exchange.getIn().getBody());
        MeterJob job = r.job();
        storing.store(r);
        AtomicInteger left = remaining.get(job.runId());
        if (left != null && left.decrementAndGet() == 0) {
            remaining.remove(job.runId());
            continuing.remove(job.runId());
            TaskRun done = store.finishRun(job.tenantId(), job.runId(), RunState.FINISHED, "");
            LOG.info("Run {} of task {} finished: {} of {} meters read, {} failed", done.id(), done.taskName(),
                    done.metersSucceeded(), done.metersTotal(), done.metersFailed());
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The platform acting for a customer: runs read meters and store readings as an operator would. */
    static Caller system(long tenantId) {
        return new Caller("collection", 0L, tenantId, tenantId, EnumSet.of(Role.OPERATOR));
    }

    /** Most meters read at the same time so far (tests check the bounds). */
    int maxConcurrentReads() {
        return maxReading.get();
    }

    /** Most meters read at the same time behind one module so far. */
    int maxConcurrentPerModule() {
        return maxModuleReading.get();
    }

    /** Meters stored per store batch so far, on average. */
    double meanStoreBatch() {
        return storing.meanBatch();
    }

    CamelContext camel() {
        return camel;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** A retryable driver error, thrown so that Camel's redelivery retries the read. */
    static final class RetryableReadException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RetryableReadException(DriverError error) {
            super(error.kind() + ": " + error.message(), null, false, false);
        }
    }
}
