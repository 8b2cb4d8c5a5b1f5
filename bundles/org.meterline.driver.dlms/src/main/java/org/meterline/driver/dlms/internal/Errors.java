package org.meterline.driver.dlms.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import org.meterline.driver.api.DriverError;
import org.meterline.driver.api.DriverError.Kind;
import org.openmuc.jdlms.AccessResultCode;
import org.openmuc.jdlms.JDlmsException;
import org.openmuc.jdlms.MethodResultCode;
import org.openmuc.jdlms.ResponseTimeoutException;

/** Maps what jDLMS throws or answers to the SPI's error kinds. */
final class Errors {

    /** The message tail of a connection the meter closed while associating (no AARE came). */
    static final String CLOSED_DURING_ASSOCIATION = ": the meter closed the connection during the association";

    private Errors() {
    }

    /** An error and whether the link is unusable afterwards (the session then closes). */
    record Mapped(DriverError error, boolean linkLost) {
    }

    /** While associating: the same as {@link #of} but a failing decryption means the keys are wrong. */
    static Mapped ofAssociation(Throwable t, String serial) {
        String chain = chain(t);
        if (chain.contains("decipher") || chain.contains("DecryptionException") || chain.contains("decrypt")) {
            return new Mapped(new DriverError(Kind.AUTHENTICATION_FAILED, serial
                    + ": the meter's answer does not decrypt with the configured keys (wrong keys?)"), true);
        }
        Mapped m = of(t, serial);
        if (m.error().kind() == Kind.CONNECTION_FAILED && t instanceof EOFException) {
            return new Mapped(new DriverError(Kind.CONNECTION_FAILED, serial + CLOSED_DURING_ASSOCIATION), true);
        }
        return m;
    }

    static Mapped of(Throwable t, String serial) {
        String prefix = serial + ": ";
        if (t instanceof FrameCounterGuard.CounterUnavailable) {
            return new Mapped(new DriverError(Kind.AUTHENTICATION_FAILED, prefix + "no invocation counter available: "
                    + t.getMessage()), true);
        }
        if (t instanceof ResponseTimeoutException) {
            return new Mapped(new DriverError(Kind.TIMEOUT, prefix + "no answer within the response timeout"), true);
        }
        if (t instanceof JDlmsException j) {
            switch (j.getExceptionId()) {
                case AUTHENTICATION_ERROR:
                case AUTHENTICATION_REQUIRED:
                    return new Mapped(new DriverError(Kind.AUTHENTICATION_FAILED,
                            prefix + "association rejected: " + j.getMessage()), true);
                case RESPONSE_TIMEOUT:
                    return new Mapped(new DriverError(Kind.TIMEOUT, prefix + j.getMessage()), true);
                case CONNECTION_ESTABLISH_ERROR:
                    if (j.getMessage() != null && (j.getMessage().contains("Timeout")
                            || j.getMessage().contains("late"))) {
                        return new Mapped(new DriverError(Kind.TIMEOUT,
                                prefix + "no association response within the response timeout"), true);
                    }
                    return new Mapped(new DriverError(Kind.PROTOCOL_ERROR, prefix + j.getMessage()), true);
                case CONNECTION_CLOSED:
                case CONNECTION_ALREADY_CLOSED:
                    return new Mapped(new DriverError(Kind.CONNECTION_FAILED, prefix + j.getMessage()), true);
                case UNKNOWN:
                    if (j.getAssumedFault() == JDlmsException.Fault.USER) {
                        return new Mapped(new DriverError(Kind.AUTHENTICATION_FAILED,
                                prefix + "association rejected: " + j.getMessage()), true);
                    }
                    return new Mapped(new DriverError(Kind.PROTOCOL_ERROR, prefix + j.getMessage()), true);
                default:
                    return new Mapped(new DriverError(Kind.PROTOCOL_ERROR,
                            prefix + j.getExceptionId() + ": " + j.getMessage()), true);
            }
        }
        if (t instanceof EOFException) {
            return new Mapped(new DriverError(Kind.CONNECTION_FAILED, prefix + "the meter closed the connection"),
                    true);
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException
                || t instanceof UnknownHostException) {
            return new Mapped(new DriverError(Kind.CONNECTION_FAILED, prefix + "cannot connect: " + t.getMessage()),
                    true);
        }
        if (t instanceof SocketException) {
            return new Mapped(new DriverError(Kind.CONNECTION_FAILED, prefix + "link lost: " + t.getMessage()), true);
        }
        if (t instanceof InterruptedIOException) {
            return new Mapped(new DriverError(Kind.TIMEOUT, prefix + t.getMessage()), true);
        }
        if (t instanceof IOException io) {
            String m = String.valueOf(io.getMessage());
            if (m.contains("ExceptionResponse") || m.contains("ConfirmedServiceError")) {
                // the meter answered, with a service error: the link is fine
                return new Mapped(new DriverError(Kind.PROTOCOL_ERROR, prefix + "the meter refused the request: " + m),
                        false);
            }
            if (m.contains("Stream closed") || m.contains("Socket closed") || m.contains("closed")) {
                return new Mapped(new DriverError(Kind.CONNECTION_FAILED, prefix + "link lost: " + m), true);
            }
            return new Mapped(new DriverError(Kind.PROTOCOL_ERROR, prefix + "undecodable answer: " + m), true);
        }
        return new Mapped(new DriverError(Kind.PROTOCOL_ERROR, prefix + "undecodable answer: " + t), true);
    }

    static DriverError of(AccessResultCode code, String what) {
        return new DriverError(kindOf(code.name()), what + ": " + code);
    }

    static DriverError of(MethodResultCode code, String what) {
        return new DriverError(kindOf(code.name()), what + ": " + code);
    }

    private static Kind kindOf(String code) {
        switch (code) {
            case "READ_WRITE_DENIED":
            case "SCOPE_OF_ACCESS_VIOLATED":
            case "SCOPE_OF_ACCESS_VIOLATION":
                return Kind.ACCESS_DENIED;
            case "OBJECT_UNDEFINED":
            case "OBJECT_UNAVAILABLE":
            case "OBJECT_CLASS_INCONSISTENT":
                return Kind.OBJECT_UNDEFINED;
            case "TYPE_UNMATCHED":
                return Kind.PROTOCOL_ERROR;
            default:
                // HARDWARE_FAULT, TEMPORARY_FAILURE, DATA_BLOCK_*, LONG_*_ABORTED, OTHER_REASON
                return Kind.TEMPORARY_FAILURE;
        }
    }

    private static String chain(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null && b.length() < 2000; c = c.getCause()) {
            b.append(c.getClass().getName()).append(':').append(c.getMessage()).append('|');
            if (c.getCause() == c) {
                break;
            }
        }
        return b.toString();
    }
}
