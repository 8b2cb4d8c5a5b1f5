package org.meterline.operation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.meterline.operation}: the lane of on-demand meter operations. */
@ObjectClassDefinition(name = "Meterline meter operation",
        description = "On-demand reads and relay commands run on their own threads, apart from bulk collection")
@interface Config {

    @AttributeDefinition(description = "Threads that talk to meters on demand (1..64)")
    int threads() default 8;

    @AttributeDefinition(description = "Operations that may wait for a thread; more are refused as busy "
            + "(read at start)")
    int queueCapacity() default 200;

    @AttributeDefinition(description = "Seconds an operation may take, from start to outcome, waiting included")
    int timeoutSeconds() default 60;
}
