package org.meterline.driver.dlms.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Meterline DLMS/COSEM driver",
        description = "Model profiles, invocation counter store and limits of the DLMS driver")
@interface Config {

    @AttributeDefinition(description = "Directory of model profile files (*.json) that add profiles or override"
            + " shipped ones by id; ${karaf.etc} and ${karaf.data} are expanded")
    String profileDirectory() default "${karaf.etc}/dlms-profiles";

    @AttributeDefinition(description = "Seconds between checks of the profile directory for changed files;"
            + " 0 = load only when the configuration changes")
    int profileRefreshSeconds() default 10;

    @AttributeDefinition(description = "Directory of the persistent HLS invocation counter high-water marks"
            + " (one file per meter and client)")
    String counterDirectory() default "${karaf.data}/meterline/dlms-counters";

    @AttributeDefinition(description = "Invocation counters reserved (on disk, fsynced) at a time; a session"
            + " reserves the next window before the current one runs out. 16..1000000")
    int counterWindow() default 1000;

    @AttributeDefinition(description = "On the first HLS contact with a meter (no stored counter), read the"
            + " meter's invocation counter (0.0.43.1.0.255) through the public client and start above it")
    boolean counterSync() default true;

    @AttributeDefinition(description = "Client id of the public client used for the counter sync and the"
            + " meter identification")
    int publicClientId() default 16;

    @AttributeDefinition(description = "Meters whose profile (chosen by logical device name) is remembered"
            + " between sessions")
    int identificationCacheSize() default 100000;
}
