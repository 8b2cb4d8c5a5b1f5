package org.meterline.operation.internal;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.meterline.archive.api.Meter;
import org.meterline.archive.api.MeterModel;
import org.meterline.archive.api.MeterModelService;
import org.meterline.archive.api.MeterService;
import org.meterline.core.api.Caller;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Permission;
import org.meterline.core.api.ValidationException;
import org.meterline.driver.api.CatalogueItem;
import org.meterline.driver.api.DriverError;
import org.meterline.driver.api.DriverRegistry;
import org.meterline.driver.api.ItemResult;
import org.meterline.driver.api.MeterAccess;
import org.meterline.driver.api.MeterAccess.Purpose;
import org.meterline.driver.api.ModelRef;
import org.meterline.driver.api.Reading;
import org.meterline.driver.api.RelayState;
import org.meterline.driver.api.Result;
import org.meterline.operation.api.ItemValue;
import org.meterline.operation.api.MeterOperations;
import org.meterline.operation.api.OperationOutcome;
import org.meterline.operation.api.OperationRecord;
import org.meterline.operation.api.OperationType;
import org.meterline.operation.api.ReadOutcome;
import org.meterline.operation.api.ReadingItem;
import org.meterline.operation.api.ReadingItemSettings;
import org.meterline.operation.api.RelayAction;
import org.meterline.operation.api.RelayOutcome;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On-demand reads and relay commands on this bundle's own bounded executor, each with a timeout and
 * an operation log entry that is written when it starts (RUNNING) and when it ends.
 */
@Component(service = MeterOperations.class, configurationPid = "org.meterline.operation")
@Designate(ocd = Config.class)
public class MeterOperationsImpl implements MeterOperations {

    private static final Logger LOG = LoggerFactory.getLogger(MeterOperationsImpl.class);
    /** Most items one read may ask for. */
    static final int MAX_ITEMS = 64;
    static final String CONNECTION_STATUS_NAME = "Connection status (main relay)";

    private final MeterAccess access;
    private final DriverRegistry drivers;
    private final MeterService meters;
    private final MeterModelService models;
    private final OperationStore store;
    private final ThreadPoolExecutor executor;
    private final ScheduledThreadPoolExecutor timer;
    private volatile Duration timeout;

    @Activate
    public MeterOperationsImpl(@Reference(target = "(osgi.jndi.service.name=meterline)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=meterline.operation)") EntityManagerFactory emf,
            @Reference MeterAccess access, @Reference DriverRegistry drivers, @Reference MeterService meters,
            @Reference MeterModelService models, Config config) {
        this.access = access;
        this.drivers = drivers;
        this.meters = meters;
        this.models = models;
        this.store = new OperationStore(dataSource, emf);
        try {
            int closed = store.closeInterrupted();
            if (closed > 0) {
                LOG.info("{} meter operation(s) were running when the platform stopped; logged as failed", closed);
            }
        } catch (SQLException e) {
            LOG.warn("Could not close operations interrupted by the last stop", e);
        }
        int threads = threads(config);
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.queueCapacity())), named("meterline-operation"));
        executor.allowCoreThreadTimeOut(true);
        this.timer = new ScheduledThreadPoolExecutor(1, named("meterline-operation-timeout"));
        timer.setRemoveOnCancelPolicy(true);
        modified(config);
    }

    @Modified
    void modified(Config config) {
        int threads = threads(config);
        if (threads > executor.getMaximumPoolSize()) {
            executor.setMaximumPoolSize(threads);
            executor.setCorePoolSize(threads);
        } else {
            executor.setCorePoolSize(threads);
            executor.setMaximumPoolSize(threads);
        }
        timeout = Duration.ofSeconds(Math.max(1, config.timeoutSeconds()));
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
        timer.shutdownNow();
    }

    private static int threads(Config config) {
        return Math.max(1, Math.min(64, config.threads()));
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // ---------------------------------------------------------------- reading

    @Override
    public ReadOutcome readNow(Caller caller, long meterId, List<ObisCode> items) {
        return await(readAsync(caller, meterId, items));
    }

    @Override
    public CompletionStage<ReadOutcome> readAsync(Caller caller, long meterId, List<ObisCode> items) {
        caller.require(Permission.read(AREA));
        Meter meter = meters.getMeter(caller, meterId);
        List<ObisCode> asked = items == null || items.isEmpty()
                ? defaultItems(caller, meterId).stream().map(ReadingItem::item).collect(Collectors.toList())
                : List.copyOf(new LinkedHashSet<>(items));
        if (asked.size() > MAX_ITEMS) {
            throw new ValidationException("items", "at most " + MAX_ITEMS + " items per read");
        }
        Map<ObisCode, ReadingItem> known = new LinkedHashMap<>();
        readingItems(caller, meterId).forEach(i -> known.put(i.item(), i));
        return run(caller, meter, OperationType.READ, asked,
                elapsed -> read(caller, meter, asked, known, elapsed),
                (error, elapsed) -> failedRead(meter, asked, known, error, elapsed),
                r -> new Ending(r.outcome(), r.errorKind(), r.error()));
    }

    private ReadOutcome read(Caller caller, Meter meter, List<ObisCode> asked, Map<ObisCode, ReadingItem> known,
            LongSupplier elapsed) {
        List<ObisCode> registers = asked.stream().filter(i -> !CONNECTION_STATUS.equals(i)).collect(Collectors.toList());
        boolean relay = asked.contains(CONNECTION_STATUS);
        Result<Map<ObisCode, ItemValue>> result = access.withSession(caller, meter.id(), Purpose.READ, s -> {
            Map<ObisCode, ItemValue> values = new LinkedHashMap<>();
            if (!registers.isEmpty()) {
                for (ItemResult r : s.read(registers)) {
                    values.put(r.item(), value(r.item(), known, r.result()));
                }
            }
            if (relay) {
                values.put(CONNECTION_STATUS, relayValue(s.readRelay()));
            }
            return Result.ok(values);
        });
        long ms = elapsed.getAsLong();
        if (!result.isOk()) {
            return failedRead(meter, asked, known, result.error(), ms);
        }
        List<ItemValue> values = new ArrayList<>();
        for (ObisCode item : asked) {
            ItemValue v = result.value().get(item);
            values.add(v != null ? v : failedValue(item, known,
                    new DriverError(DriverError.Kind.PROTOCOL_ERROR, "The driver gave no result for this item")));
        }
        long good = values.stream().filter(ItemValue::ok).count();
        OperationOutcome outcome = good == values.size() ? OperationOutcome.SUCCESS
                : good == 0 ? OperationOutcome.FAILED : OperationOutcome.PARTIAL;
        Optional<ItemValue> firstError = values.stream().filter(v -> !v.ok()).findFirst();
        return new ReadOutcome(0, meter.id(), meter.serialNumber(), outcome, values, ms,
                firstError.map(ItemValue::errorKind).orElse(null),
                firstError.map(v -> v.item() + ": " + v.error()).orElse(null));
    }

    private static ReadOutcome failedRead(Meter meter, List<ObisCode> asked, Map<ObisCode, ReadingItem> known,
            DriverError error, long ms) {
        List<ItemValue> values = asked.stream().map(i -> failedValue(i, known, error)).collect(Collectors.toList());
        return new ReadOutcome(0, meter.id(), meter.serialNumber(), OperationOutcome.FAILED, values, ms,
                kind(error), error.message());
    }

    private static ItemValue value(ObisCode item, Map<ObisCode, ReadingItem> known, Result<Reading> result) {
        if (!result.isOk()) {
            return failedValue(item, known, result.error());
        }
        Reading r = result.value();
        return new ItemValue(item, name(item, known), r.value(), r.value().toPlainString(), r.unit(), r.readAt(),
                r.quality().name().toLowerCase(Locale.ROOT), null, null);
    }

    private static ItemValue relayValue(Result<RelayState> state) {
        if (!state.isOk()) {
            return new ItemValue(CONNECTION_STATUS, CONNECTION_STATUS_NAME, null, "", "", null, null,
                    kind(state.error()), state.error().message());
        }
        RelayState s = state.value();
        // the DLMS disconnect control's control_state: 0 disconnected, 1 connected, 2 ready for reconnection
        int code = switch (s) {
            case DISCONNECTED -> 0;
            case CONNECTED -> 1;
            case READY_FOR_RECONNECTION -> 2;
        };
        return new ItemValue(CONNECTION_STATUS, CONNECTION_STATUS_NAME, BigDecimal.valueOf(code), stateText(s), "",
                Instant.now(), "good", null, null);
    }

    private static ItemValue failedValue(ObisCode item, Map<ObisCode, ReadingItem> known, DriverError error) {
        return new ItemValue(item, name(item, known), null, "", "", null, null, kind(error), error.message());
    }

    private static String name(ObisCode item, Map<ObisCode, ReadingItem> known) {
        ReadingItem i = known.get(item);
        return i == null ? item.toString() : i.name();
    }

    static String kind(DriverError error) {
        return error.kind().name().toLowerCase(Locale.ROOT);
    }

    static String stateText(RelayState s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    // ---------------------------------------------------------------- relay

    @Override
    public RelayOutcome relay(Caller caller, long meterId, RelayAction action) {
        return await(relayAsync(caller, meterId, action));
    }

    @Override
    public CompletionStage<RelayOutcome> relayAsync(Caller caller, long meterId, RelayAction action) {
        if (action == null) {
            throw new ValidationException("action", "must be one of status, connect, disconnect");
        }
        caller.require(action == RelayAction.STATUS ? Permission.read(AREA) : Permission.write(AREA));
        Meter meter = meters.getMeter(caller, meterId);
        return run(caller, meter, OperationType.of(action), List.of(), elapsed -> {
            Result<RelayState> r = access.withSession(caller, meterId,
                    action == RelayAction.STATUS ? Purpose.READ : Purpose.CONTROL, s -> switch (action) {
                        case CONNECT -> s.connectRelay();
                        case DISCONNECT -> s.disconnectRelay();
                        default -> s.readRelay();
                    });
            long ms = elapsed.getAsLong();
            if (action != RelayAction.STATUS) {
                // the audit line of a dangerous operation; the operation log holds the same
                LOG.info("Relay {} of meter {} by {} (customer {}): {}", action.id(), meter.serialNumber(),
                        caller.username(), caller.tenantId(), r.isOk() ? r.value().name().toLowerCase(Locale.ROOT)
                                : "failed, " + kind(r.error()));
            }
            return r.isOk()
                    ? new RelayOutcome(0, meterId, meter.serialNumber(), action, OperationOutcome.SUCCESS,
                            r.value().name().toLowerCase(Locale.ROOT), ms, null, null)
                    : failedRelay(meter, action, r.error(), ms);
        }, (error, ms) -> failedRelay(meter, action, error, ms),
                r -> new Ending(r.outcome(), r.errorKind(), r.error()));
    }

    private static RelayOutcome failedRelay(Meter meter, RelayAction action, DriverError error, long ms) {
        return new RelayOutcome(0, meter.id(), meter.serialNumber(), action, OperationOutcome.FAILED, null, ms,
                kind(error), error.message());
    }

    // ---------------------------------------------------------------- the lane

    /** How an operation ended, for the log. */
    record Ending(OperationOutcome outcome, String errorKind, String error) {
    }

    /** The outcome when the work could not run or did not end in time. */
    @FunctionalInterface
    interface Failure<T> {
        T of(DriverError error, long elapsedMillis);
    }

    /**
     * Logs the start, runs the work on the executor, and completes with its outcome, or with a
     * failure when the queue is full, the work throws, or the timeout passes first; logs the end.
     */
    private <T> CompletableFuture<T> run(Caller caller, Meter meter, OperationType type, List<ObisCode> items,
            Function<LongSupplier, T> work, Failure<T> failure, Function<T, Ending> ending) {
        long id = store.start(caller, meter.id(), meter.serialNumber(), type, items);
        long started = System.nanoTime();
        LongSupplier elapsed = () -> (System.nanoTime() - started) / 1_000_000;
        CompletableFuture<T> outcome = new CompletableFuture<>();
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<ScheduledFuture<?>> deadline = new AtomicReference<>();
        Function<T, Boolean> finish = value -> {
            if (!done.compareAndSet(false, true)) {
                return false;
            }
            ScheduledFuture<?> d = deadline.get();
            if (d != null) {
                d.cancel(false);
            }
            Ending e = ending.apply(value);
            try {
                store.finish(caller.tenantId(), id, e.outcome(), elapsed.getAsLong(), e.errorKind(), e.error());
            } catch (RuntimeException ex) {
                LOG.warn("Could not log the end of meter operation {} on {}", id, meter.serialNumber(), ex);
            }
            outcome.complete(withId(value, id));
            return true;
        };
        Future<?> task;
        try {
            task = executor.submit(() -> {
                if (done.get()) {
                    return; // timed out while waiting for a thread
                }
                T value;
                try {
                    value = work.apply(elapsed);
                } catch (RuntimeException e) {
                    LOG.warn("Meter operation {} ({}) on {} failed", id, type.id(), meter.serialNumber(), e);
                    value = failure.of(new DriverError(DriverError.Kind.PROTOCOL_ERROR,
                            "The operation failed: " + e.getClass().getSimpleName()), elapsed.getAsLong());
                }
                finish.apply(value);
            });
        } catch (RejectedExecutionException e) {
            finish.apply(failure.of(new DriverError(DriverError.Kind.TEMPORARY_FAILURE,
                    "Too many meter operations are waiting; try again shortly."), elapsed.getAsLong()));
            return outcome;
        }
        Duration limit = timeout;
        deadline.set(timer.schedule(() -> {
            if (finish.apply(failure.of(new DriverError(DriverError.Kind.TIMEOUT,
                    "No outcome within " + limit.toSeconds() + " s"), elapsed.getAsLong()))) {
                // Not interrupted: an interrupt would break a driver's file channels (the DLMS
                // invocation counter store); the driver's own timeouts end the call, its result is dropped.
                task.cancel(false);
            }
        }, limit.toMillis(), TimeUnit.MILLISECONDS));
        if (done.get()) {
            deadline.get().cancel(false);
        }
        return outcome;
    }

    @SuppressWarnings("unchecked")
    private static <T> T withId(T value, long id) {
        if (value instanceof ReadOutcome r) {
            return (T) new ReadOutcome(id, r.meterId(), r.serialNumber(), r.outcome(), r.values(), r.durationMillis(),
                    r.errorKind(), r.error());
        }
        if (value instanceof RelayOutcome r) {
            return (T) new RelayOutcome(id, r.meterId(), r.serialNumber(), r.action(), r.outcome(), r.state(),
                    r.durationMillis(), r.errorKind(), r.error());
        }
        return value;
    }

    /** Waits for an outcome; the lane's own timeout completes it, so this wait is only a safety net. */
    private <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(timeout.toMillis() + 10_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the meter", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The meter operation did not end", e);
        }
    }

    // ---------------------------------------------------------------- reading items

    @Override
    public List<ReadingItem> readingItems(Caller caller, long meterId) {
        caller.require(Permission.read(AREA));
        return withConnectionStatus(access.catalogue(caller, meterId));
    }

    @Override
    public List<ReadingItem> defaultItems(Caller caller, long meterId) {
        caller.require(Permission.read(AREA));
        return itemSettings(caller, meters.getMeter(caller, meterId).modelId()).items();
    }

    @Override
    public ReadingItemSettings itemSettings(Caller caller, long modelId) {
        caller.require(Permission.read(AREA));
        MeterModel model = models.getMeterModel(caller, modelId);
        List<ReadingItem> available = available(model);
        Optional<List<ObisCode>> saved = store.settings(caller.tenantId(), modelId);
        List<ReadingItem> items = saved.map(codes -> codes.stream().map(c -> available.stream()
                .filter(a -> a.item().equals(c)).findFirst().orElseGet(() -> new ReadingItem(c, null, null)))
                .collect(Collectors.toList())).orElseGet(() -> defaults(available));
        return new ReadingItemSettings(modelId, model.manufacturer() + " " + model.model(), items, saved.isPresent(),
                available);
    }

    @Override
    public ReadingItemSettings saveItemSettings(Caller caller, long modelId, List<ObisCode> items) {
        caller.require(Permission.write(AREA));
        MeterModel model = models.getMeterModel(caller, modelId);
        List<ObisCode> wanted = items == null ? List.of() : List.copyOf(new LinkedHashSet<>(items));
        if (wanted.size() > MAX_ITEMS) {
            throw new ValidationException("items", "at most " + MAX_ITEMS + " items");
        }
        List<ReadingItem> available = available(model);
        for (ObisCode c : wanted) {
            if (available.stream().noneMatch(a -> a.item().equals(c))) {
                throw new ValidationException("items", Obis.dotted(c) + " is not an item the driver of "
                        + model.manufacturer() + " " + model.model() + " can read");
            }
        }
        store.saveSettings(caller.tenantId(), modelId, wanted);
        return itemSettings(caller, modelId);
    }

    private List<ReadingItem> available(MeterModel model) {
        return withConnectionStatus(drivers.driverFor(model.manufacturer(), model.model())
                .map(d -> d.catalogue(new ModelRef(model.manufacturer(), model.model()))).orElse(List.of()));
    }

    private static List<ReadingItem> withConnectionStatus(List<CatalogueItem> catalogue) {
        List<ReadingItem> items = catalogue.stream().filter(c -> !CONNECTION_STATUS.equals(c.item()))
                .map(c -> new ReadingItem(c.item(), c.name(), c.unit())).collect(Collectors.toCollection(ArrayList::new));
        items.add(new ReadingItem(CONNECTION_STATUS, CONNECTION_STATUS_NAME, ""));
        return List.copyOf(items);
    }

    /** Without saved settings: the first energy register (value group D = 8) and the connection status. */
    static List<ReadingItem> defaults(List<ReadingItem> available) {
        List<ReadingItem> d = new ArrayList<>();
        available.stream().filter(i -> i.item().d() == 8 && i.item().c() >= 1 && i.item().c() <= 4).findFirst()
                .ifPresent(d::add);
        available.stream().filter(i -> CONNECTION_STATUS.equals(i.item())).findFirst().ifPresent(d::add);
        return List.copyOf(d);
    }

    // ---------------------------------------------------------------- the log

    @Override
    public Page<OperationRecord> operations(Caller caller, Long meterId, PageRequest page) {
        caller.require(Permission.read(AREA));
        return store.list(caller, meterId, page);
    }
}
