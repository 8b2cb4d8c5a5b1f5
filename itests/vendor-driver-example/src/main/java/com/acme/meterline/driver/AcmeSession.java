package com.acme.meterline.driver;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.meterline.core.api.ObisCode;
import org.meterline.driver.api.Done;
import org.meterline.driver.api.DriverError;
import org.meterline.driver.api.FirmwareImage;
import org.meterline.driver.api.ItemResult;
import org.meterline.driver.api.LoadProfile;
import org.meterline.driver.api.MeterEvent;
import org.meterline.driver.api.MeterSession;
import org.meterline.driver.api.Parameter;
import org.meterline.driver.api.Quality;
import org.meterline.driver.api.Reading;
import org.meterline.driver.api.RelayState;
import org.meterline.driver.api.Result;
import org.meterline.driver.api.Signal;
import org.meterline.driver.api.TransferProgress;

/**
 * A session with one (imaginary) Acme AX-1 meter. It answers a fixed set of registers whose values
 * are derived from the serial number, the clock is "now", and the relay state lives in memory for
 * the session. Everything else answers {@link DriverError.Kind#UNSUPPORTED}: a driver says what it
 * cannot do with a result, it does not throw.
 */
final class AcmeSession implements MeterSession {

    /** Active energy import, total (Wh). */
    static final ObisCode ENERGY_IMPORT = ObisCode.parse("1-0:1.8.0*255");
    /** Voltage L1 (V). */
    static final ObisCode VOLTAGE_L1 = ObisCode.parse("1-0:32.7.0*255");
    /** Current L1 (A). */
    static final ObisCode CURRENT_L1 = ObisCode.parse("1-0:31.7.0*255");

    private static final Map<ObisCode, String> UNITS = Map.of(ENERGY_IMPORT, "Wh", VOLTAGE_L1, "V", CURRENT_L1, "A");

    private final String serial;
    private RelayState relay = RelayState.CONNECTED;
    private boolean closed;

    AcmeSession(String serial) {
        this.serial = serial;
    }

    @Override
    public List<ItemResult> read(List<ObisCode> items) {
        Instant now = Instant.now();
        List<ItemResult> results = new ArrayList<>(items.size());
        for (ObisCode item : items) {
            BigDecimal value = value(item);
            results.add(new ItemResult(item, closed
                    ? Result.failed(DriverError.Kind.CONNECTION_FAILED, "session closed")
                    : value == null
                            ? Result.failed(DriverError.Kind.OBJECT_UNDEFINED, "AX-1 has no " + item)
                            : Result.ok(new Reading(item, value, UNITS.get(item), now, Quality.GOOD))));
        }
        return results;
    }

    /** Stable per meter: the energy register grows with the serial's hash, voltage and current are fixed. */
    private BigDecimal value(ObisCode item) {
        if (item.equals(ENERGY_IMPORT)) {
            return BigDecimal.valueOf(Math.floorMod(serial.hashCode(), 1_000_000) * 10L + 12_345L);
        }
        if (item.equals(VOLTAGE_L1)) {
            return new BigDecimal("230.0");
        }
        if (item.equals(CURRENT_L1)) {
            return relay == RelayState.CONNECTED ? new BigDecimal("1.25") : BigDecimal.ZERO;
        }
        return null;
    }

    @Override
    public Result<Instant> readClock() {
        return Result.ok(Instant.now());
    }

    @Override
    public Result<RelayState> readRelay() {
        return Result.ok(relay);
    }

    @Override
    public Result<RelayState> connectRelay() {
        relay = RelayState.CONNECTED;
        return Result.ok(relay);
    }

    @Override
    public Result<RelayState> disconnectRelay() {
        relay = RelayState.DISCONNECTED;
        return Result.ok(relay);
    }

    @Override
    public Result<LoadProfile> readLoadProfile(ObisCode profile, Instant from, Instant to) {
        return unsupported("load profiles");
    }

    @Override
    public Result<List<MeterEvent>> readEvents(ObisCode log, Instant from, Instant to) {
        return unsupported("event logs");
    }

    @Override
    public Result<Done> setClock(Instant time) {
        return unsupported("setting the clock");
    }

    @Override
    public Result<Done> write(Parameter parameter) {
        return unsupported("writing parameters");
    }

    @Override
    public Result<Done> transferImage(FirmwareImage image, TransferProgress progress) {
        return unsupported("firmware transfer");
    }

    @Override
    public Result<Done> activateImage(String identifier) {
        return unsupported("firmware activation");
    }

    @Override
    public Result<Signal> readSignal() {
        return unsupported("signal readings");
    }

    @Override
    public void close() {
        closed = true;
    }

    private static <T> Result<T> unsupported(String what) {
        return Result.failed(DriverError.Kind.UNSUPPORTED, "the Acme demo driver does not support " + what);
    }
}
