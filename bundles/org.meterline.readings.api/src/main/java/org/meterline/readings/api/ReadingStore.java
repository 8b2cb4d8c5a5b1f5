package org.meterline.readings.api;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.meterline.core.api.Caller;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;

/**
 * The time-series store of readings and meter events, per customer (the caller's tenant).
 * Permission area {@value #AREA}: read to query, write to store.
 *
 * <p>Writes are idempotent: a row whose key (meter, item, instant) — for events (meter, log,
 * instant, code) — is already stored is left unchanged and counted as already present, so
 * retries and replays never duplicate. A large write is committed in chunks of a few thousand
 * rows; when it fails half-way the committed chunks stay, and writing the same list again is the
 * way to finish it.
 *
 * <p>Errors: {@code ForbiddenException} without the permission, {@code ValidationException}
 * naming the row for bad input ({@code readings[3].value}), {@code MeterlineException} when the
 * database fails.
 *
 * <p>Only the readings bundle implements this interface (a provider type), so a method added here is
 * a minor change of the package.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ReadingStore {

    String AREA = "readings";

    /** The most rows one query returns. */
    int MAX_LIMIT = 10_000;

    WriteOutcome write(Caller caller, List<Reading> readings);

    /**
     * Writes like {@link #write} and answers the outcome per meter (how many of each meter's readings were new,
     * how many stored already), for callers that store several meters at once and report on each.
     *
     * @since 1.2
     */
    java.util.Map<Long, WriteOutcome> writeByMeter(Caller caller, List<Reading> readings);

    WriteOutcome writeEvents(Caller caller, List<MeterEvent> events);

    /**
     * Readings of one item of a meter in [{@code from}, {@code to}), oldest first, at most
     * {@code limit} (1..{@value #MAX_LIMIT}); {@link ReadingPage#next()} says where to go on.
     */
    ReadingPage readings(Caller caller, long meterId, ObisCode item, Instant from, Instant to, int limit);

    /**
     * Of the given meters of the caller's customer, those that have a reading of {@code item} at exactly
     * {@code at}: one query for many meters where asking each meter would cost a query each (a load-profile
     * collection checks which meters continue from the interval it ended with last time). Meter ids of
     * other customers are never found.
     *
     * @throws org.meterline.core.api.ValidationException when an argument is missing
     * @since 1.2
     */
    java.util.Set<Long> metersWithReadingAt(Caller caller, java.util.Collection<Long> meterIds, ObisCode item,
            Instant at);

    /**
     * Events of a meter in [{@code from}, {@code to}), oldest first (then by log and code), a page
     * at a time; the page's sort field must be null or {@code "at"}.
     */
    Page<MeterEvent> events(Caller caller, long meterId, Instant from, Instant to, PageRequest page);

    /**
     * Events of the caller's customer across meters, narrowed by meter ids, logs and codes (see
     * {@link EventQuery}), by time (then meter, log and code), a page at a time with the total.
     * At most {@value #MAX_EVENT_IDS} meter ids, logs or codes each.
     *
     * @throws org.meterline.core.api.ValidationException when from is not before to, or the sort
     *     field is not {@code at}
     * @since 1.1
     */
    Page<MeterEvent> events(Caller caller, EventQuery query);

    /** The most meter ids, logs or codes one {@link EventQuery} may name. */
    int MAX_EVENT_IDS = 1000;

    /**
     * Consumption of a cumulative item (an energy register such as {@code 1-0:1.8.0.255}, read
     * as a register or as a load-profile channel) per bucket of {@code unit} in {@code zone}.
     * A bucket's value is the reading at its end minus the reading at its start, summed over the
     * scope's meters; readings of quality {@link Quality#BAD} are not used. The first bucket
     * starts at {@code from} rounded down to its unit in {@code zone}; buckets follow until one
     * starts at or after {@code to}. Every bucket is returned, empty ones with 0 meters.
     *
     * @throws org.meterline.core.api.ValidationException when from is not before to, or the
     *     period has more than {@value #MAX_LIMIT} buckets
     */
    List<Bucket> aggregate(Caller caller, Scope scope, ObisCode item, Instant from, Instant to, TimeUnit unit,
            ZoneId zone);
}
