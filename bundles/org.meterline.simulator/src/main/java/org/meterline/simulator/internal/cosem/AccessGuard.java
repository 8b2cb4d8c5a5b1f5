package org.meterline.simulator.internal.cosem;

import java.util.Set;
import org.openmuc.jdlms.AccessResultCode;
import org.openmuc.jdlms.DlmsAccessException;
import org.openmuc.jdlms.DlmsInterceptor;
import org.openmuc.jdlms.DlmsInvocationContext;
import org.openmuc.jdlms.DlmsInvocationContext.XDlmsServiceType;
import org.openmuc.jdlms.IllegalAttributeAccessException;
import org.openmuc.jdlms.IllegalMethodAccessException;
import org.openmuc.jdlms.MethodResultCode;
import org.openmuc.jdlms.ObisCode;
import org.openmuc.jdlms.ServerConnectionInfo;
import org.openmuc.jdlms.ServerConnectionListener;
import org.openmuc.jdlms.datatypes.DataObject;

/**
 * Restricts the public client (16) of a fleet with security LLS or HLS5-GMAC to reading the logical device
 * name and the invocation counter.
 *
 * <p>jDLMS tells an interceptor the security policy but not the client, and LLS and the public client
 * both have policy "nothing". The server's connection listener, however, is called on the association's
 * own thread before its first request, and that thread serves every request of the association: so the
 * listener records the client in a thread local that the interceptor reads.
 */
public final class AccessGuard implements DlmsInterceptor, ServerConnectionListener {

    public static final int PUBLIC_CLIENT = 16;
    public static final String INVOCATION_COUNTER = "0.0.43.1.0.255";
    private static final Set<ObisCode> PUBLIC_OBJECTS = Set.of(new ObisCode("0.0.42.0.0.255"),
            new ObisCode(INVOCATION_COUNTER));
    private static final ThreadLocal<Integer> CLIENT = new ThreadLocal<>();

    @Override
    public void connectionChanged(ServerConnectionInfo info) {
        if (info.getConnectionStatus() == ServerConnectionInfo.Status.OPEN) {
            CLIENT.set(info.getClientId());
        } else {
            CLIENT.remove();
        }
    }

    @Override
    public DataObject intercept(DlmsInvocationContext ctx) throws DlmsAccessException {
        Integer client = CLIENT.get();
        if (client == null || client == PUBLIC_CLIENT) {
            boolean allowed = ctx.getXDlmsServiceType() == XDlmsServiceType.GET
                    && PUBLIC_OBJECTS.contains(ctx.getTarget().getInstanceId());
            if (!allowed) {
                if (ctx.getXDlmsServiceType() == XDlmsServiceType.ACTION) {
                    throw new IllegalMethodAccessException(MethodResultCode.READ_WRITE_DENIED);
                }
                throw new IllegalAttributeAccessException(AccessResultCode.READ_WRITE_DENIED);
            }
        }
        return ctx.proceed();
    }
}
