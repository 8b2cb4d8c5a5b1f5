package org.meterline.driver.dlms.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meterline.core.api.ObisCode;
import org.meterline.driver.api.ModelRef;

/**
 * A resolved meter model profile: the COSEM object map of one meter model, inheritance applied and
 * every code parsed. Immutable.
 *
 * @param id profile id, e.g. "landis-gyr-e450"
 * @param model the model it describes; empty for abstract profiles such as "dlms-base"
 * @param deviceNamePrefixes logical device name prefixes (the 3-letter manufacturer id first) that select it
 * @param objects the object map by item
 * @param source where the profile came from, for messages
 */
record ModelProfile(String id, Optional<ModelRef> model, List<String> deviceNamePrefixes,
        Map<ObisCode, CosemObject> objects, Optional<ObisCode> loadProfile, Map<ObisCode, String> eventLogs,
        Map<Integer, String> events, Optional<ObisCode> clock, Optional<ObisCode> relay,
        Optional<ObisCode> image, Optional<ObisCode> signal, Optional<ObisCode> ct, Optional<ObisCode> pt,
        ObisCode deviceName, ObisCode invocationCounter, String source) {

    /**
     * One object of the map.
     *
     * @param item the code the platform asks for
     * @param obis where the meter keeps it (usually the same code)
     * @param classId COSEM interface class
     * @param attribute the value attribute
     * @param scaler scaler to apply instead of the meter's attribute 3, if given
     * @param unit unit to report instead of the meter's attribute 3, if given
     * @param name human readable name
     */
    record CosemObject(ObisCode item, ObisCode obis, int classId, int attribute, Optional<Integer> scaler,
            Optional<String> unit, String name) {

        boolean isRegister() {
            return classId == 3 || classId == 4 || classId == 5;
        }
    }

    ModelProfile {
        deviceNamePrefixes = List.copyOf(deviceNamePrefixes);
        objects = Map.copyOf(objects);
        eventLogs = Map.copyOf(eventLogs);
        events = Map.copyOf(events);
    }

    Optional<CosemObject> object(ObisCode item) {
        return Optional.ofNullable(objects.get(item));
    }
}
