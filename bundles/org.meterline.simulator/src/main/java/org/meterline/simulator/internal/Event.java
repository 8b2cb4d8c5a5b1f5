package org.meterline.simulator.internal;

/** One entry of an event log: when (epoch second, meter time) and the event code. */
public record Event(long epochSecond, int code) implements Comparable<Event> {

    public static final int POWER_OFF = 1;
    public static final int POWER_ON = 2;
    public static final int CLOCK_SET = 3;
    public static final int COVER_OPENED = 40;
    public static final int COVER_CLOSED = 41;
    public static final int RELAY_DISCONNECTED = 59;
    public static final int RELAY_CONNECTED = 60;

    @Override
    public int compareTo(Event o) {
        int c = Long.compare(epochSecond, o.epochSecond);
        return c != 0 ? c : Integer.compare(code, o.code);
    }
}
