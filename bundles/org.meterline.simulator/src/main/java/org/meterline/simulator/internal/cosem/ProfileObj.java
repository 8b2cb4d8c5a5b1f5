package org.meterline.simulator.internal.cosem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.meterline.simulator.internal.DlmsTime;
import org.meterline.simulator.internal.Event;
import org.meterline.simulator.internal.EventLogKind;
import org.meterline.simulator.internal.LoadModel;
import org.meterline.simulator.internal.MeterState;
import org.openmuc.jdlms.AccessResultCode;
import org.openmuc.jdlms.AttributeAccessMode;
import org.openmuc.jdlms.CosemAttribute;
import org.openmuc.jdlms.CosemClass;
import org.openmuc.jdlms.CosemInterfaceObject;
import org.openmuc.jdlms.DlmsInterceptor;
import org.openmuc.jdlms.IllegalAttributeAccessException;
import org.openmuc.jdlms.SelectiveAccessDescription;
import org.openmuc.jdlms.datatypes.DataObject;

/**
 * Interface class 7 Profile Generic: the 15-minute load profile or an event log. Rows are generated on
 * each read from the meter's model and events, never stored. Selective access: selector 1 (range by clock,
 * with optional column selection) and 2 (entry range).
 */
@CosemClass(id = 7, version = 1)
public class ProfileObj extends CosemInterfaceObject {

    public static final String LOAD_PROFILE = "1.0.99.1.0.255";
    private static final String CLOCK = "0.0.1.0.0.255";
    private static final String[] ENERGY = {"1.0.1.8.0.255", "1.0.2.8.0.255", "1.0.3.8.0.255", "1.0.4.8.0.255"};
    private static final DataObject LOAD_CAPTURE_OBJECTS = DataObject.newArrayData(List.of(
            Values.captureObject(8, CLOCK, 2), Values.captureObject(3, ENERGY[0], 2),
            Values.captureObject(3, ENERGY[1], 2), Values.captureObject(3, ENERGY[2], 2),
            Values.captureObject(3, ENERGY[3], 2)));
    private static final DataObject LOAD_PERIOD = DataObject.newUInteger32Data(LoadModel.INTERVAL);
    private static final DataObject EVENT_PERIOD = DataObject.newUInteger32Data(0);
    private static final DataObject FIFO = DataObject.newEnumerateData(1);
    private static final DataObject SORT_OBJECT = DataObject.newStructureData(DataObject.newUInteger16Data(0),
            DataObject.newOctetStringData(new byte[6]), DataObject.newInteger8Data((byte) 0),
            DataObject.newUInteger16Data(0));

    @CosemAttribute(id = 2, accessMode = AttributeAccessMode.READ_ONLY, selector = {1, 2})
    private DataObject buffer;

    @CosemAttribute(id = 3, accessMode = AttributeAccessMode.READ_ONLY)
    private final DataObject captureObjects;

    @CosemAttribute(id = 4, accessMode = AttributeAccessMode.READ_ONLY)
    private final DataObject capturePeriod;

    @CosemAttribute(id = 5, accessMode = AttributeAccessMode.READ_ONLY)
    private final DataObject sortMethod = FIFO;

    @CosemAttribute(id = 6, accessMode = AttributeAccessMode.READ_ONLY)
    private final DataObject sortObject = SORT_OBJECT;

    @CosemAttribute(id = 7, accessMode = AttributeAccessMode.READ_ONLY)
    private DataObject entriesInUse;

    @CosemAttribute(id = 8, accessMode = AttributeAccessMode.READ_ONLY)
    private DataObject profileEntries;

    private final MeterState meter;
    /** null for the load profile. */
    private final EventLogKind log;

    private ProfileObj(String obis, DlmsInterceptor guard, MeterState meter, EventLogKind log,
            DataObject captureObjects, DataObject capturePeriod) {
        super(obis, guard);
        this.meter = meter;
        this.log = log;
        this.captureObjects = captureObjects;
        this.capturePeriod = capturePeriod;
    }

    public static ProfileObj loadProfile(DlmsInterceptor guard, MeterState meter) {
        return new ProfileObj(LOAD_PROFILE, guard, meter, null, LOAD_CAPTURE_OBJECTS, LOAD_PERIOD);
    }

    private static final DataObject[] EVENT_CAPTURE_OBJECTS = Arrays.stream(EventLogKind.values())
            .map(k -> DataObject.newArrayData(List.of(Values.captureObject(8, CLOCK, 2),
                    Values.captureObject(1, k.eventCode(), 2))))
            .toArray(DataObject[]::new);

    public static ProfileObj eventLog(DlmsInterceptor guard, MeterState meter, EventLogKind log) {
        return new ProfileObj(log.profile(), guard, meter, log, EVENT_CAPTURE_OBJECTS[log.ordinal()], EVENT_PERIOD);
    }

    public DataObject getBuffer(SelectiveAccessDescription access) throws IllegalAttributeAccessException {
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        int[] columns = null;
        long fromEntry = 1;
        long toEntry = 0;
        if (access != null) {
            try {
                List<DataObject> p = access.getAccessParameter().getValue();
                if (access.getAccessSelector() == 1) {
                    List<DataObject> restricting = p.get(0).getValue();
                    if (Values.number(restricting.get(0)) != 8) {
                        throw new IllegalAttributeAccessException(AccessResultCode.SCOPE_OF_ACCESS_VIOLATED);
                    }
                    from = DlmsTime.decode(ClockObj.bytes(p.get(1))).getEpochSecond();
                    to = DlmsTime.decode(ClockObj.bytes(p.get(2))).getEpochSecond();
                    List<DataObject> selected = p.size() > 3 && !p.get(3).isNull() ? p.get(3).getValue() : List.of();
                    columns = columns(selected);
                } else if (access.getAccessSelector() == 2) {
                    fromEntry = Values.number(p.get(0));
                    toEntry = Values.number(p.get(1));
                    int fromColumn = (int) Values.number(p.get(2));
                    int toColumn = (int) Values.number(p.get(3));
                    columns = columnRange(fromColumn, toColumn);
                } else {
                    throw new IllegalAttributeAccessException(AccessResultCode.SCOPE_OF_ACCESS_VIOLATED);
                }
            } catch (RuntimeException e) {
                throw new IllegalAttributeAccessException(AccessResultCode.SCOPE_OF_ACCESS_VIOLATED);
            }
        }
        List<DataObject> rows = log == null ? loadRows(from, to, columns) : eventRows(from, to, columns);
        if (access != null && access.getAccessSelector() == 2) {
            int first = (int) Math.max(0, Math.min(rows.size(), fromEntry - 1));
            int last = toEntry == 0 ? rows.size() : (int) Math.max(first, Math.min(rows.size(), toEntry));
            rows = rows.subList(first, last);
        }
        if (log == null) {
            meter.armDrop();
        }
        return DataObject.newArrayData(rows);
    }

    public DataObject getEntriesInUse() {
        return Values.u32(entries());
    }

    public DataObject getProfileEntries() {
        return Values.u32(entries());
    }

    private long entries() {
        if (log == null) {
            long nowK = Math.floorDiv(meter.now().getEpochSecond(), LoadModel.INTERVAL);
            return Math.max(0, nowK - meter.fleet().historyStartInterval() + 1);
        }
        return meter.events(log, Long.MIN_VALUE, Long.MAX_VALUE).size();
    }

    private int columnCount() {
        return log == null ? 5 : 2;
    }

    private int[] columns(List<DataObject> selected) {
        if (selected.isEmpty()) {
            return null;
        }
        List<DataObject> defs = captureObjects.getValue();
        int[] result = new int[selected.size()];
        for (int i = 0; i < result.length; i++) {
            List<DataObject> wanted = selected.get(i).getValue();
            result[i] = -1;
            for (int c = 0; c < defs.size(); c++) {
                List<DataObject> def = defs.get(c).getValue();
                if (Values.number(def.get(0)) == Values.number(wanted.get(0))
                        && Arrays.equals((byte[]) def.get(1).getValue(), (byte[]) wanted.get(1).getValue())
                        && Values.number(def.get(2)) == Values.number(wanted.get(2))) {
                    result[i] = c;
                }
            }
            if (result[i] < 0) {
                throw new IllegalArgumentException("not a captured object");
            }
        }
        return result;
    }

    private int[] columnRange(int from, int to) {
        int n = columnCount();
        int first = Math.max(1, from);
        int last = to == 0 ? n : Math.min(n, to);
        if (first > last) {
            throw new IllegalArgumentException("empty column range");
        }
        int[] result = new int[last - first + 1];
        for (int i = 0; i < result.length; i++) {
            result[i] = first - 1 + i;
        }
        return result;
    }

    private List<DataObject> loadRows(long from, long to, int[] columns) {
        long first = Math.max(meter.fleet().historyStartInterval(),
                from == Long.MIN_VALUE ? Long.MIN_VALUE : Math.floorDiv(from + LoadModel.INTERVAL - 1, LoadModel.INTERVAL));
        long last = Math.min(Math.floorDiv(meter.now().getEpochSecond(), LoadModel.INTERVAL),
                to == Long.MAX_VALUE ? Long.MAX_VALUE : Math.floorDiv(to, LoadModel.INTERVAL));
        List<DataObject> rows = new ArrayList<>((int) Math.max(0, Math.min(100_000, last - first + 1)));
        DataObject[] cells = new DataObject[5];
        for (long k = first; k <= last; k++) {
            cells[0] = Values.dateTime(k * LoadModel.INTERVAL);
            for (int c = 1; c <= 4; c++) {
                cells[c] = Values.u32(meter.energy(c, k));
            }
            rows.add(row(cells, columns));
        }
        return rows;
    }

    private List<DataObject> eventRows(long from, long to, int[] columns) {
        List<Event> events = meter.events(log, from, to);
        List<DataObject> rows = new ArrayList<>(events.size());
        DataObject[] cells = new DataObject[2];
        for (Event e : events) {
            cells[0] = Values.dateTime(e.epochSecond());
            cells[1] = Values.u8(e.code());
            rows.add(row(cells, columns));
        }
        return rows;
    }

    private static DataObject row(DataObject[] cells, int[] columns) {
        if (columns == null) {
            return DataObject.newStructureData(cells.clone());
        }
        DataObject[] picked = new DataObject[columns.length];
        for (int i = 0; i < columns.length; i++) {
            picked[i] = cells[columns[i]];
        }
        return DataObject.newStructureData(picked);
    }
}
