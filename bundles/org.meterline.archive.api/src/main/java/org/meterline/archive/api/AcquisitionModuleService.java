package org.meterline.archive.api;

import org.meterline.core.api.Caller;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;

/** Archive → Acquisition Module (manual §3.1). Sort: serialNumber, type, status, address. */
public interface AcquisitionModuleService {

    Page<AcquisitionModule> listModules(Caller caller, PageRequest page);

    AcquisitionModule getModule(Caller caller, long id);

    java.util.Optional<AcquisitionModule> findModule(Caller caller, String serialNumber);

    AcquisitionModule createModule(Caller caller, AcquisitionModuleInput input);

    AcquisitionModule updateModule(Caller caller, long id, AcquisitionModuleInput input);

    /** Refused while meters are read through it. */
    void deleteModule(Caller caller, long id);
}
