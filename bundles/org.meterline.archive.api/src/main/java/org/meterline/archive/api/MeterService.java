package org.meterline.archive.api;

import java.util.List;
import java.util.Optional;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;

/**
 * Archive → Meter (manual §3.2). Sort: serialNumber, model, status, installedOn, validUntil.
 * The filter matches the serial number; {@code status} narrows to one lifecycle status.
 */
public interface MeterService {

    Page<Meter> listMeters(Caller caller, PageRequest page, MeterStatus status);

    Meter getMeter(Caller caller, long id);

    Optional<Meter> findMeter(Caller caller, String serialNumber);

    Meter createMeter(Caller caller, MeterInput input);

    Meter updateMeter(Caller caller, long id, MeterInput input);

    /** Refused while the meter is bound to an active POC. */
    void deleteMeter(Caller caller, long id);

    /** Moves the meter along its lifecycle ({@link MeterStatus#next()}) and records the move. */
    Meter changeStatus(Caller caller, long id, MeterStatus to, String reason);

    /** The recorded moves, oldest first. */
    List<MeterStatusChange> statusHistory(Caller caller, long id);
}
