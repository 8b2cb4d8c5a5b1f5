package org.meterline.simulator.internal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.meterline.simulator.Fault;
import org.meterline.simulator.SecurityMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP side of a fleet: one listening port per server, one acceptor thread for all of them, and per
 * client connection two pump threads (client → jDLMS server, jDLMS server → client) from a bounded pool.
 * The pumps parse the 8-byte wrapper header, pick the meter by destination address, apply its faults and
 * read the invocation counter of ciphered requests.
 */
final class Front implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Front.class);
    private static final int HEADER = 8;
    /** A client that sends nothing for this long is disconnected. */
    private static final int IDLE_TIMEOUT_MILLIS = 10 * 60 * 1000;

    /** One listening port and the jDLMS server behind it. */
    static final class Port {
        final ServerSocketChannel channel;
        final int internalPort;
        final MeterState[] meters;

        Port(ServerSocketChannel channel, int internalPort, MeterState[] meters) {
            this.channel = channel;
            this.internalPort = internalPort;
            this.meters = meters;
        }

        MeterState meter(int logicalDevice) {
            int i = logicalDevice - 1;
            return i >= 0 && i < meters.length ? meters[i] : null;
        }
    }

    private final String name;
    private final SecurityMode security;
    private final List<Port> ports;
    private final int maxConnections;
    private final Selector selector;
    private final Thread acceptor;
    private final ThreadPoolExecutor pumps;
    private final Set<Relay> relays = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    Front(String name, SecurityMode security, List<Port> ports, int maxConnections) throws IOException {
        this.name = name;
        this.security = security;
        this.ports = List.copyOf(ports);
        this.maxConnections = maxConnections;
        this.selector = Selector.open();
        try {
            for (Port p : ports) {
                p.channel.configureBlocking(false);
                p.channel.register(selector, SelectionKey.OP_ACCEPT, p);
            }
        } catch (IOException e) {
            selector.close();
            throw e;
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "meterline-sim-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pumps = new ThreadPoolExecutor(0, 2 * maxConnections, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                factory);
        this.acceptor = new Thread(this::acceptLoop, "meterline-sim-" + name + "-accept");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    int openConnections() {
        return relays.size();
    }

    private void acceptLoop() {
        try {
            while (!closed) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid() && key.isAcceptable()) {
                        Port port = (Port) key.attachment();
                        try {
                            SocketChannel client = port.channel.accept();
                            if (client != null) {
                                accepted(port, client);
                            }
                        } catch (IOException e) {
                            // e.g. out of file descriptors: keep serving the others
                            if (!closed) {
                                LOG.warn("Simulator fleet {}: accepting a connection failed: {}", name, e.toString());
                                pause();
                            }
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (ClosedSelectorException e) {
            // closing
        } catch (IOException e) {
            if (!closed) {
                LOG.warn("Simulator fleet {}: accepting connections failed", name, e);
            }
        }
    }

    /** Backs off after a failed accept, so a lasting failure does not spin. */
    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void accepted(Port port, SocketChannel channel) {
        Socket client = channel.socket();
        if (relays.size() >= maxConnections) {
            LOG.debug("Simulator fleet {}: more than {} connections, refusing one", name, maxConnections);
            closeQuietly(client);
            return;
        }
        Relay relay = new Relay(port, client);
        relays.add(relay);
        try {
            channel.configureBlocking(true);
            client.setTcpNoDelay(true);
            client.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            pumps.execute(relay::upstream);
        } catch (IOException | RejectedExecutionException e) {
            LOG.debug("Simulator fleet {}: connection refused", name, e);
            relay.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            selector.close();
        } catch (IOException e) {
            // ignore
        }
        for (Port p : ports) {
            try {
                p.channel.close();
            } catch (IOException e) {
                // ignore
            }
        }
        for (Relay r : relays) {
            r.close();
        }
        pumps.shutdownNow();
        try {
            acceptor.join(5_000);
            if (!pumps.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Simulator fleet {}: connection threads did not end", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // ignore
            }
        }
    }

    /** One client connection and its connection to the jDLMS server. */
    private final class Relay {
        private final Port port;
        private final Socket client;
        private volatile Socket server;
        private volatile MeterState meter;
        private boolean done;

        Relay(Port port, Socket client) {
            this.port = port;
            this.client = client;
        }

        void upstream() {
            try {
                Socket s = new Socket();
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port.internalPort), 5_000);
                synchronized (this) {
                    if (done) {
                        closeQuietly(s);
                        return;
                    }
                    server = s;
                }
                pumps.execute(this::downstream);
                DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream(), 4096));
                OutputStream out = s.getOutputStream();
                // counters are checked per sender, a client known by the system title of its AARQ
                String sender = "";
                while (true) {
                    byte[] frame = readFrame(in);
                    if (frame == null) {
                        return;
                    }
                    int source = u16(frame, 2);
                    MeterState m = port.meter(u16(frame, 4));
                    if (m == null) {
                        LOG.debug("Simulator fleet {}: no logical device {} on port {}", name, u16(frame, 4),
                                client.getLocalPort());
                        return;
                    }
                    if (meter == null) {
                        meter = m;
                    }
                    if (security == SecurityMode.HLS5_GMAC && source == security.clientId()) {
                        byte[] apdu = java.util.Arrays.copyOfRange(frame, HEADER, frame.length);
                        String title = ApduInspector.callingTitle(apdu);
                        if (title != null) {
                            sender = title;
                        }
                        long ic = ApduInspector.invocationCounter(apdu);
                        if (ic >= 0 && !m.receivedInvocationCounter(sender, ic)) {
                            // a real meter discards a replayed frame; closing makes it visible to the client
                            LOG.debug("Simulator fleet {}: meter {} refused a frame whose invocation counter {} "
                                    + "is not above {}", name, m.serialNumber(), ic, m.highestInvocationCounter());
                            return;
                        }
                    }
                    if (m.has(Fault.NoAnswer.class)) {
                        continue;
                    }
                    out.write(frame);
                    out.flush();
                }
            } catch (IOException | RejectedExecutionException e) {
                // connection closed by either side
            } finally {
                close();
            }
        }

        void downstream() {
            try {
                DataInputStream in = new DataInputStream(new BufferedInputStream(server.getInputStream(), 4096));
                OutputStream out = client.getOutputStream();
                SplittableRandom random = null;
                while (true) {
                    byte[] frame = readFrame(in);
                    if (frame == null) {
                        return;
                    }
                    MeterState m = meter;
                    if (m != null) {
                        if (m.has(Fault.NoAnswer.class)) {
                            continue;
                        }
                        Fault.SlowAnswer slow = m.fault(Fault.SlowAnswer.class);
                        if (slow != null) {
                            Thread.sleep(slow.delay().toMillis());
                        }
                        if (m.takeDropArmed()) {
                            out.write(frame, 0, Math.max(1, frame.length / 2));
                            out.flush();
                            return;
                        }
                        if (m.has(Fault.Garbage.class)) {
                            if (random == null) {
                                random = new SplittableRandom();
                            }
                            random.nextBytes(frame);
                            frame[0] = (byte) (0x80 | frame[0]);
                        }
                    }
                    out.write(frame);
                    out.flush();
                }
            } catch (IOException e) {
                // connection closed by either side
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                close();
            }
        }

        /** Reads one wrapper frame (header and payload); null at end of stream or on a bad header. */
        private byte[] readFrame(DataInputStream in) throws IOException {
            byte[] header = new byte[HEADER];
            try {
                in.readFully(header);
            } catch (EOFException e) {
                return null;
            }
            if (u16(header, 0) != 1) {
                return null;
            }
            int length = u16(header, 6);
            byte[] frame = new byte[HEADER + length];
            System.arraycopy(header, 0, frame, 0, HEADER);
            in.readFully(frame, HEADER, length);
            return frame;
        }

        void close() {
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
            }
            closeQuietly(client);
            closeQuietly(server);
            relays.remove(this);
        }
    }

    private static int u16(byte[] b, int pos) {
        return ((b[pos] & 0xff) << 8) | (b[pos + 1] & 0xff);
    }

}
