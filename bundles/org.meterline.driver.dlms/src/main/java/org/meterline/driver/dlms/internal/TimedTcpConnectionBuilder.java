package org.meterline.driver.dlms.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.openmuc.jdlms.RawMessageListener;
import org.openmuc.jdlms.SecuritySuite;
import org.openmuc.jdlms.TcpConnectionBuilder;
import org.openmuc.jdlms.sessionlayer.client.SessionLayer;
import org.openmuc.jdlms.sessionlayer.client.WrapperLayer;
import org.openmuc.jdlms.settings.client.ReferencingMethod;
import org.openmuc.jdlms.settings.client.Settings;
import org.openmuc.jdlms.settings.client.TcpSettings;
import org.openmuc.jdlms.transportlayer.client.TransportLayer;

/**
 * A jDLMS TCP + wrapper connection builder that keeps the session's connect timeout in the caller's
 * thread: jDLMS's own TCP layer opens its socket without a connect timeout and waits for each
 * association answer up to the response timeout. Here the socket connects with the time left of the
 * connect budget, and while associating every wait is cut to the time left, so building the
 * connection never takes (much) longer than the connect timeout. After the association the normal
 * response timeout applies.
 */
final class TimedTcpConnectionBuilder extends TcpConnectionBuilder implements LinkWatch {

    private final long deadlineNanos;
    private volatile boolean associated;
    private volatile TimedTcpLayer transport;

    /** @param connectTimeoutNanos the budget for the TCP connect and the whole association */
    TimedTcpConnectionBuilder(InetAddress address, long connectTimeoutNanos) {
        super(address);
        this.deadlineNanos = System.nanoTime() + connectTimeoutNanos;
        useWrapper();
    }

    /** From now on, waits use the normal response timeout. */
    void associated() {
        associated = true;
    }

    private int remainingMillis() {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000L;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
    }

    /**
     * Whether the socket is closed: by the meter (jDLMS's reader closes the transport when the stream
     * ends) or by this side. jDLMS may miss a peer close that happens between sending a request and
     * waiting for its answer, and then waits the full response timeout; this tells the two apart.
     */
    @Override
    public boolean closed() {
        TimedTcpLayer t = transport;
        return t != null && t.isClosed();
    }

    @Override
    public boolean closedOnUndecodableData() {
        TimedTcpLayer t = transport;
        return t != null && t.isClosed() && t.closedByReaderOnData;
    }

    @Override
    protected Settings buildSettings() {
        return new BudgetSettings((TcpSettings) super.buildSettings());
    }

    @Override
    protected SessionLayer buildSessionLayer(Settings settings) throws IOException {
        TimedTcpLayer t = new TimedTcpLayer((TcpSettings) settings);
        transport = t;
        return new WrapperLayer(settings, t);
    }

    /** The transport: a socket connected with the time left, TCP_NODELAY, buffered streams. */
    private final class TimedTcpLayer implements TransportLayer {
        private final TcpSettings settings;
        private Socket socket;
        private DataInputStream in;
        private DataOutputStream out;
        private volatile boolean closed = true;
        /** The stream ended or broke under a read: the meter (or the network) dropped the link. */
        private volatile boolean readFailed;
        /** The thread that reads the meter's answers (jDLMS's connection reader). */
        private volatile Thread reader;
        /** The reader closed the link although the stream was fine: it could not decode what came. */
        private volatile boolean closedByReaderOnData;

        TimedTcpLayer(TcpSettings settings) {
            this.settings = settings;
        }

        @Override
        public synchronized void open() throws IOException {
            if (!closed) {
                throw new IOException("already open");
            }
            Socket s = new Socket();
            try {
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(settings.inetAddress(), settings.port()), remainingMillis());
                out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream()));
                in = new DataInputStream(new ReadWatch(new BufferedInputStream(s.getInputStream())));
            } catch (IOException | RuntimeException e) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // the connect failed already
                }
                throw e;
            }
            socket = s;
            closed = false;
        }

        /** Notes when a read finds the end of the stream or fails while the link was open. */
        private final class ReadWatch extends java.io.FilterInputStream {
            ReadWatch(java.io.InputStream in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                reader = Thread.currentThread();
                try {
                    int b = super.read();
                    if (b < 0) {
                        readFailed = true;
                    }
                    return b;
                } catch (IOException e) {
                    noteFailure(e);
                    throw e;
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                reader = Thread.currentThread();
                try {
                    int n = super.read(b, off, len);
                    if (n < 0) {
                        readFailed = true;
                    }
                    return n;
                } catch (IOException e) {
                    noteFailure(e);
                    throw e;
                }
            }

            private void noteFailure(IOException e) {
                // a read timeout is not a broken link; a socket closed by this side neither
                if (!(e instanceof java.net.SocketTimeoutException) && !closed) {
                    readFailed = true;
                }
            }
        }

        @Override
        public void setTimeout(int timeout) throws IOException {
            socket.setSoTimeout(timeout);
        }

        @Override
        public DataInputStream getInputStream() {
            return in;
        }

        @Override
        public DataOutputStream getOutpuStream() {
            return out;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public synchronized void close() throws IOException {
            if (!closed) {
                if (Thread.currentThread() == reader && !readFailed) {
                    closedByReaderOnData = true;
                }
                closed = true;
                socket.close();
            }
        }
    }

    /** jDLMS's settings, with the response timeout cut to the connect budget until associated. */
    private final class BudgetSettings implements TcpSettings {
        private final TcpSettings d;

        BudgetSettings(TcpSettings delegate) {
            this.d = delegate;
        }

        @Override
        public int responseTimeout() {
            int normal = d.responseTimeout();
            return associated ? normal : Math.min(normal, remainingMillis());
        }

        @Override
        public InetAddress inetAddress() {
            return d.inetAddress();
        }

        @Override
        public int port() {
            return d.port();
        }

        @Override
        public InetTransportProtocol tranportProtocol() {
            return d.tranportProtocol();
        }

        @Override
        public byte[] systemTitle() {
            return d.systemTitle();
        }

        @Override
        public int challengeLength() {
            return d.challengeLength();
        }

        @Override
        public long frameCounter() {
            return d.frameCounter();
        }

        @Override
        public int clientId() {
            return d.clientId();
        }

        @Override
        public int userId() {
            return d.userId();
        }

        @Override
        public int logicalDeviceId() {
            return d.logicalDeviceId();
        }

        @Override
        public int physicalDeviceId() {
            return d.physicalDeviceId();
        }

        @Override
        public void updateAuthenticationKey(byte[] authenticationKey) {
            d.updateAuthenticationKey(authenticationKey);
        }

        @Override
        public void updateGlobalEncryptionKey(byte[] globalEncryptionKey) {
            d.updateGlobalEncryptionKey(globalEncryptionKey);
        }

        @Override
        public SecuritySuite securitySuite() {
            return d.securitySuite();
        }

        @Override
        public ReferencingMethod referencingMethod() {
            return d.referencingMethod();
        }

        @Override
        public RawMessageListener rawMessageListener() {
            return d.rawMessageListener();
        }

        @Override
        public int hdlcMaxInformationLength() {
            return d.hdlcMaxInformationLength();
        }

        @Override
        public boolean alwaysSendSecurityMechanismName() {
            return d.alwaysSendSecurityMechanismName();
        }

        @Override
        public boolean skipAARQEncryption() {
            return d.skipAARQEncryption();
        }

        @Override
        public String toString() {
            // never the security suite: it holds keys
            return "Settings[" + d.inetAddress() + ":" + d.port() + ", client " + d.clientId() + ", device "
                    + d.logicalDeviceId() + "]";
        }
    }
}
