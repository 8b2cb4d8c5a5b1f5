package org.meterline.driver.api;

import java.util.List;
import java.util.Set;

/**
 * A meter driver, registered as an OSGi service. The platform picks the driver for a meter by
 * its model when it calls, so a driver installed later serves its models at once.
 */
public interface MeterDriver {

    /** The SPI version this interface belongs to; a driver reports the one it was built against. */
    String SPI_VERSION = "1.0";

    /** A stable id, e.g. "dlms". */
    String id();

    /** The protocol, as meter models name it, e.g. "dlms-cosem". */
    String protocol();

    /** The models this driver serves. */
    Set<ModelRef> models();

    /** The items this driver reads for a model it serves, registers first; empty when it cannot say. */
    default List<CatalogueItem> catalogue(ModelRef model) {
        return List.of();
    }

    /** The SPI version the driver was built against: its major must equal this SPI's. */
    String spiVersion();

    /**
     * Opens an association with one meter; a meter that cannot be reached is a failed result.
     * The platform wipes the settings' key material once this returns: copy what the session needs.
     */
    Result<MeterSession> open(SessionSettings settings);
}
