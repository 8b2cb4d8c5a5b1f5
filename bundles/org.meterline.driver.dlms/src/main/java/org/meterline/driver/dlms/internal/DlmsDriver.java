package org.meterline.driver.dlms.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.meterline.driver.api.CatalogueItem;
import org.meterline.driver.api.DriverError;
import org.meterline.driver.api.DriverError.Kind;
import org.meterline.driver.api.MeterDriver;
import org.meterline.driver.api.MeterSession;
import org.meterline.driver.api.ModelRef;
import org.meterline.driver.api.Result;
import org.meterline.driver.api.Security;
import org.meterline.driver.api.SessionSettings;
import org.meterline.driver.dlms.internal.CounterStore.CounterStoreException;
import org.meterline.driver.dlms.internal.CounterStore.Window;
import org.openmuc.jdlms.AccessResultCode;
import org.openmuc.jdlms.AttributeAddress;
import org.openmuc.jdlms.AuthenticationMechanism;
import org.openmuc.jdlms.DlmsConnection;
import org.openmuc.jdlms.GetResult;
import org.openmuc.jdlms.SecuritySuite;
import org.openmuc.jdlms.SecuritySuite.EncryptionMechanism;
import org.openmuc.jdlms.SecuritySuite.SecurityPolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DLMS/COSEM driver: TCP + wrapper, logical name referencing, on jDLMS. Serves the models of its
 * profiles (shipped, plus the profile directory). A session's profile is chosen by the meter's
 * logical device name (its prefix, the FLAG manufacturer id first), since {@link SessionSettings}
 * does not carry the model; the choice is remembered per serial number.
 */
@Component(service = MeterDriver.class, configurationPid = "org.meterline.driver.dlms",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = Config.class)
public class DlmsDriver implements MeterDriver {

    private static final Logger LOG = LoggerFactory.getLogger(DlmsDriver.class);

    /** System title the client sends: "MLN" and a device id. */
    private static final String SYSTEM_TITLE_MANUFACTURER = "MLN";

    /** The driver's settings, from {@link Config} or built by tests. */
    record Settings(Optional<Path> profileDirectory, Duration profileRefresh, Path counterDirectory, int counterWindow,
            boolean counterSync, int publicClientId, int identificationCacheSize) {
        Settings {
            if (counterWindow < 16 || counterWindow > 1_000_000) {
                throw new IllegalArgumentException("counterWindow must be 16..1000000: " + counterWindow);
            }
        }

        static Settings of(Config c) {
            String dir = expand(c.profileDirectory());
            int window = Math.max(16, Math.min(1_000_000, c.counterWindow()));
            if (window != c.counterWindow()) {
                LOG.warn("counterWindow {} is outside 16..1000000; using {}", c.counterWindow(), window);
            }
            return new Settings(dir.isBlank() ? Optional.empty() : Optional.of(Paths.get(dir)),
                    Duration.ofSeconds(Math.max(0, c.profileRefreshSeconds())), Paths.get(expand(c.counterDirectory())),
                    window, c.counterSync(), c.publicClientId(), Math.max(0, c.identificationCacheSize()));
        }
    }

    private volatile Settings settings;
    private volatile ProfileRegistry.Loaded profiles;
    private volatile CounterStore counters;
    private volatile String profileStamp = "";
    private volatile long nextProfileCheck;
    private final Map<String, String> identified = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > cacheSize();
        }
    });

    @Activate
    public DlmsDriver(Config config) {
        this(Settings.of(config));
    }

    DlmsDriver(Settings settings) {
        apply(settings);
    }

    @Modified
    void modified(Config config) {
        apply(Settings.of(config));
    }

    private void apply(Settings s) {
        this.settings = s;
        this.counters = new CounterStore(s.counterDirectory());
        reloadProfiles();
    }

    private int cacheSize() {
        Settings s = settings;
        return s == null ? 0 : s.identificationCacheSize();
    }

    /** Loads the profiles again (shipped + directory) and forgets which meter had which. */
    synchronized ProfileRegistry.Loaded reloadProfiles() {
        Settings s = settings;
        profileStamp = stamp(s.profileDirectory());
        ProfileRegistry.Loaded loaded = ProfileRegistry.load(s.profileDirectory());
        for (ProfileRegistry.Problem p : loaded.problems()) {
            LOG.error("DLMS model profile {}: {}", p.source(), p.message());
        }
        if (loaded.base() == null) {
            throw new IllegalStateException("the DLMS base profile is missing from the bundle");
        }
        profiles = loaded;
        identified.clear();
        nextProfileCheck = System.nanoTime() + s.profileRefresh().toNanos();
        LOG.info("DLMS model profiles: {} (directory {})", loaded.profiles().keySet(),
                s.profileDirectory().map(Path::toString).orElse("none"));
        return loaded;
    }

    private void refreshProfilesIfChanged() {
        Settings s = settings;
        if (s.profileRefresh().isZero() || s.profileDirectory().isEmpty() || System.nanoTime() < nextProfileCheck) {
            return;
        }
        synchronized (this) {
            nextProfileCheck = System.nanoTime() + s.profileRefresh().toNanos();
            if (!stamp(s.profileDirectory()).equals(profileStamp)) {
                reloadProfiles();
            }
        }
    }

    /** Names, sizes and modification times of the directory's profile files. */
    private static String stamp(Optional<Path> dir) {
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.get(), "*.json")) {
            for (Path p : ds) {
                b.append(p.getFileName()).append(':').append(Files.size(p)).append(':')
                        .append(Files.getLastModifiedTime(p).toMillis()).append(';');
            }
        } catch (IOException e) {
            return "unreadable";
        }
        return b.toString();
    }

    ProfileRegistry.Loaded profiles() {
        return profiles;
    }

    CounterStore counterStore() {
        return counters;
    }

    @Override
    public String id() {
        return "dlms";
    }

    @Override
    public String protocol() {
        return "dlms-cosem";
    }

    @Override
    public Set<ModelRef> models() {
        return profiles.models();
    }

    /** Energy registers first, then the other measurements, then settings. */
    private static int catalogueRank(ModelProfile.CosemObject o) {
        return !o.isRegister() ? 2 : o.item().d() == 8 ? 0 : 1;
    }

    /** The profile's registers (measurements), then its CT and PT ratio, each with its name. */
    @Override
    public List<CatalogueItem> catalogue(ModelRef model) {
        return profiles.forModel(model).map(p -> p.objects().values().stream()
                .filter(o -> o.isRegister() || p.ct().filter(o.item()::equals).isPresent()
                        || p.pt().filter(o.item()::equals).isPresent())
                .sorted(java.util.Comparator.comparingInt(DlmsDriver::catalogueRank)
                        .thenComparing(o -> o.item().toString()))
                .map(o -> new CatalogueItem(o.item(), o.name(), o.unit().orElse("")))
                .collect(java.util.stream.Collectors.toList())).orElse(List.of());
    }

    @Override
    public String spiVersion() {
        return MeterDriver.SPI_VERSION;
    }

    @Override
    public Result<MeterSession> open(SessionSettings s) {
        try {
            return openSession(s);
        } catch (RuntimeException e) {
            // a bug, not the meter: still never throw at the caller
            LOG.error("Meter {}: opening a session failed unexpectedly", s.serialNumber(), e);
            return Result.failed(Kind.PROTOCOL_ERROR, s.serialNumber() + ": " + e);
        }
    }

    private Result<MeterSession> openSession(SessionSettings s) {
        refreshProfilesIfChanged();
        ProfileRegistry.Loaded loaded = profiles;
        Settings cfg = settings;
        long deadline = System.nanoTime() + s.connectTimeout().toNanos();

        SecuritySuite suite;
        FrameCounterGuard guard = null;
        // The platform names the meter's model; without it, the meter's logical device name decides.
        String knownProfile = s.model() == null ? identified.get(s.serialNumber())
                : loaded.forModel(s.model()).map(ModelProfile::id).orElse(identified.get(s.serialNumber()));
        try {
            suite = suite(s.security());
        } catch (IllegalArgumentException e) {
            return Result.failed(Kind.AUTHENTICATION_FAILED, s.serialNumber() + ": unusable credentials: "
                    + e.getMessage());
        }
        if (s.security() instanceof Security.Keys) {
            CounterStore store = counters;
            long floor = 1;
            try {
                if (!store.known(s.serialNumber(), s.clientId()) && cfg.counterSync()) {
                    Result<PublicInfo> info = readPublic(s, loaded.base(), remaining(deadline));
                    if (!info.isOk()) {
                        return Result.failed(info.error());
                    }
                    floor = info.value().invocationCounter() + 1;
                    if (knownProfile == null && info.value().deviceName() != null) {
                        knownProfile = remember(s.serialNumber(), loaded.forDeviceName(info.value().deviceName()));
                    }
                }
                Window w = store.reserve(s.serialNumber(), s.clientId(), floor, cfg.counterWindow());
                guard = new FrameCounterGuard(store, s.serialNumber(), s.clientId(), w, cfg.counterWindow());
            } catch (CounterStoreException e) {
                LOG.error("Meter {}: {}", s.serialNumber(), e.getMessage());
                return Result.failed(Kind.AUTHENTICATION_FAILED, s.serialNumber() + ": " + e.getMessage());
            }
        }
        SessionListener listener = s.security() instanceof Security.None ? null : new SessionListener(guard);
        Result<Connected> connected = connect(s, suite, s.clientId(), deadline, listener,
                guard == null ? 1 : guard.start());
        if (!connected.isOk() && listener != null
                && connected.error().message().endsWith(Errors.CLOSED_DURING_ASSOCIATION)) {
            Result<PublicInfo> probe = readPublic(s, loaded.base(), remaining(deadline));
            if (probe.isOk() && guard != null && probe.value().invocationCounter() >= guard.start()) {
                // The meter has seen higher counters than ours (another client with this identity, or a
                // counter store restored from a backup): continue above them, once.
                guard.release();
                try {
                    Window w = counters.reserve(s.serialNumber(), s.clientId(), probe.value().invocationCounter() + 1,
                            cfg.counterWindow());
                    guard = new FrameCounterGuard(counters, s.serialNumber(), s.clientId(), w, cfg.counterWindow());
                } catch (CounterStoreException e) {
                    LOG.error("Meter {}: {}", s.serialNumber(), e.getMessage());
                    return Result.failed(Kind.AUTHENTICATION_FAILED, s.serialNumber() + ": " + e.getMessage());
                }
                LOG.warn("Meter {}: it has seen invocation counter {}, above ours; continuing from {}",
                        s.serialNumber(), probe.value().invocationCounter(), guard.start());
                listener = new SessionListener(guard);
                connected = connect(s, suite, s.clientId(), deadline, listener, guard.start());
            }
            if (!connected.isOk()) {
                return Result.failed(probe.isOk() ? credentialsRefused(s) : connected.error());
            }
        }
        if (!connected.isOk()) {
            return Result.failed(connected.error());
        }
        if (listener != null) {
            listener.associated();
        }
        DlmsConnection connection = connected.value().connection();
        ModelProfile profile = knownProfile == null ? null : loaded.profile(knownProfile).orElse(null);
        if (profile == null) {
            Result<String> name = deviceName(connection, loaded.base(), s.serialNumber());
            if (!name.isOk() && name.error().kind().retryable()) {
                closeQuietly(connection);
                return Result.failed(name.error());
            }
            profile = name.isOk() ? loaded.forDeviceName(name.value()) : loaded.base();
            remember(s.serialNumber(), profile);
        }
        LOG.debug("Meter {}: session open with profile {}", s.serialNumber(), profile.id());
        return Result.ok(new DlmsSession(connection, connected.value().link(), s.serialNumber(), profile, guard));
    }

    /**
     * A meter that closes the connection on an authenticated association request without answering
     * (as jDLMS-based meters do when they cannot decrypt the AARQ) although it accepts the public
     * client, and whose invocation counter is not ahead of ours: the credentials are what it refused.
     */
    private static DriverError credentialsRefused(SessionSettings s) {
        return new DriverError(Kind.AUTHENTICATION_FAILED, s.serialNumber() + ": the meter closed the connection"
                + " on the authenticated association request but accepts the public client: the "
                + (s.security() instanceof Security.Password ? "password is" : "keys are") + " not the meter's");
    }

    private String remember(String serial, ModelProfile profile) {
        if (cacheSize() > 0) {
            identified.put(serial, profile.id());
        }
        return profile.id();
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000L, deadline - System.nanoTime()));
    }

    /** What the public client may read: the invocation counter and the logical device name. */
    private record PublicInfo(long invocationCounter, String deviceName) {
    }

    private Result<PublicInfo> readPublic(SessionSettings s, ModelProfile base, Duration timeout) {
        Result<Connected> c = connect(s, SecuritySuite.builder().build(), settings.publicClientId(),
                System.nanoTime() + timeout.toNanos(), null, 1);
        if (!c.isOk()) {
            return Result.failed(c.error());
        }
        DlmsConnection connection = c.value().connection();
        try {
            List<GetResult> r = connection.get(List.of(
                    new AttributeAddress(1, DlmsSession.jdlms(base.invocationCounter()), 2),
                    new AttributeAddress(1, DlmsSession.jdlms(base.deviceName()), 2)));
            long counter = 0;
            if (r.get(0).getResultCode() == AccessResultCode.SUCCESS) {
                counter = CosemData.number(r.get(0).getResultData()).map(n -> n.longValue()).orElse(0L);
            } else {
                LOG.warn("Meter {}: its invocation counter is not readable ({}); starting the counter at 1",
                        s.serialNumber(), r.get(0).getResultCode());
            }
            String name = r.get(1).getResultCode() == AccessResultCode.SUCCESS
                    ? CosemData.text(r.get(1).getResultData()).orElse(null) : null;
            return Result.ok(new PublicInfo(counter, name));
        } catch (IOException | RuntimeException e) {
            return Result.failed(Errors.of(e, s.serialNumber()).error());
        } finally {
            closeQuietly(connection);
        }
    }

    private static Result<String> deviceName(DlmsConnection connection, ModelProfile base, String serial) {
        try {
            GetResult r = connection.get(new AttributeAddress(1, DlmsSession.jdlms(base.deviceName()), 2));
            if (r.getResultCode() != AccessResultCode.SUCCESS) {
                return Result.failed(Errors.of(r.getResultCode(), serial + ": logical device name"));
            }
            return CosemData.text(r.getResultData()).map(Result::ok)
                    .orElseGet(() -> Result.failed(Kind.PROTOCOL_ERROR, serial + ": logical device name is no text"));
        } catch (IOException | RuntimeException e) {
            return Result.failed(Errors.of(e, serial).error());
        }
    }

    private static void closeQuietly(DlmsConnection c) {
        try {
            c.disconnect();
        } catch (IOException | RuntimeException e) {
            try {
                c.close();
            } catch (IOException | RuntimeException e2) {
                // nothing more to do
            }
        }
    }

    private static SecuritySuite suite(Security security) {
        if (security instanceof Security.Password p) {
            return SecuritySuite.builder().setAuthenticationMechanism(AuthenticationMechanism.LOW)
                    .setPassword(p.secret()).build();
        }
        if (security instanceof Security.Keys k) {
            return SecuritySuite.builder().setAuthenticationMechanism(AuthenticationMechanism.HLS5_GMAC)
                    .setEncryptionMechanism(EncryptionMechanism.AES_GCM_128)
                    .setSecurityPolicy(SecurityPolicy.AUTHENTICATED_AND_ENCRYPTED)
                    .setAuthenticationKey(k.authenticationKey()).setGlobalUnicastEncryptionKey(k.encryptionKey())
                    .build();
        }
        return SecuritySuite.builder().build();
    }

    /**
     * Connects and associates within the connect budget ({@code deadline}), in the caller's thread (see
     * {@link TimedTcpConnectionBuilder}). The address is resolved first; a name service that hangs is
     * not bounded by it.
     */
    /** An associated connection and what its transport saw of the link. */
    record Connected(DlmsConnection connection, LinkWatch link) {
    }

    static Result<Connected> connect(SessionSettings s, SecuritySuite suite, int clientId, long deadline,
            SessionListener listener, long frameCounter) {
        String serial = s.serialNumber();
        TimedTcpConnectionBuilder builder;
        try {
            builder = new TimedTcpConnectionBuilder(InetAddress.getByName(s.host()),
                    Math.max(1_000_000L, deadline - System.nanoTime()));
        } catch (IOException e) {
            return Result.failed(Kind.CONNECTION_FAILED, serial + ": cannot resolve " + s.host() + ": " + e.getMessage());
        }
        long timeout = Math.max(1, Math.min(Integer.MAX_VALUE, s.responseTimeout().toMillis()));
        builder.setPort(s.port()).setLogicalDeviceId(s.logicalDevice()).setClientId(clientId)
                .setResponseTimeout((int) timeout).setSecuritySuite(suite)
                .setSystemTitle(SYSTEM_TITLE_MANUFACTURER, 1).setFrameCounter(frameCounter);
        if (listener != null) {
            builder.setRawMessageListener(listener);
        }
        try {
            DlmsConnection c = builder.build();
            builder.associated();
            return Result.ok(new Connected(c, builder));
        } catch (IOException | RuntimeException e) {
            if (listener != null && listener.rejected()) {
                return Result.failed(Kind.AUTHENTICATION_FAILED, serial + ": the meter rejected the association ("
                        + (listener.diagnostic() == 13 ? "authentication failure"
                                : "result " + listener.result() + ", diagnostic " + listener.diagnostic())
                        + ")");
            }
            DriverError error = Errors.ofAssociation(e, serial).error();
            if ((error.kind() == Kind.TIMEOUT || error.kind() == Kind.CONNECTION_FAILED)
                    && builder.closedOnUndecodableData()) {
                error = new DriverError(Kind.PROTOCOL_ERROR, serial + ": undecodable answer to the association "
                        + "request; the link was dropped");
            } else if (error.kind() == Kind.TIMEOUT) {
                error = new DriverError(Kind.TIMEOUT, serial + ": no connection and association within "
                        + s.connectTimeout().toMillis() + " ms (" + error.message() + ")");
            }
            LOG.debug("Meter {}: {}", serial, error.message(), e);
            return Result.failed(error);
        }
    }

    static String expand(String path) {
        String p = path == null ? "" : path.trim();
        for (String key : List.of("karaf.etc", "karaf.data", "karaf.home", "karaf.base", "user.home",
                "java.io.tmpdir")) {
            String value = System.getProperty(key);
            if (value == null && key.startsWith("karaf.")) {
                value = Paths.get(System.getProperty("user.dir"), key.substring("karaf.".length())).toString();
            }
            p = p.replace("${" + key + "}", value == null ? "" : value);
        }
        return p;
    }
}
