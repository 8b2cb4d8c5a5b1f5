package org.meterline.simulator;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.openmuc.jdlms.AccessResultCode;
import org.openmuc.jdlms.AttributeAddress;
import org.openmuc.jdlms.DlmsConnection;
import org.openmuc.jdlms.GetResult;
import org.openmuc.jdlms.MethodParameter;
import org.openmuc.jdlms.MethodResultCode;
import org.openmuc.jdlms.ObisCode;
import org.openmuc.jdlms.SelectiveAccessDescription;
import org.openmuc.jdlms.datatypes.DataObject;

/** Test helpers written against the DLMS object model, independent of the simulator's code. */
final class Cosem {

    private Cosem() {
    }

    static byte[] dateTime(Instant t) {
        LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        return new byte[] {(byte) (d.getYear() >> 8), (byte) d.getYear(), (byte) d.getMonthValue(),
                (byte) d.getDayOfMonth(), (byte) d.getDayOfWeek().getValue(), (byte) d.getHour(),
                (byte) d.getMinute(), (byte) d.getSecond(), 0, 0, 0, 0};
    }

    static Instant instant(DataObject octetString) {
        byte[] b = octetString.getValue();
        int year = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        return LocalDateTime.of(year, b[2], b[3], b[5], b[6], b[7]).toInstant(ZoneOffset.UTC);
    }

    /** Selector 1: range by clock, all columns. */
    static SelectiveAccessDescription range(Instant from, Instant to, DataObject... columns) {
        DataObject clock = DataObject.newStructureData(DataObject.newUInteger16Data(8),
                DataObject.newOctetStringData(new ObisCode("0.0.1.0.0.255").bytes()),
                DataObject.newInteger8Data((byte) 2), DataObject.newUInteger16Data(0));
        return new SelectiveAccessDescription(1, DataObject.newStructureData(clock,
                DataObject.newOctetStringData(dateTime(from)), DataObject.newOctetStringData(dateTime(to)),
                DataObject.newArrayData(List.of(columns))));
    }

    static DataObject column(int classId, String obis, int attribute) {
        return DataObject.newStructureData(DataObject.newUInteger16Data(classId),
                DataObject.newOctetStringData(new ObisCode(obis).bytes()), DataObject.newInteger8Data((byte) attribute),
                DataObject.newUInteger16Data(0));
    }

    static List<DataObject> rows(DlmsConnection c, String profile, SelectiveAccessDescription access)
            throws IOException {
        GetResult r = c.get(new AttributeAddress(7, profile, 2, access));
        if (r.getResultCode() != AccessResultCode.SUCCESS) {
            throw new AssertionError(profile + " buffer: " + r.getResultCode());
        }
        return r.getResultData().getValue();
    }

    static long number(DataObject d) {
        return ((Number) d.getValue()).longValue();
    }

    static MethodResultCode act(DlmsConnection c, int classId, String obis, int method, DataObject parameter)
            throws IOException {
        return c.action(new MethodParameter(classId, obis, method, parameter)).getResultCode();
    }

    static DataObject zero() {
        return DataObject.newInteger8Data((byte) 0);
    }
}
