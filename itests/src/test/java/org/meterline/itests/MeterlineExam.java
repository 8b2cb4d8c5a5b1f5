package org.meterline.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.time.Duration;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption;

/**
 * Boots the built Meterline distribution (distribution/target/*.tar.gz) under Pax Exam, on
 * ports of its own, with a known system admin password.
 */
public abstract class MeterlineExam {

    static final int HTTP_PORT = 18181;
    static final String ADMIN_PASSWORD = "itest-admin-pw";
    static final String BASE = "http://localhost:" + HTTP_PORT + "/api/v1";

    @Configuration
    public Option[] config() {
        String distribution = System.getProperty("meterline.distribution",
                "../distribution/target/meterline-distribution-0.1.0-SNAPSHOT.tar.gz");
        String repo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl(new File(distribution).toURI().toString())
                    .unpackDirectory(new File("target/exam")).useDeployFolder(false).karafVersion("4.4.10")
                    .name("Meterline"),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            // keep target/exam/<uuid> (log included) for looking into a failure
            keepRuntimeFolder(),
            logLevel(LogLevelOption.LogLevel.WARN),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(HTTP_PORT)),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", "18101"),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", "11099"),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", "11098"),
            editConfigurationFilePut("etc/org.meterline.tenant.cfg", "adminPassword", ADMIN_PASSWORD),
            editConfigurationFilePut("etc/org.meterline.tenant.cfg", "bcryptCost", "4"),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", repo),
            systemProperty("org.ops4j.pax.url.mvn.localRepository").value(repo),
        };
    }

    protected RestClient admin() {
        return new RestClient(BASE, "admin", ADMIN_PASSWORD);
    }

    /** Waits until the REST API answers an authenticated call (resources bind shortly after boot). */
    protected RestClient ready() throws InterruptedException {
        RestClient admin = admin();
        admin.await("/me", 200, Duration.ofSeconds(60));
        admin.awaitStable(Duration.ofSeconds(60), "/service-rates", "/sites", "/pocs", "/meters");
        return admin;
    }
}
