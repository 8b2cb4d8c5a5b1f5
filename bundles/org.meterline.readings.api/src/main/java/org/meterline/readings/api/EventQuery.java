package org.meterline.readings.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.PageRequest;

/**
 * Which meter events of the caller's customer {@link ReadingStore#events(org.meterline.core.api.Caller, EventQuery)}
 * answers: those in [{@code from}, {@code to}) whose meter is in {@code meterIds}, whose log is in
 * {@code logs} and whose code is in {@code codes}, where an empty set means "any". The page's sort
 * field must be null or {@code "at"}; ties are broken by meter, log and code.
 *
 * @param meterIds the archive's meter ids; empty for every meter of the customer
 * @param logs the event logs; empty for every log
 * @param codes the event codes; empty for every code
 * @param from the first instant of the period
 * @param to the first instant after the period
 * @param page offset, limit and direction (ascending: oldest first)
 */
public record EventQuery(Set<Long> meterIds, Set<ObisCode> logs, Set<Integer> codes, Instant from, Instant to,
        PageRequest page) {

    public EventQuery {
        meterIds = meterIds == null ? Set.of() : Set.copyOf(meterIds);
        logs = logs == null ? Set.of() : Set.copyOf(logs);
        codes = codes == null ? Set.of() : Set.copyOf(codes);
        Objects.requireNonNull(page, "page");
    }

    /** Every event of the customer in [{@code from}, {@code to}), a page at a time. */
    public static EventQuery period(Instant from, Instant to, PageRequest page) {
        return new EventQuery(Set.of(), Set.of(), Set.of(), from, to, page);
    }
}
