package org.meterline.collection.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.meterline.collection.internal.Messages.MeterJob;
import org.meterline.core.api.ObisCode;
import org.meterline.driver.api.DriverError;
import org.meterline.driver.api.ItemResult;
import org.meterline.driver.api.LoadProfile;
import org.meterline.driver.api.MeterSession;
import org.meterline.driver.api.ProfileEntry;
import org.meterline.driver.api.Result;
import org.meterline.driver.api.Signal;
import org.meterline.readings.api.MeterEvent;
import org.meterline.readings.api.Quality;
import org.meterline.readings.api.Reading;

/** What each task template reads from an open session, turned into readings and events to store. */
final class TemplateReader {

    /** The energy registers of DAILY_REGISTERS. */
    static final List<ObisCode> REGISTERS = List.of(ObisCode.parse("1.0.1.8.0.255"), ObisCode.parse("1.0.2.8.0.255"),
            ObisCode.parse("1.0.3.8.0.255"), ObisCode.parse("1.0.4.8.0.255"), ObisCode.parse("1.0.1.8.1.255"),
            ObisCode.parse("1.0.1.8.2.255"));
    static final ObisCode LOAD_PROFILE = ObisCode.parse("1.0.99.1.0.255");
    /** The load-profile channel whose last stored interval says where gap filling starts. */
    static final ObisCode GAP_CHANNEL = ObisCode.parse("1.0.1.8.0.255");
    /** The profile's capture period: stored intervals end on multiples of it. */
    static final Duration CAPTURE_PERIOD = Duration.ofMinutes(15);
    static final List<ObisCode> EVENT_LOGS = List.of(ObisCode.parse("0.0.99.98.0.255"),
            ObisCode.parse("0.0.99.98.1.255"), ObisCode.parse("0.0.99.98.2.255"));
    /** Where the module's signal strength (dBm) is stored (DSMR "GSM signal strength"). */
    static final ObisCode SIGNAL_STRENGTH = ObisCode.parse("0.0.96.12.5.255");

    /** What one read gave. */
    record Collected(List<Reading> readings, List<MeterEvent> events, String note) {
    }

    private TemplateReader() {
    }

    /**
     * Reads what the job's template names.
     *
     * @param profileFrom the first instant of the load profile read (gap fill), only for LOAD_PROFILE
     */
    static Result<Collected> read(MeterSession s, MeterJob job, Instant profileFrom) {
        switch (job.template()) {
            case DAILY_REGISTERS:
                return registers(s, job);
            case LOAD_PROFILE:
                return loadProfile(s, job, profileFrom);
            case EVENT_LOGS:
                return events(s, job);
            case MODULE_SIGNAL:
                return signal(s, job);
            case CLOCK_CHECK:
                return clock(s);
            default:
                return Result.failed(DriverError.Kind.UNSUPPORTED, "template " + job.template());
        }
    }

    private static Result<Collected> registers(MeterSession s, MeterJob job) {
        List<Reading> out = new ArrayList<>();
        DriverError firstError = null;
        int missing = 0;
        for (ItemResult r : s.read(REGISTERS)) {
            if (r.result().isOk()) {
                org.meterline.driver.api.Reading v = r.result().value();
                out.add(new Reading(job.meterId(), v.item(), v.readAt(), v.value(), quality(v.quality())));
            } else {
                DriverError e = r.result().error();
                if (e.retryable()) {
                    return Result.failed(e); // the link broke: try the meter again as a whole
                }
                missing++;
                firstError = firstError == null ? e : firstError;
            }
        }
        if (out.isEmpty()) {
            return Result.failed(firstError != null ? firstError
                    : new DriverError(DriverError.Kind.PROTOCOL_ERROR, "no register answered"));
        }
        return Result.ok(new Collected(out, List.of(), missing == 0 ? out.size() + " registers"
                : out.size() + " registers, " + missing + " not available (" + firstError.kind() + ")"));
    }

    private static Result<Collected> loadProfile(MeterSession s, MeterJob job, Instant from) {
        // rows are stamped with the end of their interval: read those ending in (from, periodEnd]
        Result<LoadProfile> r = s.readLoadProfile(LOAD_PROFILE, from, job.periodEnd().plusSeconds(1));
        if (!r.isOk()) {
            return Result.failed(r.error());
        }
        List<Reading> out = new ArrayList<>();
        for (ProfileEntry e : r.value().entries()) {
            for (org.meterline.driver.api.Reading v : e.values()) {
                out.add(new Reading(job.meterId(), v.item(), e.at(), v.value(), quality(v.quality())));
            }
        }
        return Result.ok(new Collected(out, List.of(), r.value().entries().size() + " intervals from " + from));
    }

    private static Result<Collected> events(MeterSession s, MeterJob job) {
        List<MeterEvent> out = new ArrayList<>();
        int logs = 0;
        DriverError firstError = null;
        for (ObisCode log : EVENT_LOGS) {
            Result<List<org.meterline.driver.api.MeterEvent>> r = s.readEvents(log, job.periodStart(), job.periodEnd());
            if (r.isOk()) {
                logs++;
                for (org.meterline.driver.api.MeterEvent e : r.value()) {
                    String name = e.name() == null || e.name().length() <= 100 ? e.name() : e.name().substring(0, 100);
                    out.add(new MeterEvent(job.meterId(), e.log(), e.at(), e.code(), name));
                }
            } else if (r.error().retryable()) {
                return Result.failed(r.error());
            } else {
                firstError = firstError == null ? r.error() : firstError;
            }
        }
        if (logs == 0) {
            return Result.failed(firstError);
        }
        return Result.ok(new Collected(List.of(), out, out.size() + " events from " + logs + " logs"));
    }

    private static Result<Collected> signal(MeterSession s, MeterJob job) {
        Result<Signal> r = s.readSignal();
        if (!r.isOk()) {
            return Result.failed(r.error());
        }
        Signal sig = r.value();
        Instant at = Instant.now();
        return Result.ok(new Collected(List.of(Reading.good(job.meterId(), SIGNAL_STRENGTH, at,
                BigDecimal.valueOf(sig.rssiDbm()))), List.of(),
                "signal " + sig.rssiDbm() + " dBm, quality " + sig.quality()));
    }

    private static Result<Collected> clock(MeterSession s) {
        Instant before = Instant.now();
        Result<Instant> r = s.readClock();
        if (!r.isOk()) {
            return Result.failed(r.error());
        }
        Instant after = Instant.now();
        Instant platform = before.plus(Duration.between(before, after).dividedBy(2));
        long deviation = Duration.between(platform, r.value()).getSeconds();
        return Result.ok(new Collected(List.of(), List.of(), "clock deviation " + (deviation >= 0 ? "+" : "")
                + deviation + " s"));
    }

    /** The driver's quality as the store's (a switch: this runs for every value read). */
    private static Quality quality(org.meterline.driver.api.Quality q) {
        return switch (q) {
            case GOOD -> Quality.GOOD;
            case QUESTIONABLE -> Quality.QUESTIONABLE;
            case BAD -> Quality.BAD;
        };
    }
}
