package org.meterline.simulator.internal.shell;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.meterline.simulator.Fault;

/** Shell names of the faults. */
final class Faults {

    static final List<String> NAMES = List.of("none", "no-answer", "slow", "garbage", "drop-mid-profile",
            "wrong-keys");

    private Faults() {
    }

    /** The fault of a name, null for "none". */
    static Fault parse(String name, Duration delay) {
        return switch (name.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "none" -> null;
            case "no-answer" -> new Fault.NoAnswer();
            case "slow" -> new Fault.SlowAnswer(delay);
            case "garbage" -> new Fault.Garbage();
            case "drop-mid-profile" -> new Fault.DropMidProfile();
            case "wrong-keys" -> new Fault.WrongKeys();
            default -> throw new IllegalArgumentException("Unknown fault " + name + " " + NAMES);
        };
    }

    static String name(Fault fault) {
        if (fault instanceof Fault.NoAnswer) {
            return "no-answer";
        } else if (fault instanceof Fault.SlowAnswer slow) {
            return "slow " + slow.delay().toMillis() + " ms";
        } else if (fault instanceof Fault.Garbage) {
            return "garbage";
        } else if (fault instanceof Fault.DropMidProfile) {
            return "drop-mid-profile";
        }
        return "wrong-keys";
    }
}
