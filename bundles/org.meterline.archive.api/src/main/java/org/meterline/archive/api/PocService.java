package org.meterline.archive.api;

import org.meterline.core.api.Caller;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;

/**
 * Archive → POC (manual §4.2). A meter belongs to at most one active POC; binding moves it to
 * Installed; the project must be at the site and the service rate one of the project's rates.
 * Sort: name, meterSerial, consumerCode, type.
 */
public interface PocService {

    Page<Poc> listPocs(Caller caller, PageRequest page);

    Poc getPoc(Caller caller, long id);

    Poc createPoc(Caller caller, PocInput input);

    Poc updatePoc(Caller caller, long id, PocInput input);

    /** Ends the POC (it stays on record, inactive) and frees its meter. */
    void deletePoc(Caller caller, long id);
}
