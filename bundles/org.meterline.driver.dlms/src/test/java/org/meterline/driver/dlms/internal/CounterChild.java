package org.meterline.driver.dlms.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.meterline.core.api.ObisCode;
import org.meterline.driver.api.MeterSession;
import org.meterline.driver.api.Result;
import org.meterline.driver.api.Security;
import org.meterline.driver.api.SessionSettings;

/**
 * The driver in a process of its own, for {@link InvocationCounterKillTest}: opens HLS5 sessions with
 * one meter as fast as it can, reads a register in each, and prints one line per session, until the
 * test kills it with SIGKILL. Arguments: host port logicalDevice clientId serial authKey encKey counterDir.
 */
public final class CounterChild {

    private CounterChild() {
    }

    public static void main(String[] args) {
        HexFormat hex = HexFormat.of();
        DlmsDriver driver = new DlmsDriver(new DlmsDriver.Settings(Optional.empty(), Duration.ZERO, Path.of(args[7]),
                16, true, 16, 1000));
        SessionSettings settings = new SessionSettings(args[4], args[0], Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                new Security.Keys(hex.parseHex(args[5]), hex.parseHex(args[6]), null), Duration.ofSeconds(20),
                Duration.ofSeconds(10));
        ObisCode energy = ObisCode.parse("1.0.1.8.0.255");
        for (int n = 1;; n++) {
            Result<MeterSession> open = driver.open(settings);
            if (!open.isOk()) {
                System.out.println("fail " + open.error());
                System.out.flush();
                continue;
            }
            try (MeterSession s = open.value()) {
                // several requests per session, so windows are extended inside sessions as well
                for (int i = 0; i < 5; i++) {
                    var r = s.read(List.of(energy)).get(0).result();
                    if (!r.isOk()) {
                        System.out.println("fail " + r.error());
                    }
                }
            }
            System.out.println("ok " + n);
            System.out.flush();
        }
    }
}
