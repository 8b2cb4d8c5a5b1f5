package org.meterline.driver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpiTypesTest {

    @Test
    void resultsCarryAValueOrATypedError() {
        Result<Integer> ok = Result.ok(41);
        assertTrue(ok.isOk());
        assertEquals(42, ok.map(v -> v + 1).value());
        assertThrows(IllegalStateException.class, ok::error);

        Result<Integer> failed = Result.failed(DriverError.Kind.TIMEOUT, "no answer in 5 s");
        assertFalse(failed.isOk());
        assertTrue(failed.error().retryable());
        assertEquals("no answer in 5 s", failed.map(v -> v + 1).error().message());
        assertThrows(IllegalStateException.class, failed::value);
        assertThrows(NullPointerException.class, () -> Result.ok(null));
        assertFalse(new DriverError(DriverError.Kind.AUTHENTICATION_FAILED, null).retryable());
    }

    @Test
    void keysNeverShowAndAreCopied() {
        byte[] key = {1, 2, 3};
        Security.Keys keys = new Security.Keys(key, key, null);
        key[0] = 9;
        assertEquals(1, keys.authenticationKey()[0]);
        SessionSettings settings = new SessionSettings("SN-1", "127.0.0.1", 4059, 1, 1, keys, null, null);
        assertFalse(settings.toString().contains("1, 2, 3"));
        assertTrue(settings.toString().contains("Keys[***]"));
        assertEquals(Duration.ofSeconds(10), settings.connectTimeout());
        keys.destroy();
        assertEquals(0, keys.encryptionKey()[0]);
        assertThrows(IllegalArgumentException.class,
                () -> new SessionSettings("SN-1", "h", 0, 1, 1, new Security.None(), null, null));
    }

    @Test
    void modelsMatchIgnoringCase() {
        assertTrue(new ModelRef(" Landis+Gyr", "E450 ").matches("landis+gyr", "e450"));
        assertFalse(new ModelRef("Landis+Gyr", "E450").matches("Landis+Gyr", "E350"));
    }
}
