package org.meterline.collection.internal;

/** The collection settings, from {@link Config} or built by tests. */
record Settings(String runEndpoint, String storeEndpoint, int readThreads, int perModuleLimit, int maxAttempts,
        long retryDelayMillis, double retryMultiplier, long retryMaxDelayMillis, double retryJitter,
        int gapFillMaxDays, int schedulerTickSeconds, int storeBatchRows, long storeLingerMillis, boolean storeJson) {

    static final String DEFAULT_RUN_ENDPOINT = "seda:meterline-collection-runs?size=1000&concurrentConsumers=2";
    static final String DEFAULT_STORE_ENDPOINT = "seda:meterline-readings?size=1000&concurrentConsumers=32&blockWhenFull=true";

    /** About twenty meters' day of 96 x 4 intervals, two commits of the readings store's default 4,000 rows. */
    static final int DEFAULT_STORE_BATCH_ROWS = 8000;
    static final long DEFAULT_STORE_LINGER_MILLIS = 20;

    Settings {
        readThreads = Math.max(1, readThreads);
        perModuleLimit = Math.max(1, perModuleLimit);
        maxAttempts = Math.max(1, maxAttempts);
        retryDelayMillis = Math.max(0, retryDelayMillis);
        retryMultiplier = Math.max(1.0, retryMultiplier);
        retryMaxDelayMillis = Math.max(retryDelayMillis, retryMaxDelayMillis);
        retryJitter = Math.max(0, Math.min(1, retryJitter));
        gapFillMaxDays = Math.max(1, gapFillMaxDays);
        schedulerTickSeconds = Math.max(1, schedulerTickSeconds);
        storeBatchRows = Math.max(1, storeBatchRows);
        storeLingerMillis = Math.max(0, storeLingerMillis);
    }

    static Settings of(Config c) {
        return new Settings(c.runEndpoint(), c.storeEndpoint(), c.readThreads(), c.perModuleLimit(), c.maxAttempts(),
                c.retryDelayMillis(), c.retryMultiplier(), c.retryMaxDelayMillis(), c.retryJitter(),
                c.gapFillMaxDays(), c.schedulerTickSeconds(), c.storeBatchRows(), c.storeLingerMillis(), json(c.storeFormat()));
    }

    static Settings defaults() {
        return new Settings(DEFAULT_RUN_ENDPOINT, DEFAULT_STORE_ENDPOINT, 16, 4, 3, 2000, 2.0, 60000, 0.15, 7, 30, DEFAULT_STORE_BATCH_ROWS, DEFAULT_STORE_LINGER_MILLIS, false);
    }

    Settings withRetries(int attempts, long delayMillis) {
        return new Settings(runEndpoint, storeEndpoint, readThreads, perModuleLimit, attempts, delayMillis,
                retryMultiplier, retryMaxDelayMillis, retryJitter, gapFillMaxDays, schedulerTickSeconds, storeBatchRows, storeLingerMillis, storeJson);
    }

    Settings withParallelism(int threads, int perModule) {
        return new Settings(runEndpoint, storeEndpoint, threads, perModule, maxAttempts, retryDelayMillis,
                retryMultiplier, retryMaxDelayMillis, retryJitter, gapFillMaxDays, schedulerTickSeconds, storeBatchRows, storeLingerMillis, storeJson);
    }

    Settings withStoreEndpoint(String endpoint) {
        return new Settings(runEndpoint, endpoint, readThreads, perModuleLimit, maxAttempts, retryDelayMillis,
                retryMultiplier, retryMaxDelayMillis, retryJitter, gapFillMaxDays, schedulerTickSeconds, storeBatchRows, storeLingerMillis, storeJson);
    }

    Settings withStoreBatchRows(int rows) {
        return new Settings(runEndpoint, storeEndpoint, readThreads, perModuleLimit, maxAttempts, retryDelayMillis,
                retryMultiplier, retryMaxDelayMillis, retryJitter, gapFillMaxDays, schedulerTickSeconds, rows, storeLingerMillis, storeJson);
    }

    Settings withStoreJson(boolean json) {
        return new Settings(runEndpoint, storeEndpoint, readThreads, perModuleLimit, maxAttempts, retryDelayMillis,
                retryMultiplier, retryMaxDelayMillis, retryJitter, gapFillMaxDays, schedulerTickSeconds, storeBatchRows,
                storeLingerMillis, json);
    }

    /** The store format setting: {@code object} (in-JVM endpoints) or {@code json} (a broker); anything else is refused. */
    static boolean json(String format) {
        String f = format == null ? "" : format.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (f) {
            case "", "object" -> false;
            case "json" -> true;
            default -> throw new IllegalArgumentException("storeFormat must be object or json, not '" + format + "'");
        };
    }

    Settings withStoreLinger(long millis) {
        return new Settings(runEndpoint, storeEndpoint, readThreads, perModuleLimit, maxAttempts, retryDelayMillis,
                retryMultiplier, retryMaxDelayMillis, retryJitter, gapFillMaxDays, schedulerTickSeconds, storeBatchRows,
                millis, storeJson);
    }
}
