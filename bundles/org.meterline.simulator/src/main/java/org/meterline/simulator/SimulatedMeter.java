package org.meterline.simulator;

import java.time.Instant;

/**
 * One simulated DLMS/COSEM meter of a {@link Fleet}: where to reach it, its secrets, and observable state
 * for tests. Thread-safe.
 */
public interface SimulatedMeter {

    /** Energy channel A+ (active import, Wh), also register 1.0.1.8.0.255. */
    int ACTIVE_IMPORT = 1;
    /** Energy channel A- (active export, Wh), also register 1.0.2.8.0.255. */
    int ACTIVE_EXPORT = 2;
    /** Energy channel R+ (reactive import, varh), also register 1.0.3.8.0.255. */
    int REACTIVE_IMPORT = 3;
    /** Energy channel R- (reactive export, varh), also register 1.0.4.8.0.255. */
    int REACTIVE_EXPORT = 4;

    String serialNumber();

    /** Address a client connects to: the fleet's bind host, or 127.0.0.1 when it listens on all interfaces. */
    String host();

    int port();

    /** Server wrapper address (logical device address) of the meter behind {@link #port()}. */
    int logicalDevice();

    /** Wrapper address of the reading/management client: 16, 17 or 1 by {@link #security()}. */
    int clientId();

    SecurityMode security();

    /** LLS password (8 ASCII bytes), a copy. Exists in every security mode. */
    byte[] password();

    /** HLS authentication key (16 bytes), a copy. */
    byte[] authenticationKey();

    /** Global unicast encryption key (16 bytes), a copy. */
    byte[] encryptionKey();

    /** Master key (key encryption key, 16 bytes), a copy. */
    byte[] masterKey();

    /** Injects a fault; it lasts until {@link #clearFaults()}. */
    void inject(Fault fault);

    void clearFaults();

    /**
     * Register value of an energy channel at the end of a 15-minute interval.
     *
     * @param channel 1..4 = A+, A-, R+, R- (Wh or varh)
     * @param intervalEnd an instant on a 15-minute boundary (UTC)
     * @throws IllegalArgumentException if the channel is not 1..4 or the instant is not on a boundary
     */
    long energyAt(int channel, Instant intervalEnd);

    /** Control state of the relay (0.0.96.3.10.255): 0 disconnected, 1 connected, 2 ready for reconnection. */
    int relayControlState();

    /** CT ratio (1.0.0.4.2.255). */
    long ctRatio();

    /** PT ratio (1.0.0.4.3.255). */
    long ptRatio();

    /** Active firmware identifier (1.0.0.2.0.255). */
    String activeFirmware();

    /** Number of image blocks received for the image transfer in progress (or the last one). */
    int receivedImageBlocks();

    /** Highest frame (invocation) counter received from the HLS client, -1 if none. */
    long highestInvocationCounter();

    /**
     * How many ciphered frames the meter refused because their invocation counter was not above the
     * highest one it had seen from the same sender (the client system title of the association): a
     * replay, or a client that reused a counter. The connection of such a frame is closed, as a meter
     * discards it.
     */
    long rejectedInvocationCounters();

    /** Simulates opening the terminal cover: appends event 40 to the fraud detection log. */
    void openTerminalCover();
}
