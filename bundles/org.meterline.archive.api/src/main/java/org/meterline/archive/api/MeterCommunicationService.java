package org.meterline.archive.api;

import org.meterline.core.api.Caller;

/**
 * Archive → Meter → Communication: how the platform reaches each meter. Secrets are stored
 * encrypted (AES-GCM with a key kept outside the database) and never returned by
 * {@link #getCommunication}.
 */
public interface MeterCommunicationService {

    /** The meter's settings, or {@link MeterCommunication#defaults} when none were stored. */
    MeterCommunication getCommunication(Caller caller, long meterId);

    /** Stores new settings; needs archive write permission. Secrets left empty keep the stored ones. */
    MeterCommunication setCommunication(Caller caller, long meterId, MeterCommunicationInput input);

    /** The settings with decrypted secrets, for opening a driver session on the caller's behalf. */
    MeterCredentials credentials(Caller caller, long meterId);
}
