package org.meterline.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault injected into one simulated meter with {@link SimulatedMeter#inject(Fault)}; it lasts until
 * {@link SimulatedMeter#clearFaults()} (injecting a fault replaces the previous one of the same kind).
 */
public sealed interface Fault {

    /** Accepts the TCP connection and the frames addressed to the meter, never answers them. */
    record NoAnswer() implements Fault {
    }

    /** Every answer of the meter is delayed by {@code delay}. */
    record SlowAnswer(Duration delay) implements Fault {
        public SlowAnswer {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative: " + delay);
            }
        }
    }

    /** Answers random bytes instead of a valid frame. */
    record Garbage() implements Fault {
    }

    /**
     * Closes the connection in the middle of a load profile (1.0.99.1.0.255 buffer) answer: part of the
     * answer is sent, then the socket is closed.
     */
    record DropMidProfile() implements Fault {
    }

    /**
     * The meter's password and keys differ from the ones the fleet reports in {@link SimulatedMeter}, so
     * a client using the reported secrets fails to associate (LLS, HLS5-GMAC).
     */
    record WrongKeys() implements Fault {
    }
}
