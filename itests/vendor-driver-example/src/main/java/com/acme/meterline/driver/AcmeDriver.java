package com.acme.meterline.driver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.Set;
import org.meterline.driver.api.DriverError;
import org.meterline.driver.api.MeterDriver;
import org.meterline.driver.api.MeterSession;
import org.meterline.driver.api.ModelRef;
import org.meterline.driver.api.Result;
import org.meterline.driver.api.SessionSettings;
import org.osgi.service.component.annotations.Component;

/**
 * The Acme driver: a Declarative Services component registered as a {@link MeterDriver} service.
 * That is all Meterline needs: its driver registry picks the service up as soon as the bundle
 * starts and serves the models named in {@link #models()} through it; when the bundle stops, the
 * models have no driver again.
 *
 * <p>A real driver would open a connection to {@code settings.host():settings.port()} in
 * {@link #open}; this one answers from memory, so the example runs without a meter.
 */
@Component(service = MeterDriver.class)
public class AcmeDriver implements MeterDriver {

    /** The SPI version from the pom (spi.properties is filtered at build time). */
    private static final String SPI_VERSION_BUILT_FOR = builtFor();

    @Override
    public String id() {
        return "acme";
    }

    @Override
    public String protocol() {
        return "acme-demo";
    }

    @Override
    public Set<ModelRef> models() {
        // manufacturer and model as the Meterline archive names them (compared ignoring case)
        return Set.of(new ModelRef("Acme", "AX-1"));
    }

    /**
     * The SPI version this driver was built for. Most drivers simply return
     * {@link MeterDriver#SPI_VERSION}, the constant compiled in from the SPI they built against;
     * this example takes it from its pom so that one build property controls the manifest, the
     * import range and this answer alike.
     */
    @Override
    public String spiVersion() {
        return SPI_VERSION_BUILT_FOR;
    }

    @Override
    public Result<MeterSession> open(SessionSettings settings) {
        if (settings.serialNumber().isBlank()) {
            // failures are results, never exceptions: the caller decides whether to retry
            return Result.failed(DriverError.Kind.CONNECTION_FAILED, "no serial number to address the meter by");
        }
        return Result.ok(new AcmeSession(settings.serialNumber()));
    }

    private static String builtFor() {
        try (InputStream in = AcmeDriver.class.getResourceAsStream("spi.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
