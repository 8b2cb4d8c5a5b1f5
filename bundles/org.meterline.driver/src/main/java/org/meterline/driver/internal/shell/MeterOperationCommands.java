package org.meterline.driver.internal.shell;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.meterline.archive.api.Meter;
import org.meterline.archive.api.MeterService;
import org.meterline.core.api.Caller;
import org.meterline.core.api.CallerPrincipal;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.ObisCode;
import org.meterline.driver.api.CatalogueItem;
import org.meterline.driver.api.ItemResult;
import org.meterline.driver.api.LoadProfile;
import org.meterline.driver.api.MeterAccess;
import org.meterline.driver.api.MeterAccess.Purpose;
import org.meterline.driver.api.ProfileEntry;
import org.meterline.driver.api.Reading;
import org.meterline.driver.api.RelayState;
import org.meterline.driver.api.Result;

/**
 * Talking to meters from the shell, through the driver that serves each meter's model:
 * {@code meterline:read}, {@code meterline:relay}, {@code meterline:clock}, {@code meterline:load-profile}.
 */
public final class MeterOperationCommands {

    /** The load profile every DLMS meter model of the platform names (IEC 62056 load profile 1). */
    static final ObisCode LOAD_PROFILE = ObisCode.parse("1.0.99.1.0.255");

    private MeterOperationCommands() {
    }

    /** What every meter command has: the console, the services, and the meter's serial number. */
    abstract static class MeterAction implements Action {
        @Reference Session session;
        @Reference MeterService meters;
        @Reference MeterAccess access;

        @Argument(index = 0, name = "serial", required = true, description = "The meter's serial number")
        String serial;

        /** The meter named by {@link #serial}, of the caller's customer. */
        Meter meter(Caller caller) {
            return meters.findMeter(caller, serial.trim().toUpperCase(java.util.Locale.ROOT))
                    .orElseThrow(() -> new NotFoundException("No meter " + serial + " in your customer's archive"));
        }
    }

    /** The value, or a one-line failure. */
    static <T> T orFail(Result<T> result, String what) {
        if (!result.isOk()) {
            throw new IllegalStateException(what + " failed: " + result.error().kind().name().toLowerCase()
                    + " — " + result.error().message());
        }
        return result.value();
    }

    @Service
    @Command(scope = "meterline", name = "read", description = "Reads registers of a meter now (on-demand read)")
    public static class Read extends MeterAction {

        @Argument(index = 1, name = "items", multiValued = true,
                description = "OBIS codes, e.g. 1.0.1.8.0.255; default: every item the meter's driver offers")
        List<String> items;

        @Override
        public Object execute() {
            Caller caller = CallerPrincipal.requireCurrent();
            Meter meter = meter(caller);
            List<CatalogueItem> catalogue = access.catalogue(caller, meter.id());
            List<ObisCode> asked = items == null || items.isEmpty()
                    ? catalogue.stream().map(CatalogueItem::item).collect(Collectors.toList())
                    : items.stream().map(ObisCode::parse).collect(Collectors.toList());
            if (asked.isEmpty()) {
                asked = List.of(ObisCode.parse("1.0.1.8.0.255"));
            }
            List<ObisCode> reading = asked;
            List<ItemResult> results = orFail(access.withSession(caller, meter.id(), Purpose.READ,
                    s -> Result.ok(s.read(reading))), "Reading " + meter.serialNumber());
            ShellTable table = new ShellTable();
            table.column("Item");
            table.column("Name");
            table.column("Value").alignRight();
            table.column("Unit");
            table.column("Read at");
            table.column("Quality / error");
            for (ItemResult r : results) {
                String name = catalogue.stream().filter(c -> c.item().equals(r.item())).map(CatalogueItem::name)
                        .findFirst().orElse("");
                if (r.result().isOk()) {
                    Reading v = r.result().value();
                    table.addRow().addContent(r.item(), name, v.value().toPlainString(), v.unit(),
                            v.readAt().truncatedTo(ChronoUnit.SECONDS), v.quality().name().toLowerCase());
                } else {
                    table.addRow().addContent(r.item(), name, "", "", "",
                            r.result().error().kind().name().toLowerCase() + ": " + r.result().error().message());
                }
            }
            table.print(session.getConsole());
            return null;
        }
    }

    /** Completes relay actions. */
    @Service
    public static class RelayActionCompleter extends StringsCompleter {
        public RelayActionCompleter() {
            super(new String[] {"status", "connect", "disconnect"});
        }
    }

    @Service
    @Command(scope = "meterline", name = "relay", description = "Reads, connects or disconnects a meter's relay")
    public static class Relay extends MeterAction {

        @Argument(index = 1, name = "action", description = "status (default), connect or disconnect")
        @Completion(RelayActionCompleter.class)
        String action = "status";

        @Override
        public Object execute() {
            Caller caller = CallerPrincipal.requireCurrent();
            Meter meter = meter(caller);
            String a = action.trim().toLowerCase(java.util.Locale.ROOT);
            if (!List.of("status", "connect", "disconnect").contains(a)) {
                throw new IllegalArgumentException("action must be status, connect or disconnect");
            }
            RelayState state = orFail(access.withSession(caller, meter.id(),
                    "status".equals(a) ? Purpose.READ : Purpose.CONTROL,
                    s -> switch (a) {
                        case "connect" -> s.connectRelay();
                        case "disconnect" -> s.disconnectRelay();
                        default -> s.readRelay();
                    }), "Relay " + a + " of " + meter.serialNumber());
            session.getConsole().println("Relay of " + meter.serialNumber() + ": "
                    + state.name().toLowerCase().replace('_', ' '));
            return null;
        }
    }

    @Service
    @Command(scope = "meterline", name = "clock", description = "Reads a meter's clock, or sets it to the platform's time")
    public static class Clock extends MeterAction {

        @Option(name = "--sync", description = "Set the meter's clock to the platform's time")
        boolean sync;

        @Override
        public Object execute() {
            Caller caller = CallerPrincipal.requireCurrent();
            Meter meter = meter(caller);
            Instant clock = orFail(access.withSession(caller, meter.id(), sync ? Purpose.CONTROL : Purpose.READ, s -> {
                if (sync) {
                    Result<?> set = s.setClock(Instant.now());
                    if (!set.isOk()) {
                        return Result.failed(set.error());
                    }
                }
                return s.readClock();
            }), "Clock of " + meter.serialNumber());
            Duration drift = Duration.between(Instant.now(), clock);
            session.getConsole().println("Clock of " + meter.serialNumber() + ": " + clock.truncatedTo(ChronoUnit.SECONDS)
                    + " (" + (drift.isNegative() ? "" : "+") + drift.toMillis() / 1000.0 + " s from the platform)");
            return null;
        }
    }

    @Service
    @Command(scope = "meterline", name = "load-profile", description = "Reads a meter's load profile for the last hours")
    public static class Profile extends MeterAction {

        @Option(name = "--hours", description = "How many hours back from now (default 24)")
        int hours = 24;

        @Option(name = "--profile", description = "The profile's OBIS code (default 1.0.99.1.0.255)")
        String profile;

        @Override
        public Object execute() {
            if (hours < 1 || hours > 24 * 62) {
                throw new IllegalArgumentException("--hours must be 1..1488");
            }
            Caller caller = CallerPrincipal.requireCurrent();
            Meter meter = meter(caller);
            Instant to = Instant.now();
            Instant from = to.minus(Duration.ofHours(hours));
            ObisCode obis = profile == null ? LOAD_PROFILE : ObisCode.parse(profile);
            LoadProfile lp = orFail(access.withSession(caller, meter.id(), Purpose.READ,
                    s -> s.readLoadProfile(obis, from, to)), "Load profile of " + meter.serialNumber());
            ShellTable table = new ShellTable();
            table.column("Interval end");
            for (ObisCode c : lp.channels()) {
                table.column(c.toString()).alignRight();
            }
            for (ProfileEntry e : lp.entries()) {
                List<Object> row = new ArrayList<>();
                row.add(e.at());
                e.values().forEach(v -> row.add(v.value().toPlainString() + " " + v.unit()));
                table.addRow().addContent(row);
            }
            table.print(session.getConsole());
            session.getConsole().println(lp.entries().size() + " rows, " + lp.channels().size() + " channels");
            return null;
        }
    }
}
