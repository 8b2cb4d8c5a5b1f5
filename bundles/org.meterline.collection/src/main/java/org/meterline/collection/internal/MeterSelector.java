package org.meterline.collection.internal;

import java.util.List;
import org.meterline.collection.api.CollectionTask;
import org.meterline.core.api.Caller;

/** Which meters a task reads. */
public interface MeterSelector {

    /** A meter to read: its id, serial number and acquisition module (null when it has none). */
    record Target(long meterId, String serialNumber, Long moduleId) {
    }

    /** The task's meters for the caller's customer, each once. */
    List<Target> select(Caller caller, CollectionTask task);
}
