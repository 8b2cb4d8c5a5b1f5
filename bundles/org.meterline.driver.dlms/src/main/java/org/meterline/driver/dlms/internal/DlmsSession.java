package org.meterline.driver.dlms.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.meterline.core.api.ObisCode;
import org.meterline.driver.api.DriverError;
import org.meterline.driver.api.DriverError.Kind;
import org.meterline.driver.api.Done;
import org.meterline.driver.api.FirmwareImage;
import org.meterline.driver.api.ItemResult;
import org.meterline.driver.api.LoadProfile;
import org.meterline.driver.api.MeterEvent;
import org.meterline.driver.api.MeterSession;
import org.meterline.driver.api.Parameter;
import org.meterline.driver.api.ProfileEntry;
import org.meterline.driver.api.Quality;
import org.meterline.driver.api.Reading;
import org.meterline.driver.api.RelayState;
import org.meterline.driver.api.Result;
import org.meterline.driver.api.Signal;
import org.meterline.driver.api.TransferProgress;
import org.meterline.driver.dlms.internal.ModelProfile.CosemObject;
import org.openmuc.jdlms.AccessResultCode;
import org.openmuc.jdlms.AttributeAddress;
import org.openmuc.jdlms.DlmsConnection;
import org.openmuc.jdlms.GetResult;
import org.openmuc.jdlms.MethodParameter;
import org.openmuc.jdlms.MethodResult;
import org.openmuc.jdlms.MethodResultCode;
import org.openmuc.jdlms.SelectiveAccessDescription;
import org.openmuc.jdlms.SetParameter;
import org.openmuc.jdlms.datatypes.DataObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MeterSession} on one jDLMS connection (TCP + wrapper, logical name referencing). Not
 * thread-safe, like the interface says; {@link #close()} may be called from any thread.
 *
 * <p>Link policy: when the link is lost or its state is unknown (the meter closed it, no answer in
 * time, an undecodable frame), the session closes itself and every further call answers
 * {@link Kind#CONNECTION_FAILED}: a late answer on the same link would otherwise be taken for the
 * answer to the next request.
 */
final class DlmsSession implements MeterSession {

    private static final Logger LOG = LoggerFactory.getLogger(DlmsSession.class);

    /** Attribute addresses per GET-with-list request. */
    private static final int MAX_LIST = 24;

    private static final int CLOCK_CLASS = 8;
    private static final int PROFILE_CLASS = 7;
    private static final int DISCONNECT_CLASS = 70;
    private static final int IMAGE_CLASS = 18;
    private static final int GSM_CLASS = 47;

    private final DlmsConnection connection;
    private final LinkWatch link;
    private final String serial;
    private final ModelProfile profile;
    private final FrameCounterGuard guard;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String closedBecause = "";
    private final Map<ObisCode, ScalerUnit> scalerUnits = new HashMap<>();
    private final Map<ObisCode, List<Column>> captureObjects = new HashMap<>();

    private record ScalerUnit(int scaler, String unit) {
    }

    /** One captured column of a profile generic object. */
    private record Column(int classId, ObisCode obis, int attribute) {
        boolean isClock() {
            return classId == CLOCK_CLASS && attribute == 2;
        }

        boolean isStatus() {
            return obis.c() == 96 && obis.d() == 10;
        }
    }

    /** What the meter answered could not be interpreted; the link itself is fine. */
    private static final class Undecodable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Undecodable(String message) {
            super(message);
        }
    }

    @FunctionalInterface
    private interface Op<T> {
        Result<T> run() throws IOException;
    }

    DlmsSession(DlmsConnection connection, LinkWatch link, String serial,
            ModelProfile profile, FrameCounterGuard guard) {
        this.connection = connection;
        this.link = link;
        this.serial = serial;
        this.profile = profile;
        this.guard = guard;
    }

    ModelProfile profile() {
        return profile;
    }

    /** The frame counter guard (HLS sessions only). */
    Optional<FrameCounterGuard> guard() {
        return Optional.ofNullable(guard);
    }

    boolean isClosed() {
        return closed.get();
    }

    // ------------------------------------------------------------------ registers and data

    /** What to GET for one item, and where its parts are in the answer list. */
    private static final class Plan {
        final ObisCode item;
        CosemObject object;
        final boolean adHoc;
        int value = -1;
        int scalerUnit = -1;
        int captureTime = -1;

        Plan(ObisCode item, CosemObject object, boolean adHoc) {
            this.item = item;
            this.object = object;
            this.adHoc = adHoc;
        }
    }

    /**
     * Items of the profile are read as the profile says. An item the profile does not name is read
     * ad hoc: first as a Register (class 3, attributes 2 and 3); if the meter has no such register, as a
     * Data object (class 1, attribute 2). Everything goes in GET-with-list requests.
     */
    @Override
    public List<ItemResult> read(List<ObisCode> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        if (closed.get()) {
            return failAll(items, closedError());
        }
        List<Plan> plans = new ArrayList<>();
        for (ObisCode item : items) {
            Optional<CosemObject> o = profile.object(item);
            plans.add(o.map(x -> new Plan(item, x, false)).orElseGet(() -> new Plan(item,
                    new CosemObject(item, item, 3, 2, Optional.empty(), Optional.empty(), item.toString()), true)));
        }
        Map<Plan, Result<Reading>> results = new HashMap<>();
        DriverError failure = execute(plans, results);
        if (failure != null) {
            return failAll(items, failure);
        }
        // ad-hoc items that are no register: try them as data objects
        List<Plan> retry = new ArrayList<>();
        for (Plan p : plans) {
            Result<Reading> r = results.get(p);
            if (p.adHoc && !r.isOk() && r.error().kind() == Kind.OBJECT_UNDEFINED) {
                p.object = new CosemObject(p.item, p.item, 1, 2, Optional.empty(), Optional.empty(),
                        p.item.toString());
                retry.add(p);
            }
        }
        if (!retry.isEmpty()) {
            failure = execute(retry, results);
            if (failure != null) {
                for (Plan p : retry) {
                    results.put(p, Result.failed(failure));
                }
            }
        }
        List<ItemResult> out = new ArrayList<>(items.size());
        for (Plan p : plans) {
            out.add(new ItemResult(p.item, results.get(p)));
        }
        return out;
    }

    /** Runs the GETs of some plans; a failure of the whole request is returned, item failures are put. */
    private DriverError execute(List<Plan> plans, Map<Plan, Result<Reading>> results) {
        List<AttributeAddress> addresses = new ArrayList<>();
        for (Plan p : plans) {
            CosemObject o = p.object;
            p.value = addresses.size();
            addresses.add(new AttributeAddress(o.classId(), jdlms(o.obis()), o.attribute()));
            p.scalerUnit = -1;
            p.captureTime = -1;
            boolean needScaler = o.isRegister() && (o.scaler().isEmpty() || o.unit().isEmpty())
                    && !scalerUnits.containsKey(o.obis());
            if (needScaler) {
                p.scalerUnit = addresses.size();
                addresses.add(new AttributeAddress(o.classId(), jdlms(o.obis()), 3));
            }
            if (o.classId() == 4 && o.attribute() == 2) {
                p.captureTime = addresses.size();
                addresses.add(new AttributeAddress(4, jdlms(o.obis()), 5));
            }
        }
        Result<List<GetResult>> answer = guarded(() -> Result.ok(getAll(addresses)));
        if (!answer.isOk()) {
            return answer.error();
        }
        List<GetResult> got = answer.value();
        Instant now = Instant.now();
        for (Plan p : plans) {
            try {
                results.put(p, reading(p, got, now));
            } catch (RuntimeException e) {
                results.put(p, Result.failed(Kind.PROTOCOL_ERROR, serial + ": " + p.item + ": undecodable value: "
                        + e.getMessage()));
            }
        }
        return null;
    }

    private Result<Reading> reading(Plan p, List<GetResult> got, Instant now) {
        CosemObject o = p.object;
        GetResult value = got.get(p.value);
        if (value.getResultCode() != AccessResultCode.SUCCESS) {
            return Result.failed(Errors.of(value.getResultCode(), serial + ": " + p.item));
        }
        DataObject data = value.getResultData();
        Optional<BigDecimal> number = CosemData.number(data);
        if (number.isEmpty()) {
            Optional<String> text = CosemData.text(data);
            if (text.isPresent()) {
                try {
                    number = Optional.of(new BigDecimal(text.get().trim()));
                } catch (NumberFormatException e) {
                    return Result.failed(Kind.UNSUPPORTED, serial + ": " + p.item + " is text ('" + text.get()
                            + "'); a Reading carries numbers only");
                }
            } else {
                return Result.failed(Kind.UNSUPPORTED, serial + ": " + p.item + " is a " + data.getType()
                        + ", not a number");
            }
        }
        String unit = "";
        int scaler = 0;
        if (o.isRegister()) {
            ScalerUnit su = scalerUnits.get(o.obis());
            if (p.scalerUnit >= 0) {
                GetResult sr = got.get(p.scalerUnit);
                if (sr.getResultCode() != AccessResultCode.SUCCESS) {
                    return Result.failed(Errors.of(sr.getResultCode(), serial + ": " + p.item + " scaler_unit"));
                }
                su = scalerUnit(sr.getResultData());
                scalerUnits.put(o.obis(), su);
            }
            scaler = o.scaler().orElse(su == null ? 0 : su.scaler());
            unit = o.unit().orElse(su == null ? "" : su.unit());
        } else if (o.scaler().isPresent() || o.unit().isPresent()) {
            scaler = o.scaler().orElse(0);
            unit = o.unit().orElse("");
        }
        Instant at = now;
        if (p.captureTime >= 0) {
            GetResult ct = got.get(p.captureTime);
            if (ct.getResultCode() == AccessResultCode.SUCCESS) {
                at = CosemData.instant(ct.getResultData()).orElse(now);
            }
        }
        return Result.ok(new Reading(p.item, scale(number.get(), scaler), unit, at, Quality.GOOD));
    }

    private static BigDecimal scale(BigDecimal raw, int scaler) {
        return scaler == 0 ? raw : raw.scaleByPowerOfTen(scaler);
    }

    private static ScalerUnit scalerUnit(DataObject d) {
        List<DataObject> s = CosemData.list(d);
        if (s.size() < 2) {
            throw new Undecodable("scaler_unit has " + s.size() + " elements");
        }
        int scaler = CosemData.number(s.get(0)).orElseThrow(() -> new Undecodable("scaler is no number")).intValue();
        int unit = CosemData.number(s.get(1)).orElseThrow(() -> new Undecodable("unit is no number")).intValue();
        return new ScalerUnit(scaler, Units.name(unit));
    }

    private List<GetResult> getAll(List<AttributeAddress> addresses) throws IOException {
        if (addresses.size() <= MAX_LIST) {
            return addresses.size() == 1 ? List.of(connection.get(addresses.get(0))) : connection.get(addresses);
        }
        List<GetResult> all = new ArrayList<>(addresses.size());
        for (int i = 0; i < addresses.size(); i += MAX_LIST) {
            all.addAll(connection.get(addresses.subList(i, Math.min(addresses.size(), i + MAX_LIST))));
        }
        return all;
    }

    // ------------------------------------------------------------------ profiles and logs

    /** A profile's capture objects and its rows for a period. */
    private record Rows(List<Column> columns, List<DataObject> rows) {
    }

    /** Reads the capture objects of a Profile Generic object, then its buffer for [from, to). */
    private Result<Rows> rows(ObisCode at, Instant from, Instant to) throws IOException {
        Result<List<Column>> columns = columns(at);
        if (!columns.isOk()) {
            return Result.failed(columns.error());
        }
        return buffer(at, columns.value(), from, to).map(rows -> new Rows(columns.value(), rows));
    }

    @Override
    public Result<LoadProfile> readLoadProfile(ObisCode profileCode, Instant from, Instant to) {
        return guarded(() -> {
            ObisCode at = meterCode(profileCode);
            Result<Rows> read = rows(at, from, to);
            if (!read.isOk()) {
                return Result.failed(read.error());
            }
            List<Column> cols = read.value().columns();
            Result<List<DataObject>> rows = Result.ok(read.value().rows());
            int clockCol = indexOf(cols, Column::isClock);
            int statusCol = indexOf(cols, Column::isStatus);
            List<Integer> channelCols = new ArrayList<>();
            List<ObisCode> channels = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                if (i != clockCol && i != statusCol) {
                    channelCols.add(i);
                    channels.add(itemOf(cols.get(i).obis()));
                }
            }
            Result<List<ScalerUnit>> units = channelUnits(cols, channelCols);
            if (!units.isOk()) {
                return Result.failed(units.error());
            }
            List<ProfileEntry> entries = new ArrayList<>();
            Instant previous = null;
            long period = -1;
            for (DataObject row : rows.value()) {
                List<DataObject> cells = CosemData.list(row);
                if (cells.size() != cols.size()) {
                    throw new Undecodable("a row of " + profileCode + " has " + cells.size() + " values for "
                            + cols.size() + " capture objects");
                }
                Instant time = clockCol < 0 ? null : CosemData.instant(cells.get(clockCol)).orElse(null);
                if (time == null) {
                    if (previous == null) {
                        throw new Undecodable("a row of " + profileCode + " has no time");
                    }
                    if (period < 0) {
                        period = capturePeriod(at);
                    }
                    time = previous.plusSeconds(period);
                }
                previous = time;
                if (time.isBefore(from) || !time.isBefore(to)) {
                    continue;
                }
                Quality quality = statusCol < 0 ? Quality.GOOD : quality(cells.get(statusCol));
                List<Reading> values = new ArrayList<>(channelCols.size());
                for (int c = 0; c < channelCols.size(); c++) {
                    DataObject cell = cells.get(channelCols.get(c));
                    ScalerUnit su = units.value().get(c);
                    Optional<BigDecimal> n = CosemData.number(cell);
                    values.add(new Reading(channels.get(c), n.map(v -> scale(v, su.scaler())).orElse(BigDecimal.ZERO),
                            su.unit(), time, n.isPresent() ? quality : Quality.BAD));
                }
                entries.add(new ProfileEntry(time, values));
            }
            entries.sort((a, b) -> a.at().compareTo(b.at()));
            return Result.ok(new LoadProfile(profileCode, channels, entries));
        });
    }

    @Override
    public Result<List<MeterEvent>> readEvents(ObisCode log, Instant from, Instant to) {
        return guarded(() -> {
            ObisCode at = meterCode(log);
            Result<Rows> read = rows(at, from, to);
            if (!read.isOk()) {
                return Result.failed(read.error());
            }
            List<Column> cols = read.value().columns();
            Result<List<DataObject>> rows = Result.ok(read.value().rows());
            int clockCol = indexOf(cols, Column::isClock);
            int codeCol = -1;
            for (int i = 0; i < cols.size(); i++) {
                if (i != clockCol) {
                    codeCol = i;
                    break;
                }
            }
            if (clockCol < 0 || codeCol < 0) {
                throw new Undecodable(log + " does not capture a clock and an event code");
            }
            List<MeterEvent> events = new ArrayList<>();
            for (DataObject row : rows.value()) {
                List<DataObject> cells = CosemData.list(row);
                Optional<Instant> time = CosemData.instant(cells.get(clockCol));
                if (time.isEmpty() || time.get().isBefore(from) || !time.get().isBefore(to)) {
                    continue;
                }
                int code = CosemData.number(cells.get(codeCol))
                        .orElseThrow(() -> new Undecodable("an event code of " + log + " is no number")).intValue();
                events.add(new MeterEvent(log, time.get(), code, profile.events().getOrDefault(code, "")));
            }
            events.sort((a, b) -> a.at().compareTo(b.at()));
            return Result.ok(events);
        });
    }

    private Result<List<Column>> columns(ObisCode profileCode) throws IOException {
        List<Column> cached = captureObjects.get(profileCode);
        if (cached != null) {
            return Result.ok(cached);
        }
        GetResult r = connection.get(new AttributeAddress(PROFILE_CLASS, jdlms(profileCode), 3));
        if (r.getResultCode() != AccessResultCode.SUCCESS) {
            return Result.failed(Errors.of(r.getResultCode(), serial + ": " + profileCode + " capture objects"));
        }
        List<Column> cols = new ArrayList<>();
        for (DataObject d : CosemData.list(r.getResultData())) {
            List<DataObject> def = CosemData.list(d);
            if (def.size() < 3) {
                throw new Undecodable("a capture object definition of " + profileCode + " is too short");
            }
            byte[] ln = def.get(1).getValue();
            cols.add(new Column(CosemData.number(def.get(0)).orElseThrow().intValue(),
                    new ObisCode(ln[0] & 0xFF, ln[1] & 0xFF, ln[2] & 0xFF, ln[3] & 0xFF, ln[4] & 0xFF, ln[5] & 0xFF),
                    CosemData.number(def.get(2)).orElseThrow().intValue()));
        }
        captureObjects.put(profileCode, List.copyOf(cols));
        return Result.ok(cols);
    }

    /** The buffer rows by range (selector 1, all columns), restricted by the profile's clock column. */
    private Result<List<DataObject>> buffer(ObisCode profileCode, List<Column> cols, Instant from, Instant to)
            throws IOException {
        Column clock = cols.stream().filter(Column::isClock).findFirst()
                .orElseGet(() -> new Column(CLOCK_CLASS, profile.clock().orElse(ObisCode.parse("0.0.1.0.0.255")), 2));
        DataObject restricting = DataObject.newStructureData(DataObject.newUInteger16Data(clock.classId()),
                DataObject.newOctetStringData(clock.obis().bytes()), DataObject.newInteger8Data((byte) clock.attribute()),
                DataObject.newUInteger16Data(0));
        DataObject range = DataObject.newStructureData(restricting, CosemData.dateTime(from), CosemData.dateTime(to),
                DataObject.newArrayData(List.of()));
        GetResult r = connection.get(new AttributeAddress(PROFILE_CLASS, jdlms(profileCode), 2,
                new SelectiveAccessDescription(1, range)));
        if (r.getResultCode() != AccessResultCode.SUCCESS) {
            return Result.failed(Errors.of(r.getResultCode(), serial + ": " + profileCode + " buffer"));
        }
        DataObject d = r.getResultData();
        if (d.isNull()) {
            return Result.ok(List.of());
        }
        return Result.ok(CosemData.list(d));
    }

    private long capturePeriod(ObisCode profileCode) throws IOException {
        GetResult r = connection.get(new AttributeAddress(PROFILE_CLASS, jdlms(profileCode), 4));
        if (r.getResultCode() != AccessResultCode.SUCCESS) {
            throw new Undecodable("rows without time, and the capture period is not readable: " + r.getResultCode());
        }
        return CosemData.number(r.getResultData()).orElseThrow(() -> new Undecodable("capture period")).longValue();
    }

    /** Scaler and unit per channel: the profile's override, else the register's attribute 3 (one GET). */
    private Result<List<ScalerUnit>> channelUnits(List<Column> cols, List<Integer> channelCols) throws IOException {
        List<AttributeAddress> ask = new ArrayList<>();
        List<ObisCode> asked = new ArrayList<>();
        for (int i : channelCols) {
            Column c = cols.get(i);
            Optional<CosemObject> o = objectAt(c.obis());
            boolean register = c.classId() == 3 || c.classId() == 4 || c.classId() == 5;
            boolean overridden = o.isPresent() && o.get().scaler().isPresent() && o.get().unit().isPresent();
            if (register && !overridden && !scalerUnits.containsKey(c.obis()) && !asked.contains(c.obis())) {
                ask.add(new AttributeAddress(c.classId(), jdlms(c.obis()), 3));
                asked.add(c.obis());
            }
        }
        if (!ask.isEmpty()) {
            List<GetResult> got = getAll(ask);
            for (int i = 0; i < asked.size(); i++) {
                GetResult r = got.get(i);
                if (r.getResultCode() != AccessResultCode.SUCCESS) {
                    return Result.failed(Errors.of(r.getResultCode(), serial + ": " + asked.get(i) + " scaler_unit"));
                }
                scalerUnits.put(asked.get(i), scalerUnit(r.getResultData()));
            }
        }
        List<ScalerUnit> out = new ArrayList<>();
        for (int i : channelCols) {
            Column c = cols.get(i);
            Optional<CosemObject> o = objectAt(c.obis());
            ScalerUnit su = scalerUnits.getOrDefault(c.obis(), new ScalerUnit(0, ""));
            out.add(new ScalerUnit(o.flatMap(CosemObject::scaler).orElse(su.scaler()),
                    o.flatMap(CosemObject::unit).orElse(su.unit())));
        }
        return Result.ok(out);
    }

    /** Quality from an AMR profile status: critical error or invalid data = BAD; clock or power flags = QUESTIONABLE. */
    private static Quality quality(DataObject status) {
        Optional<BigDecimal> n = CosemData.number(status);
        int bits;
        if (n.isPresent()) {
            bits = n.get().intValue();
        } else if (status.isBitString()) {
            byte[] b = ((org.openmuc.jdlms.datatypes.BitString) status.getValue()).getBitString();
            bits = b.length == 0 ? 0 : Integer.reverse(b[0] & 0xFF) >>> 24;
        } else {
            return Quality.GOOD;
        }
        if ((bits & 0b101) != 0) {
            return Quality.BAD; // bit 0 critical error, bit 2 data not valid
        }
        if ((bits & 0b1010_0010) != 0) {
            return Quality.QUESTIONABLE; // bit 1 clock invalid, bit 5 clock adjusted, bit 7 power down
        }
        return Quality.GOOD;
    }

    private static <T> int indexOf(List<T> list, java.util.function.Predicate<T> p) {
        for (int i = 0; i < list.size(); i++) {
            if (p.test(list.get(i))) {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ clock, relay, parameters

    @Override
    public Result<Instant> readClock() {
        return guarded(() -> {
            Optional<ObisCode> clock = profile.clock();
            if (clock.isEmpty()) {
                return unsupported("a clock");
            }
            GetResult r = connection.get(new AttributeAddress(CLOCK_CLASS, jdlms(clock.get()), 2));
            if (r.getResultCode() != AccessResultCode.SUCCESS) {
                return Result.failed(Errors.of(r.getResultCode(), serial + ": clock"));
            }
            return CosemData.instant(r.getResultData()).map(Result::ok)
                    .orElseGet(() -> Result.failed(Kind.TEMPORARY_FAILURE, serial + ": the clock is not set"));
        });
    }

    @Override
    public Result<Done> setClock(Instant time) {
        return guarded(() -> {
            Optional<ObisCode> clock = profile.clock();
            if (clock.isEmpty()) {
                return unsupported("a clock");
            }
            AccessResultCode code = connection.set(new SetParameter(
                    new AttributeAddress(CLOCK_CLASS, jdlms(clock.get()), 2), CosemData.dateTime(time)));
            return code == AccessResultCode.SUCCESS ? Result.ok(Done.DONE)
                    : Result.failed(Errors.of(code, serial + ": setting the clock"));
        });
    }

    @Override
    public Result<RelayState> readRelay() {
        return guarded(() -> {
            Optional<ObisCode> relay = profile.relay();
            if (relay.isEmpty()) {
                return unsupported("a disconnect control");
            }
            return relayState(relay.get());
        });
    }

    private Result<RelayState> relayState(ObisCode relay) throws IOException {
        GetResult r = connection.get(new AttributeAddress(DISCONNECT_CLASS, jdlms(relay), 3));
        if (r.getResultCode() != AccessResultCode.SUCCESS) {
            return Result.failed(Errors.of(r.getResultCode(), serial + ": relay control state"));
        }
        int state = CosemData.number(r.getResultData()).orElseThrow(() -> new Undecodable("control_state")).intValue();
        switch (state) {
            case 0:
                return Result.ok(RelayState.DISCONNECTED);
            case 1:
                return Result.ok(RelayState.CONNECTED);
            case 2:
                return Result.ok(RelayState.READY_FOR_RECONNECTION);
            default:
                throw new Undecodable("relay control_state " + state + " is not 0..2");
        }
    }

    @Override
    public Result<RelayState> connectRelay() {
        return operateRelay(2, "remote_reconnect");
    }

    @Override
    public Result<RelayState> disconnectRelay() {
        return operateRelay(1, "remote_disconnect");
    }

    private Result<RelayState> operateRelay(int method, String name) {
        return guarded(() -> {
            Optional<ObisCode> relay = profile.relay();
            if (relay.isEmpty()) {
                return unsupported("a disconnect control");
            }
            MethodResult m = connection.action(new MethodParameter(DISCONNECT_CLASS, jdlms(relay.get()), method,
                    DataObject.newInteger8Data((byte) 0)));
            if (m.getResultCode() != MethodResultCode.SUCCESS) {
                return Result.failed(Errors.of(m.getResultCode(), serial + ": " + name));
            }
            return relayState(relay.get());
        });
    }

    @Override
    public Result<Done> write(Parameter parameter) {
        return guarded(() -> {
            if (parameter instanceof Parameter.CtRatio ct) {
                return writeRatio(profile.ct(), ct.ratio(), "CT ratio");
            }
            if (parameter instanceof Parameter.PtRatio pt) {
                return writeRatio(profile.pt(), pt.ratio(), "PT ratio");
            }
            Parameter.Value v = (Parameter.Value) parameter;
            ObisCode at = profile.object(v.item()).map(CosemObject::obis).orElse(v.item());
            return writeTyped(v.classId(), at, v.attribute(), v.value(), v.item().toString());
        });
    }

    private Result<Done> writeRatio(Optional<ObisCode> object, BigDecimal ratio, String what) throws IOException {
        if (object.isEmpty()) {
            return unsupported("a " + what + " object");
        }
        BigDecimal r = ratio.stripTrailingZeros();
        if (r.scale() > 0) {
            return Result.failed(Kind.UNSUPPORTED, serial + ": the meter keeps the " + what
                    + " as an integer; " + ratio.toPlainString() + " is not integral");
        }
        if (r.signum() <= 0) {
            return Result.failed(Kind.UNSUPPORTED, serial + ": a " + what + " must be positive, not "
                    + ratio.toPlainString());
        }
        CosemObject o = profile.object(object.get()).orElse(
                new CosemObject(object.get(), object.get(), 1, 2, Optional.empty(), Optional.empty(), what));
        return writeTyped(o.classId(), o.obis(), o.attribute(), r.toPlainString(), what);
    }

    /** Writes {@code text} typed as the attribute's current value (read first). */
    private Result<Done> writeTyped(int classId, ObisCode obis, int attribute, String text, String what)
            throws IOException {
        AttributeAddress address = new AttributeAddress(classId, jdlms(obis), attribute);
        GetResult current = connection.get(address);
        if (current.getResultCode() != AccessResultCode.SUCCESS) {
            return Result.failed(Errors.of(current.getResultCode(), serial + ": " + what + " (reading its type)"));
        }
        DataObject value;
        try {
            value = CosemData.asTypeOf(current.getResultData(), text);
        } catch (IllegalArgumentException e) {
            return Result.failed(Kind.UNSUPPORTED, serial + ": " + what + ": " + e.getMessage());
        }
        AccessResultCode code = connection.set(new SetParameter(address, value));
        return code == AccessResultCode.SUCCESS ? Result.ok(Done.DONE)
                : Result.failed(Errors.of(code, serial + ": writing " + what));
    }

    // ------------------------------------------------------------------ firmware

    @Override
    public Result<Done> transferImage(FirmwareImage image, TransferProgress progress) {
        return guarded(() -> {
            Optional<ObisCode> imageObject = profile.image();
            if (imageObject.isEmpty()) {
                return unsupported("an image transfer object");
            }
            org.openmuc.jdlms.ObisCode at = jdlms(imageObject.get());
            GetResult bs = connection.get(new AttributeAddress(IMAGE_CLASS, at, 2));
            if (bs.getResultCode() != AccessResultCode.SUCCESS) {
                return Result.failed(Errors.of(bs.getResultCode(), serial + ": image block size"));
            }
            int blockSize = CosemData.number(bs.getResultData()).orElseThrow(() -> new Undecodable("block size"))
                    .intValue();
            if (blockSize <= 0) {
                throw new Undecodable("image block size " + blockSize);
            }
            byte[] content = image.content();
            int total = (content.length + blockSize - 1) / blockSize;
            byte[] id = image.identifier().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            MethodResult init = connection.action(new MethodParameter(IMAGE_CLASS, at, 1, DataObject.newStructureData(
                    DataObject.newOctetStringData(id), DataObject.newUInteger32Data(content.length))));
            if (init.getResultCode() != MethodResultCode.SUCCESS) {
                return Result.failed(Errors.of(init.getResultCode(), serial + ": image_transfer_initiate"));
            }
            GetResult first = connection.get(new AttributeAddress(IMAGE_CLASS, at, 4));
            if (first.getResultCode() != AccessResultCode.SUCCESS) {
                return Result.failed(Errors.of(first.getResultCode(), serial + ": first_not_transferred_block_number"));
            }
            long next = CosemData.number(first.getResultData()).orElseThrow(() -> new Undecodable("block number"))
                    .longValue();
            if (next > 0) {
                LOG.info("Meter {}: image {} resumes at block {} of {}", serial, image.identifier(), next, total);
            }
            for (long n = Math.min(next, total); n < total; n++) {
                int off = (int) (n * blockSize);
                byte[] block = Arrays.copyOfRange(content, off, Math.min(content.length, off + blockSize));
                MethodResult m = connection.action(new MethodParameter(IMAGE_CLASS, at, 2,
                        DataObject.newStructureData(DataObject.newUInteger32Data(n), DataObject.newOctetStringData(block))));
                if (m.getResultCode() != MethodResultCode.SUCCESS) {
                    return Result.failed(Errors.of(m.getResultCode(), serial + ": image block " + n));
                }
                if (!progress.blocks((int) n + 1, total)) {
                    return Result.failed(Kind.CANCELLED, serial + ": image transfer stopped after block " + (n + 1)
                            + " of " + total + "; it resumes there");
                }
            }
            return verify(at);
        });
    }

    private Result<Done> verify(org.openmuc.jdlms.ObisCode at) throws IOException {
        MethodResult v = connection.action(new MethodParameter(IMAGE_CLASS, at, 3, DataObject.newInteger8Data((byte) 0)));
        if (v.getResultCode() == MethodResultCode.SUCCESS) {
            return Result.ok(Done.DONE);
        }
        if (v.getResultCode() != MethodResultCode.TEMPORARY_FAILURE) {
            return Result.failed(Errors.of(v.getResultCode(), serial + ": image_verify"));
        }
        // verification runs in the meter: poll image_transfer_status (3 = verification successful, 4 = failed)
        for (int i = 0; i < 20; i++) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Result.failed(Kind.CANCELLED, serial + ": interrupted while the meter verifies the image");
            }
            GetResult s = connection.get(new AttributeAddress(IMAGE_CLASS, at, 6));
            if (s.getResultCode() == AccessResultCode.SUCCESS) {
                int status = CosemData.number(s.getResultData()).orElse(BigDecimal.ZERO).intValue();
                if (status == 3 || status == 6) {
                    return Result.ok(Done.DONE);
                }
                if (status == 4) {
                    return Result.failed(Kind.PROTOCOL_ERROR, serial + ": the meter rejected the image (verification failed)");
                }
            }
        }
        return Result.failed(Kind.TIMEOUT, serial + ": the meter did not finish verifying the image");
    }

    @Override
    public Result<Done> activateImage(String identifier) {
        return guarded(() -> {
            Optional<ObisCode> imageObject = profile.image();
            if (imageObject.isEmpty()) {
                return unsupported("an image transfer object");
            }
            org.openmuc.jdlms.ObisCode at = jdlms(imageObject.get());
            GetResult info = connection.get(new AttributeAddress(IMAGE_CLASS, at, 7));
            if (info.getResultCode() == AccessResultCode.SUCCESS && info.getResultData().isComplex()) {
                List<String> ready = new ArrayList<>();
                for (DataObject entry : CosemData.list(info.getResultData())) {
                    List<DataObject> fields = CosemData.list(entry);
                    if (fields.size() >= 2) {
                        CosemData.text(fields.get(1)).ifPresent(ready::add);
                    }
                }
                if (!ready.isEmpty() && !ready.contains(identifier)) {
                    return Result.failed(Kind.OBJECT_UNDEFINED, serial + ": image " + identifier
                            + " is not the one ready to activate (" + String.join(", ", ready) + ")");
                }
            }
            MethodResult m = connection.action(new MethodParameter(IMAGE_CLASS, at, 4, DataObject.newInteger8Data((byte) 0)));
            return m.getResultCode() == MethodResultCode.SUCCESS ? Result.ok(Done.DONE)
                    : Result.failed(Errors.of(m.getResultCode(), serial + ": image_activate"));
        });
    }

    @Override
    public Result<Signal> readSignal() {
        return guarded(() -> {
            Optional<ObisCode> signal = profile.signal();
            if (signal.isEmpty()) {
                return unsupported("a GSM diagnostic object");
            }
            GetResult r = connection.get(new AttributeAddress(GSM_CLASS, jdlms(signal.get()), 6));
            if (r.getResultCode() != AccessResultCode.SUCCESS) {
                return Result.failed(Errors.of(r.getResultCode(), serial + ": cell_info"));
            }
            List<DataObject> cell = CosemData.list(r.getResultData());
            if (cell.size() < 3) {
                throw new Undecodable("cell_info has " + cell.size() + " elements");
            }
            int q = CosemData.number(cell.get(2)).orElseThrow(() -> new Undecodable("signal_quality")).intValue();
            if (q == 99) {
                return Result.failed(Kind.TEMPORARY_FAILURE, serial + ": the module does not know its signal (99)");
            }
            if (q < 0 || q > 31) {
                throw new Undecodable("signal_quality " + q + " is not 0..31 or 99");
            }
            return Result.ok(new Signal(-113 + 2 * q, q));
        });
    }

    // ------------------------------------------------------------------ plumbing

    private <T> Result<T> guarded(Op<T> op) {
        if (!closed.get() && link.closed()) {
            terminate(link.closedOnUndecodableData() ? "the meter's answer could not be decoded"
                    : "the meter closed the connection");
        }
        if (closed.get()) {
            return Result.failed(closedError());
        }
        try {
            return op.run();
        } catch (Undecodable | ClassCastException | IllegalArgumentException | IndexOutOfBoundsException
                | java.util.NoSuchElementException e) {
            return Result.failed(Kind.PROTOCOL_ERROR, serial + ": undecodable answer: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            Errors.Mapped m = Errors.of(e, serial);
            if (m.error().kind() == Kind.TIMEOUT && link.closed()) {
                m = link.closedOnUndecodableData()
                        ? new Errors.Mapped(new DriverError(Kind.PROTOCOL_ERROR, serial
                                + ": undecodable answer; the link was dropped"), true)
                        : new Errors.Mapped(new DriverError(Kind.CONNECTION_FAILED, serial
                                + ": the meter closed the connection while the driver waited for an answer"), true);
            } else if (m.error().kind() == Kind.CONNECTION_FAILED && link.closedOnUndecodableData()) {
                m = new Errors.Mapped(new DriverError(Kind.PROTOCOL_ERROR, serial
                        + ": undecodable answer; the link was dropped"), true);
            }
            if (m.linkLost()) {
                terminate(m.error().message());
            }
            LOG.debug("Meter {}: {}", serial, m.error().message(), e);
            return Result.failed(m.error());
        }
    }

    private DriverError closedError() {
        return new DriverError(Kind.CONNECTION_FAILED, serial + ": the session is closed"
                + (closedBecause.isEmpty() ? "" : " (" + closedBecause + ")"));
    }

    private static List<ItemResult> failAll(List<ObisCode> items, DriverError e) {
        List<ItemResult> out = new ArrayList<>(items.size());
        for (ObisCode item : items) {
            out.add(new ItemResult(item, Result.failed(e)));
        }
        return out;
    }

    private <T> Result<T> unsupported(String what) {
        return Result.failed(Kind.UNSUPPORTED, serial + ": profile " + profile.id() + " names no " + what);
    }

    /** Where the meter keeps an item (the profile's obis mapping), else the item itself. */
    private ObisCode meterCode(ObisCode item) {
        return profile.object(item).map(CosemObject::obis).orElse(item);
    }

    private Optional<CosemObject> objectAt(ObisCode meterCode) {
        Optional<CosemObject> direct = profile.object(meterCode);
        if (direct.isPresent() && direct.get().obis().equals(meterCode)) {
            return direct;
        }
        return profile.objects().values().stream().filter(o -> o.obis().equals(meterCode)).findFirst();
    }

    /** The item a meter code stands for (reverse of the profile's obis mapping). */
    private ObisCode itemOf(ObisCode meterCode) {
        return objectAt(meterCode).map(CosemObject::item).orElse(meterCode);
    }

    static org.openmuc.jdlms.ObisCode jdlms(ObisCode c) {
        return new org.openmuc.jdlms.ObisCode(c.a(), c.b(), c.c(), c.d(), c.e(), c.f());
    }

    private void terminate(String reason) {
        if (closed.compareAndSet(false, true)) {
            closedBecause = reason;
            try {
                connection.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Meter {}: closing the connection: {}", serial, e.toString());
            }
            releaseCounters();
        }
    }

    private void releaseCounters() {
        if (guard != null) {
            guard.release();
        }
    }

    /** Releases the association (RLRQ, up to one response timeout) and the connection; never throws. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closedBecause = "closed by the caller";
        try {
            connection.disconnect();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Meter {}: release: {}", serial, e.toString());
        } finally {
            try {
                connection.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Meter {}: close: {}", serial, e.toString());
            }
            releaseCounters();
        }
    }
}
