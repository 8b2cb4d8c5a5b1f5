package org.meterline.driver.api;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of a driver operation: a value, or a {@link DriverError}. Never null, never a
 * thrown exception for something the meter or the network did.
 */
public sealed interface Result<T> permits Result.Ok, Result.Failed {

    /** A successful outcome. */
    record Ok<T>(T value) implements Result<T> {
        public Ok {
            Objects.requireNonNull(value, "value (use Done.DONE for operations without one)");
        }
    }

    /** A failed outcome. */
    record Failed<T>(DriverError error) implements Result<T> {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Result<T> failed(DriverError error) {
        return new Failed<>(error);
    }

    static <T> Result<T> failed(DriverError.Kind kind, String message) {
        return new Failed<>(new DriverError(kind, message));
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value; calling it on a failed result is a programming error. */
    default T value() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("no value: " + ((Failed<T>) this).error());
    }

    /** The error; calling it on a successful result is a programming error. */
    default DriverError error() {
        if (this instanceof Failed<T> failed) {
            return failed.error();
        }
        throw new IllegalStateException("no error: the operation succeeded");
    }

    default <U> Result<U> map(Function<? super T, ? extends U> f) {
        return this instanceof Ok<T> ok ? new Ok<>(f.apply(ok.value())) : new Failed<>(error());
    }
}
