package org.meterline.driver.api;

/** The state of a meter's disconnect control (DLMS: connected, disconnected, ready for reconnection). */
public enum RelayState {
    CONNECTED, DISCONNECTED, READY_FOR_RECONNECTION
}
