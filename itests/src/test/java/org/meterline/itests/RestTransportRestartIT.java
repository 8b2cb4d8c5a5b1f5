package org.meterline.itests;

import static org.junit.Assert.assertNotNull;

import java.time.Duration;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The REST API is published into the HTTP transport that CXF's servlet serves. When that transport
 * bundle is restarted, its servlet and transport are new; the API must come back on them instead of
 * staying in the old transport and answering CXF's "No service was found" 404 until the platform
 * restarts. (A start-up in which the API is published before the transport registered itself ends
 * the same way; a restart of the bundle is how a test can bring that about on purpose.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RestTransportRestartIT extends MeterlineExam {

    private static final String HTTP_TRANSPORT = "org.apache.cxf.cxf-rt-transports-http";

    @Inject
    BundleContext context;

    @Test
    public void restApiComesBackWhenTheHttpTransportRestarts() throws Exception {
        RestClient admin = ready();
        Bundle transport = null;
        for (Bundle b : context.getBundles()) {
            if (HTTP_TRANSPORT.equals(b.getSymbolicName())) {
                transport = b;
            }
        }
        assertNotNull("the distribution has " + HTTP_TRANSPORT, transport);

        transport.stop();
        admin.await("/me", 404, Duration.ofSeconds(30)); // no servlet: Pax Web's own 404
        transport.start();

        admin.await("/me", 200, Duration.ofSeconds(90));
        admin.awaitStable(Duration.ofSeconds(90), "/me", "/meters", "/sites");
    }
}
