package org.meterline.driver.dlms.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.meterline.core.api.ObisCode;
import org.meterline.simulator.SimulatedMeter;
import org.openmuc.jdlms.AccessResultCode;
import org.openmuc.jdlms.AttributeAddress;
import org.openmuc.jdlms.AuthenticationMechanism;
import org.openmuc.jdlms.DlmsConnection;
import org.openmuc.jdlms.GetResult;
import org.openmuc.jdlms.SecuritySuite;
import org.openmuc.jdlms.SelectiveAccessDescription;
import org.openmuc.jdlms.TcpConnectionBuilder;
import org.openmuc.jdlms.datatypes.DataObject;

/**
 * The raw jDLMS client loop the benchmarks compare Meterline with: the requests the DLMS driver
 * makes for registers and a load profile, with jDLMS alone (no driver, no model profile, no
 * invocation counter store). Test code, shared with the collection benchmark through this
 * bundle's test jar.
 */
public final class RawJdlms {

    private RawJdlms() {
    }

    /**
     * Reads a simulated meter with jDLMS alone over one association: the registers (value and
     * scaler_unit in one request), then, unless {@code profile} is null, the profile's capture objects,
     * its buffer for [from, to) by selective access and the channels' scaler_units. Answers the number
     * of values read.
     */
    public static long read(SimulatedMeter m, List<ObisCode> registers, ObisCode profile, Instant from, Instant to,
            Duration response) throws IOException {
        SecuritySuite suite = switch (m.security()) {
            case NONE -> SecuritySuite.builder().build();
            case LLS -> SecuritySuite.builder().setAuthenticationMechanism(AuthenticationMechanism.LOW)
                    .setPassword(m.password()).build();
            default -> SecuritySuite.builder().setAuthenticationMechanism(AuthenticationMechanism.HLS5_GMAC)
                    .setEncryptionMechanism(SecuritySuite.EncryptionMechanism.AES_GCM_128)
                    .setSecurityPolicy(SecuritySuite.SecurityPolicy.AUTHENTICATED_AND_ENCRYPTED)
                    .setAuthenticationKey(m.authenticationKey()).setGlobalUnicastEncryptionKey(m.encryptionKey())
                    .build();
        };
        TcpConnectionBuilder b = new TcpConnectionBuilder(InetAddress.getByName(m.host())).useWrapper()
                .setPort(m.port()).setLogicalDeviceId(m.logicalDevice()).setClientId(m.clientId())
                .setResponseTimeout((int) response.toMillis()).setSecuritySuite(suite)
                .setFrameCounter(Math.max(1, m.highestInvocationCounter() + 1));
        try (DlmsConnection c = b.build()) {
            long n = 0;
            List<AttributeAddress> regs = new ArrayList<>();
            for (ObisCode o : registers) {
                int cls = o.d() == 6 ? 4 : 3;
                regs.add(new AttributeAddress(cls, DlmsSession.jdlms(o), 2));
                regs.add(new AttributeAddress(cls, DlmsSession.jdlms(o), 3));
            }
            List<GetResult> got = regs.isEmpty() ? List.of() : c.get(regs);
            for (int i = 0; i < got.size(); i += 2) {
                if (got.get(i).getResultCode() == AccessResultCode.SUCCESS
                        && got.get(i + 1).getResultCode() == AccessResultCode.SUCCESS) {
                    List<DataObject> su = got.get(i + 1).getResultData().getValue();
                    BigDecimal v = BigDecimal.valueOf(((Number) got.get(i).getResultData().getValue()).longValue())
                            .scaleByPowerOfTen(((Number) su.get(0).getValue()).intValue());
                    if (v.signum() >= 0) {
                        n++;
                    }
                }
            }
            if (profile == null) {
                disconnect(c);
                return n;
            }
            org.openmuc.jdlms.ObisCode lp = DlmsSession.jdlms(profile);
            List<DataObject> columns = c.get(new AttributeAddress(7, lp, 3)).getResultData().getValue();
            DataObject range = DataObject.newStructureData(
                    DataObject.newStructureData(DataObject.newUInteger16Data(8),
                            DataObject.newOctetStringData(new byte[] {0, 0, 1, 0, 0, (byte) 255}),
                            DataObject.newInteger8Data((byte) 2), DataObject.newUInteger16Data(0)),
                    CosemData.dateTime(from), CosemData.dateTime(to), DataObject.newArrayData(List.of()));
            GetResult buffer = c.get(new AttributeAddress(7, lp, 2, new SelectiveAccessDescription(1, range)));
            List<AttributeAddress> units = new ArrayList<>();
            for (int i = 1; i < columns.size(); i++) {
                List<DataObject> def = columns.get(i).getValue();
                units.add(new AttributeAddress(3, new org.openmuc.jdlms.ObisCode((byte[]) def.get(1).getValue()), 3));
            }
            List<GetResult> scalers = c.get(units);
            List<DataObject> rows = buffer.getResultData().getValue();
            for (DataObject row : rows) {
                List<DataObject> cells = row.getValue();
                Instant at = CosemData.instant(cells.get(0)).orElseThrow();
                if (at.isBefore(from) || !at.isBefore(to)) {
                    continue;
                }
                for (int i = 1; i < cells.size(); i++) {
                    List<DataObject> su = scalers.get(i - 1).getResultData().getValue();
                    BigDecimal v = BigDecimal.valueOf(((Number) cells.get(i).getValue()).longValue())
                            .scaleByPowerOfTen(((Number) su.get(0).getValue()).intValue());
                    if (v.signum() >= 0) {
                        n++;
                    }
                }
            }
            disconnect(c);
            return n;
        }
    }

    private static void disconnect(DlmsConnection c) {
        try {
            c.disconnect();
        } catch (IOException e) {
            // jDLMS may report the meter closing the link right after its release response
        }
    }
}
