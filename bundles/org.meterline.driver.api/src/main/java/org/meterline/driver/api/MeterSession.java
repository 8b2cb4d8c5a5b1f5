package org.meterline.driver.api;

import java.time.Instant;
import java.util.List;
import org.meterline.core.api.ObisCode;

/**
 * An open association with one meter. Not thread-safe: one caller at a time. Close it when done;
 * after a {@link DriverError.Kind#CONNECTION_FAILED} it is closed already and must be reopened.
 */
public interface MeterSession extends AutoCloseable {

    /** Registers and data objects, one result per item, in the order asked. */
    List<ItemResult> read(List<ObisCode> items);

    /** The load profile's rows whose time lies in [from, to). */
    Result<LoadProfile> readLoadProfile(ObisCode profile, Instant from, Instant to);

    /** The event log's entries whose time lies in [from, to). */
    Result<List<MeterEvent>> readEvents(ObisCode log, Instant from, Instant to);

    Result<Instant> readClock();

    Result<Done> setClock(Instant time);

    Result<RelayState> readRelay();

    /** Connects the load; answers the state read back afterwards. */
    Result<RelayState> connectRelay();

    /** Disconnects the load; answers the state read back afterwards. */
    Result<RelayState> disconnectRelay();

    Result<Done> write(Parameter parameter);

    /**
     * Transfers an image in blocks, resuming after the blocks the meter already has, then
     * verifies it. Activation is a separate, confirmed step of the firmware capability.
     */
    Result<Done> transferImage(FirmwareImage image, TransferProgress progress);

    Result<Done> activateImage(String identifier);

    Result<Signal> readSignal();

    /** Releases the association and the connection; never throws. */
    @Override
    void close();
}
