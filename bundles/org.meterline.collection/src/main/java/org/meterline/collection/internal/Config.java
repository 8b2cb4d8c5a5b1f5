package org.meterline.collection.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Meterline data collection",
        description = "Camel endpoints, read parallelism, retries and scheduling of collection tasks")
@interface Config {

    @AttributeDefinition(description = "Endpoint runs are sent to and consumed from (route collection-run)")
    String runEndpoint() default Settings.DEFAULT_RUN_ENDPOINT;

    @AttributeDefinition(description = "Endpoint between reading and storing (route collection-store consumes it);"
            + " a broker endpoint can replace the in-JVM queue")
    String storeEndpoint() default Settings.DEFAULT_STORE_ENDPOINT;

    @AttributeDefinition(description = "What travels to the store endpoint: object (the Java message, for in-JVM"
            + " endpoints such as seda) or json (the versioned JSON of ReadResultJson, for a message broker)")
    String storeFormat() default "object";

    @AttributeDefinition(description = "Values stored in one go: the results of the meters waiting to be stored are"
            + " written together (readings in one store call, outcomes in one transaction) up to this many values;"
            + " 1 = each meter on its own")
    int storeBatchRows() default Settings.DEFAULT_STORE_BATCH_ROWS;

    @AttributeDefinition(description = "Milliseconds a store batch waits for more meters' results before it is written"
            + " (unless storeBatchRows are waiting already); fewer, larger commits for a little latency; 0 = none")
    long storeLingerMillis() default Settings.DEFAULT_STORE_LINGER_MILLIS;

    @AttributeDefinition(description = "Meters read at the same time, over all runs (the read thread pool)")
    int readThreads() default 16;

    @AttributeDefinition(description = "Meters read at the same time behind one acquisition module")
    int perModuleLimit() default 4;

    @AttributeDefinition(description = "Attempts per meter for retryable errors (timeout, connection failed), 1 = no retry")
    int maxAttempts() default 3;

    @AttributeDefinition(description = "Delay before the first retry, in milliseconds")
    long retryDelayMillis() default 2000;

    @AttributeDefinition(description = "Each further retry waits this many times longer")
    double retryMultiplier() default 2.0;

    @AttributeDefinition(description = "Longest delay between two attempts, in milliseconds")
    long retryMaxDelayMillis() default 60000;

    @AttributeDefinition(description = "Jitter: each delay varies randomly by up to this fraction (0..1)")
    double retryJitter() default 0.15;

    @AttributeDefinition(description = "Load profile gap fill: how many days back a meter's last stored interval is"
            + " looked for, and the longest period read")
    int gapFillMaxDays() default 7;

    @AttributeDefinition(description = "Seconds between the scheduler's checks for due tasks")
    int schedulerTickSeconds() default 30;

    @AttributeDefinition(description = "Network Monitor: a module is online when the platform reached one of its meters"
            + " within this many minutes; 0 = twice the shortest interval of the enabled module-signal tasks,"
            + " or 24 hours without one")
    int onlineWindowMinutes() default 0;
}
