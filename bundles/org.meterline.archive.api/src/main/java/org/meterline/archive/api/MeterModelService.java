package org.meterline.archive.api;

import org.meterline.core.api.Caller;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;

/** Archive → Meter Models. Sort: manufacturer, model, protocol, phases, wiring. */
public interface MeterModelService {

    Page<MeterModel> listMeterModels(Caller caller, PageRequest page);

    MeterModel getMeterModel(Caller caller, long id);

    MeterModel createMeterModel(Caller caller, MeterModelInput input);

    MeterModel updateMeterModel(Caller caller, long id, MeterModelInput input);

    /** Refused while meters of the model exist. */
    void deleteMeterModel(Caller caller, long id);
}
