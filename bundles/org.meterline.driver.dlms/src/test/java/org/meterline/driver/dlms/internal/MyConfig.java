package org.meterline.driver.dlms.internal;

import java.lang.annotation.Annotation;

/** A {@link Config} for tests, as the OSGi configuration admin would hand it over. */
@SuppressWarnings("all")
final class MyConfig implements Config {

    String profileDirectory = "${karaf.etc}/dlms-profiles";
    int profileRefreshSeconds = 10;
    String counterDirectory = "${karaf.data}/meterline/dlms-counters";
    int counterWindow = 1000;
    boolean counterSync = true;
    int publicClientId = 16;
    int identificationCacheSize = 100000;

    @Override
    public Class<? extends Annotation> annotationType() {
        return Config.class;
    }

    @Override
    public String profileDirectory() {
        return profileDirectory;
    }

    @Override
    public int profileRefreshSeconds() {
        return profileRefreshSeconds;
    }

    @Override
    public String counterDirectory() {
        return counterDirectory;
    }

    @Override
    public int counterWindow() {
        return counterWindow;
    }

    @Override
    public boolean counterSync() {
        return counterSync;
    }

    @Override
    public int publicClientId() {
        return publicClientId;
    }

    @Override
    public int identificationCacheSize() {
        return identificationCacheSize;
    }
}
