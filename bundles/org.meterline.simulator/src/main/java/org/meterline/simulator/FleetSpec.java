package org.meterline.simulator;

import java.util.Objects;

/**
 * What a fleet of simulated meters looks like.
 *
 * <p>Meter {@code i} (0-based) has the serial {@code serialPrefix + (firstNumber + i)} zero-padded to 6
 * digits (e.g. "SIM000001"), listens on {@code basePort + i / metersPerServer} and answers as logical
 * device (server wrapper address) {@code 1 + i % metersPerServer}.
 *
 * @param name a name for the fleet, unique within a {@link SimulatorService}
 * @param count number of meters, at least 1
 * @param serialPrefix prefix of every serial number (printable ASCII; serials have at most 13 characters)
 * @param firstNumber number of the first meter's serial
 * @param bindHost address the servers listen on
 * @param basePort TCP port of the first server; the fleet uses {@link #serverCount()} consecutive ports
 * @param metersPerServer meters (logical devices) behind one TCP port, 1..16383
 * @param security how the reading client authenticates
 * @param seed seed of the generated values and of the per-meter secrets (not shown by {@link #toString()})
 * @param historyDays days of load profile and event history before the fleet's start, at least 1
 */
public record FleetSpec(String name, int count, String serialPrefix, int firstNumber, String bindHost,
        int basePort, int metersPerServer, SecurityMode security, long seed, int historyDays) {

    /** Default meters per TCP port. */
    public static final int DEFAULT_METERS_PER_SERVER = 250;
    /** Default history of the load profile and event logs, in days. */
    public static final int DEFAULT_HISTORY_DAYS = 35;
    /** Longest serial number: the logical device name "MLS" + serial has at most 16 characters. */
    public static final int MAX_SERIAL_LENGTH = 13;

    public FleetSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(serialPrefix, "serialPrefix");
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(security, "security");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        if (firstNumber < 0) {
            throw new IllegalArgumentException("firstNumber must not be negative: " + firstNumber);
        }
        if (metersPerServer < 1 || metersPerServer > 16383) {
            throw new IllegalArgumentException("metersPerServer must be 1..16383: " + metersPerServer);
        }
        if (historyDays < 1) {
            throw new IllegalArgumentException("historyDays must be at least 1: " + historyDays);
        }
        int servers = (count + metersPerServer - 1) / metersPerServer;
        if (basePort < 0 || basePort + servers - 1 > 65535) {
            throw new IllegalArgumentException("ports " + basePort + ".." + (basePort + servers - 1)
                    + " are not valid TCP ports");
        }
        String lastSerial = serialPrefix + String.format("%06d", (long) firstNumber + count - 1);
        if (lastSerial.length() > MAX_SERIAL_LENGTH || !lastSerial.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("serial numbers must be printable ASCII of at most "
                    + MAX_SERIAL_LENGTH + " characters (the logical device name is \"MLS\" + serial): "
                    + lastSerial);
        }
        if (basePort == 0 && servers > 1) {
            throw new IllegalArgumentException("basePort 0 (any free port) needs a single server");
        }
    }

    /**
     * A fleet named "fleet" of {@code count} meters "SIM000001"… on 127.0.0.1 from {@code basePort},
     * 250 meters per server, HLS5-GMAC, seed 1, 35 days of history.
     */
    public static FleetSpec of(int count, int basePort) {
        return new FleetSpec("fleet", count, "SIM", 1, "127.0.0.1", basePort, DEFAULT_METERS_PER_SERVER,
                SecurityMode.HLS5_GMAC, 1L, DEFAULT_HISTORY_DAYS);
    }

    /** Number of TCP servers (ports) the fleet listens on. */
    public int serverCount() {
        return (count + metersPerServer - 1) / metersPerServer;
    }

    /** Serial number of meter {@code index} (0-based). */
    public String serialOf(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(index);
        }
        return serialPrefix + String.format("%06d", (long) firstNumber + index);
    }

    /** Every field but the seed: the seed and a serial give the meter's secrets. */
    @Override
    public String toString() {
        return "FleetSpec[name=" + name + ", count=" + count + ", serialPrefix=" + serialPrefix + ", firstNumber="
                + firstNumber + ", bindHost=" + bindHost + ", basePort=" + basePort + ", metersPerServer="
                + metersPerServer + ", security=" + security + ", historyDays=" + historyDays + "]";
    }

    public FleetSpec withName(String value) {
        return new FleetSpec(value, count, serialPrefix, firstNumber, bindHost, basePort, metersPerServer,
                security, seed, historyDays);
    }

    public FleetSpec withCount(int value) {
        return new FleetSpec(name, value, serialPrefix, firstNumber, bindHost, basePort, metersPerServer,
                security, seed, historyDays);
    }

    public FleetSpec withSerialPrefix(String value) {
        return new FleetSpec(name, count, value, firstNumber, bindHost, basePort, metersPerServer, security,
                seed, historyDays);
    }

    public FleetSpec withFirstNumber(int value) {
        return new FleetSpec(name, count, serialPrefix, value, bindHost, basePort, metersPerServer, security,
                seed, historyDays);
    }

    public FleetSpec withBindHost(String value) {
        return new FleetSpec(name, count, serialPrefix, firstNumber, value, basePort, metersPerServer, security,
                seed, historyDays);
    }

    public FleetSpec withBasePort(int value) {
        return new FleetSpec(name, count, serialPrefix, firstNumber, bindHost, value, metersPerServer, security,
                seed, historyDays);
    }

    public FleetSpec withMetersPerServer(int value) {
        return new FleetSpec(name, count, serialPrefix, firstNumber, bindHost, basePort, value, security, seed,
                historyDays);
    }

    public FleetSpec withSecurity(SecurityMode value) {
        return new FleetSpec(name, count, serialPrefix, firstNumber, bindHost, basePort, metersPerServer, value,
                seed, historyDays);
    }

    public FleetSpec withSeed(long value) {
        return new FleetSpec(name, count, serialPrefix, firstNumber, bindHost, basePort, metersPerServer,
                security, value, historyDays);
    }

    public FleetSpec withHistoryDays(int value) {
        return new FleetSpec(name, count, serialPrefix, firstNumber, bindHost, basePort, metersPerServer,
                security, seed, value);
    }
}
