package org.meterline.driver.dlms.internal;

/** What the transport saw of a session's link, to tell a dropped link from an undecodable answer. */
interface LinkWatch {

    /** Whether the socket is closed, by either side. */
    boolean closed();

    /**
     * Whether the link was closed although the meter neither ended the stream nor broke it: jDLMS's
     * reader closes the transport itself when it cannot decode what arrived.
     */
    boolean closedOnUndecodableData();
}
