package org.meterline.simulator.internal;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.internal.cosem.AccessGuard;
import org.openmuc.jdlms.DlmsServer;
import org.openmuc.jdlms.LogicalDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers and meters behind a {@link org.meterline.simulator.Fleet}: per port a listening socket of
 * the {@link Front} and a jDLMS server with one logical device per meter on a free loopback port.
 */
public final class FleetRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetRuntime.class);
    /** Most client connections a fleet serves at once; further ones are closed on accept. */
    static final int MAX_CONNECTIONS = 512;

    private final FleetSpec spec;
    private final List<MeterState> meters;
    private final List<Integer> ports;
    private final List<DlmsServer> servers;
    private final List<Integer> internalPorts;
    private final Front front;
    private volatile boolean running = true;

    private FleetRuntime(FleetSpec spec, List<MeterState> meters, List<Integer> ports, List<DlmsServer> servers,
            List<Integer> internalPorts, Front front) {
        this.spec = spec;
        this.meters = meters;
        this.ports = ports;
        this.servers = servers;
        this.internalPorts = internalPorts;
        this.front = front;
    }

    public static FleetRuntime start(FleetSpec spec) throws IOException {
        long t0 = System.nanoTime();
        FleetContext context = new FleetContext(spec, Instant.now());
        List<ServerSocketChannel> channels = new ArrayList<>();
        List<DlmsServer> servers = new ArrayList<>();
        try {
            for (int s = 0; s < spec.serverCount(); s++) {
                ServerSocketChannel channel = ServerSocketChannel.open();
                channels.add(channel);
                channel.bind(new InetSocketAddress(spec.bindHost(), spec.basePort() + s), 200);
            }
            AccessGuard guard = new AccessGuard();
            List<MeterState> meters = new ArrayList<>(spec.count());
            List<Front.Port> frontPorts = new ArrayList<>();
            List<Integer> ports = new ArrayList<>();
            List<Integer> internalPorts = new ArrayList<>();
            for (int s = 0; s < spec.serverCount(); s++) {
                int port = ((InetSocketAddress) channels.get(s).getLocalAddress()).getPort();
                ports.add(port);
                int first = s * spec.metersPerServer();
                int last = Math.min(spec.count(), first + spec.metersPerServer());
                MeterState[] onPort = new MeterState[last - first];
                List<LogicalDevice> devices = new ArrayList<>(onPort.length);
                for (int i = first; i < last; i++) {
                    MeterState m = new MeterState(context, i, port);
                    onPort[i - first] = m;
                    meters.add(m);
                    devices.add(MeterDevice.build(m, guard));
                }
                Started server = startServer(devices, guard);
                servers.add(server.server);
                internalPorts.add(server.port);
                frontPorts.add(new Front.Port(channels.get(s), server.port, onPort));
            }
            Front front = new Front(spec.name(), spec.security(), frontPorts, MAX_CONNECTIONS);
            LOG.info("Simulator fleet {} started: {} meters on {}:{}..{}, {} per server, {} ({} ms)", spec.name(),
                    spec.count(), spec.bindHost(), ports.get(0), ports.get(ports.size() - 1),
                    spec.metersPerServer(), spec.security(), Duration.ofNanos(System.nanoTime() - t0).toMillis());
            return new FleetRuntime(spec, Collections.unmodifiableList(meters), List.copyOf(ports),
                    List.copyOf(servers), List.copyOf(internalPorts), front);
        } catch (IOException | RuntimeException | Error e) {
            for (ServerSocketChannel c : channels) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // closing what was opened
                }
            }
            closeServers(servers);
            throw e;
        }
    }

    private record Started(DlmsServer server, int port) {
    }

    /**
     * jDLMS binds its server socket on all interfaces to a port it is given; pick a free one and retry if
     * another process took it in between.
     */
    private static Started startServer(List<LogicalDevice> devices, AccessGuard guard) throws IOException {
        BindException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            try {
                DlmsServer server = DlmsServer.tcpServerBuilder(port).registerLogicalDevice(devices)
                        .setConnectionListener(guard).build();
                return new Started(server, port);
            } catch (BindException e) {
                last = e;
            }
        }
        throw last;
    }

    private static void closeServers(List<DlmsServer> servers) {
        for (DlmsServer s : servers) {
            try {
                s.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Closing a jDLMS server failed", e);
            }
        }
    }

    public List<MeterState> meters() {
        return meters;
    }

    public List<Integer> ports() {
        return ports;
    }

    /**
     * The loopback ports of the jDLMS servers behind the front, in server order: only for measuring what
     * the front costs; clients use {@link #ports()}.
     */
    public List<Integer> internalPorts() {
        return internalPorts;
    }

    public boolean isRunning() {
        return running;
    }

    /** Open client connections. */
    public int openConnections() {
        return front.openConnections();
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        front.close();
        closeServers(servers);
        LOG.info("Simulator fleet {} stopped", spec.name());
    }
}
