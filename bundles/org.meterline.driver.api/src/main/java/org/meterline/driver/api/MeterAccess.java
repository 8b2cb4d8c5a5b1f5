package org.meterline.driver.api;

import java.util.List;
import java.util.function.Function;
import org.meterline.core.api.Caller;

/**
 * The platform's way to talk to a meter of the archive, on a caller's behalf: it finds the meter's
 * acquisition module (host:port), its model's driver (at call time, so a driver installed later
 * serves at once), its communication settings and secrets, and opens a session. Reading needs the
 * {@code operation} area's read permission, controlling (relay, clock, parameters, firmware) its
 * write permission; a meter of another customer is not found.
 */
public interface MeterAccess {

    /** What the session will be used for; decides the permission needed. */
    enum Purpose {
        READ, CONTROL
    }

    /** The permission area of meter operations. */
    String AREA = "operation";

    /**
     * Opens a session with the meter. A meter the platform cannot reach as configured is a failed
     * result of kind {@link DriverError.Kind#NOT_CONFIGURED} saying what is missing.
     */
    Result<MeterSession> open(Caller caller, long meterId, Purpose purpose);

    /** What the driver serving the meter's model can read for it; empty when no driver serves it. */
    List<CatalogueItem> catalogue(Caller caller, long meterId);

    /** Opens a session, runs the work, and closes the session whatever happens. */
    default <T> Result<T> withSession(Caller caller, long meterId, Purpose purpose,
            Function<MeterSession, Result<T>> work) {
        Result<MeterSession> session = open(caller, meterId, purpose);
        if (!session.isOk()) {
            return Result.failed(session.error());
        }
        try (MeterSession s = session.value()) {
            return work.apply(s);
        }
    }
}
