package org.meterline.driver.dlms.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model profile file as written (JSON), before inheritance is resolved. Every field may be absent:
 * an absent field is inherited from the profile named by {@code extends}.
 */
record ProfileDocument(
        String id,
        @JsonProperty("extends") String parent,
        String manufacturer,
        String model,
        String description,
        List<String> deviceNamePrefixes,
        List<ObjectEntry> objects,
        String loadProfile,
        Map<String, String> eventLogs,
        Map<String, String> events,
        String clock,
        String relay,
        String image,
        String signal,
        String ct,
        String pt,
        String deviceName,
        String invocationCounter) {

    /** One COSEM object of the profile: the item the platform asks for and where the meter keeps it. */
    record ObjectEntry(
            String item,
            String obis,
            Integer classId,
            Integer attribute,
            Integer scaler,
            String unit,
            String name,
            Boolean remove) {

        /** This entry's fields over {@code base}'s (same item). */
        ObjectEntry over(ObjectEntry base) {
            return new ObjectEntry(item, obis != null ? obis : base.obis, classId != null ? classId : base.classId,
                    attribute != null ? attribute : base.attribute, scaler != null ? scaler : base.scaler,
                    unit != null ? unit : base.unit, name != null ? name : base.name, remove);
        }
    }

    /** This document's fields over {@code base}'s: scalars replace, objects and maps merge by key. */
    ProfileDocument over(ProfileDocument base, String resultParent) {
        Map<String, ObjectEntry> merged = new LinkedHashMap<>();
        if (base.objects != null) {
            for (ObjectEntry e : base.objects) {
                merged.put(ProfileRegistry.key(e.item()), e);
            }
        }
        if (objects != null) {
            for (ObjectEntry e : objects) {
                String k = ProfileRegistry.key(e.item());
                ObjectEntry old = merged.get(k);
                if (Boolean.TRUE.equals(e.remove())) {
                    merged.remove(k);
                } else {
                    merged.put(k, old == null ? e : e.over(old));
                }
            }
        }
        return new ProfileDocument(id != null ? id : base.id, resultParent,
                manufacturer != null ? manufacturer : base.manufacturer,
                model != null ? model : base.model,
                description != null ? description : base.description,
                deviceNamePrefixes != null ? deviceNamePrefixes : base.deviceNamePrefixes,
                List.copyOf(merged.values()),
                loadProfile != null ? loadProfile : base.loadProfile,
                mergeMaps(base.eventLogs, eventLogs), mergeMaps(base.events, events),
                clock != null ? clock : base.clock, relay != null ? relay : base.relay,
                image != null ? image : base.image, signal != null ? signal : base.signal,
                ct != null ? ct : base.ct, pt != null ? pt : base.pt,
                deviceName != null ? deviceName : base.deviceName,
                invocationCounter != null ? invocationCounter : base.invocationCounter);
    }

    private static Map<String, String> mergeMaps(Map<String, String> base, Map<String, String> top) {
        Map<String, String> m = new LinkedHashMap<>();
        if (base != null) {
            m.putAll(base);
        }
        if (top != null) {
            m.putAll(top);
        }
        return m;
    }
}
