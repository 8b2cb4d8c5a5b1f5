package org.meterline.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.openapi.OpenApiFeature;
import org.apache.cxf.jaxrs.swagger.ui.SwaggerUiConfig;
import org.apache.cxf.transport.http.HTTPTransportFactory;
import org.meterline.core.api.JaasLogin;
import org.meterline.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every {@link RestResource} service under one CXF JAX-RS endpoint
 * ({@code /api} servlet context + {@link Config#address()}), with Basic authentication against
 * the {@code meterline} realm, problem+json errors, an OpenAPI document at
 * {@code openapi.json} and Swagger UI at {@code api-docs}. When resources come or go, the
 * endpoint is rebuilt shortly after, so a capability's REST API appears and disappears with its
 * bundle.
 *
 * <p>The endpoint is published into the HTTP transport that CXF's OSGi servlet serves (the
 * {@link HTTPTransportFactory} service of cxf-rt-transports-http), not into whatever transport the
 * default bus happens to hold: a bus that first needed HTTP before that service was registered, or
 * that outlived a refresh of the transport bundle, carries a private transport of its own, and an
 * endpoint published there answers CXF's "No service was found" 404 forever. When the transport
 * bundle goes, this component goes with it and comes back with the new one.
 */
@Component(immediate = true, service = {}, configurationPid = "org.meterline.rest")
@Designate(ocd = RestServer.Config.class)
public class RestServer {

    @ObjectClassDefinition(name = "Meterline REST API")
    @interface Config {
        @AttributeDefinition(description = "Address below the CXF servlet context (etc/org.apache.cxf.osgi.cfg)")
        String address() default "/v1";

        @AttributeDefinition(description = "Seconds a successful login is remembered (0: check every request)")
        int authCacheSeconds() default 60;

        @AttributeDefinition(description = "Milliseconds to wait after a resource came or went before rebuilding the endpoint")
        long rebuildDelayMillis() default 200;
    }

    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    private final List<RestResource> resources = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "meterline-rest-publisher");
        t.setDaemon(true);
        return t;
    });
    private volatile Config config;
    private volatile boolean active;
    private ScheduledFuture<?> pending;
    private Server server;

    /** The transport CXF's servlet serves (static: a new one restarts this component). */
    @Reference
    private HTTPTransportFactory transport;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addResource(RestResource resource) {
        resources.add(resource);
        scheduleRebuild();
    }

    void removeResource(RestResource resource) {
        resources.remove(resource);
        scheduleRebuild();
    }

    @Activate
    void activate(Config config) {
        this.config = config;
        this.active = true;
        scheduleRebuild();
    }

    @Deactivate
    void deactivate() {
        active = false;
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopServer();
    }

    private synchronized void scheduleRebuild() {
        if (!active) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = executor.schedule(this::rebuild, config.rebuildDelayMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void rebuild() {
        stopServer();
        List<Object> beans = new ArrayList<>(resources);
        if (beans.isEmpty() || !active) {
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RestServer.class.getClassLoader());
        try {
            Bus bus = BusFactory.getDefaultBus(true);
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress(config.address());
            factory.setDestinationFactory(transport);
            factory.setServiceBeans(beans);
            factory.setProviders(List.of(jsonProvider(), new ProblemMapper(),
                    new AuthenticationFilter(RestServer::login, config.authCacheSeconds() * 1000L)));
            factory.getFeatures().add(openApi());
            server = factory.create();
            LOG.info("REST API serves {} resources at {}", beans.size(), config.address());
        } catch (RuntimeException e) {
            LOG.error("Could not publish the REST API", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void stopServer() {
        Server s;
        synchronized (this) {
            s = server;
            server = null;
        }
        if (s != null) {
            s.destroy();
        }
    }

    private static java.util.Optional<org.meterline.core.api.Caller> login(String[] credentials) {
        return JaasLogin.login(JaasLogin.REALM, credentials[0], credentials[1].toCharArray());
    }

    static ObjectMapper objectMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // enums travel by their external names (Role: "customer-admin")
                .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
                .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING);
    }

    private static JacksonJsonProvider jsonProvider() {
        return new JacksonJsonProvider(objectMapper());
    }

    private static OpenApiFeature openApi() {
        OpenApiFeature feature = new OpenApiFeature();
        feature.setTitle("Meterline API");
        feature.setDescription("Head-end, meter data management and billing. Every call needs HTTP Basic "
                + "authentication with a Meterline account; a system admin may send X-Meterline-Customer "
                + "to act for another customer.");
        feature.setVersion("v1");
        feature.setLicense("Apache-2.0");
        feature.setPrettyPrint(true);
        feature.setSupportSwaggerUi(true);
        feature.setScan(false);
        // a fresh swagger context per rebuild (swagger caches contexts by id), so the document
        // follows the resources as capabilities come and go
        feature.setUseContextBasedConfig(true);
        feature.setSwaggerUiConfig(new SwaggerUiConfig().url("openapi.json"));
        feature.setSecurityDefinitions(Map.of("basicAuth",
                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
        return feature;
    }
}
