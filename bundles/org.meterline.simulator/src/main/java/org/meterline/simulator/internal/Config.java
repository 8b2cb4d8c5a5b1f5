package org.meterline.simulator.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Meterline DLMS meter simulator",
        description = "A fleet of simulated DLMS/COSEM meters started from configuration (count 0 = none).")
@interface Config {

    @AttributeDefinition(description = "Number of simulated meters; 0 starts none")
    int count() default 0;

    @AttributeDefinition(description = "TCP port of the first server; the fleet uses ceil(count / metersPerServer) ports")
    int basePort() default 4059;

    @AttributeDefinition(description = "Meters (logical devices) behind one TCP port")
    int metersPerServer() default 250;

    @AttributeDefinition(description = "Security of the reading client: none (client 16), lls (client 17), "
            + "hls5-gmac (client 1)", options = {@Option(label = "none", value = "none"),
                @Option(label = "lls", value = "lls"), @Option(label = "hls5-gmac", value = "hls5-gmac")})
    String security() default "hls5-gmac";

    @AttributeDefinition(description = "Seed of the generated values and of the per-meter secrets")
    long seed() default 1L;

    @AttributeDefinition(description = "Prefix of the serial numbers")
    String serialPrefix() default "SIM";

    @AttributeDefinition(description = "Address the servers listen on")
    String bindHost() default "127.0.0.1";
}
