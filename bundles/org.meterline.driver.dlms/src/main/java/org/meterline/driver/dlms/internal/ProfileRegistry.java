package org.meterline.driver.dlms.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.meterline.core.api.ObisCode;
import org.meterline.driver.api.ModelRef;
import org.meterline.driver.dlms.internal.ModelProfile.CosemObject;
import org.meterline.driver.dlms.internal.ProfileDocument.ObjectEntry;

/**
 * Loads model profiles: the ones shipped in the bundle under {@code profiles/}, then the {@code *.json}
 * files of a directory. A directory file whose id is already known is an overlay on that profile
 * (per item, like {@code extends}); a new id adds a profile. A bad file is reported (which file, what is
 * wrong) and skipped, so it never takes down the shipped profiles or the other files.
 */
final class ProfileRegistry {

    /** The profiles shipped in the bundle, in load order. */
    static final List<String> SHIPPED = List.of("dlms-base.json", "landis-gyr-e450.json", "iskra-am550.json",
            "meterline-sim-1.json");

    /** Profile used when no other one matches a meter. */
    static final String BASE = "dlms-base";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** A problem found while loading: the file and what is wrong with it. */
    record Problem(String source, String message) {
        @Override
        public String toString() {
            return source + ": " + message;
        }
    }

    /** The outcome of a load: resolved profiles by id, and the problems met. */
    record Loaded(Map<String, ModelProfile> profiles, List<Problem> problems) {
        Loaded {
            profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
            problems = List.copyOf(problems);
        }

        Optional<ModelProfile> profile(String id) {
            return Optional.ofNullable(profiles.get(id));
        }

        ModelProfile base() {
            return profiles.get(BASE);
        }

        /**
         * The profile for a meter by its logical device name: the longest matching prefix wins; no match
         * gives the base profile.
         */
        ModelProfile forDeviceName(String logicalDeviceName) {
            ModelProfile best = base();
            int bestLength = -1;
            if (logicalDeviceName != null) {
                for (ModelProfile p : profiles.values()) {
                    for (String prefix : p.deviceNamePrefixes()) {
                        if (logicalDeviceName.startsWith(prefix) && prefix.length() > bestLength) {
                            best = p;
                            bestLength = prefix.length();
                        }
                    }
                }
            }
            return best;
        }

        /** The profile that describes this model, if one does. */
        Optional<ModelProfile> forModel(ModelRef model) {
            return profiles.values().stream()
                    .filter(p -> p.model().filter(m -> m.matches(model.manufacturer(), model.model())).isPresent())
                    .findFirst();
        }

        Set<ModelRef> models() {
            return profiles.values().stream().flatMap(p -> p.model().stream())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    private ProfileRegistry() {
    }

    /** Loads the shipped profiles and those of {@code directory} (absent or empty: shipped only). */
    static Loaded load(Optional<Path> directory) {
        List<Problem> problems = new ArrayList<>();
        Map<String, ProfileDocument> shipped = new LinkedHashMap<>();
        Map<String, String> sources = new HashMap<>();
        for (String name : SHIPPED) {
            String source = "bundle:profiles/" + name;
            try (InputStream in = ProfileRegistry.class.getClassLoader().getResourceAsStream("profiles/" + name)) {
                if (in == null) {
                    problems.add(new Problem(source, "missing from the bundle"));
                    continue;
                }
                ProfileDocument doc = JSON.readValue(in, ProfileDocument.class);
                String error = checkDocument(doc);
                if (error != null) {
                    problems.add(new Problem(source, error));
                    continue;
                }
                shipped.put(doc.id(), doc);
                sources.put(doc.id(), source);
            } catch (IOException e) {
                problems.add(new Problem(source, describe(e)));
            }
        }
        Map<String, ProfileDocument> shippedResolved = resolveAll(shipped, sources, problems);

        // Directory files: each is checked on its own against the shipped set, so one bad file does not
        // change what the others or the shipped profiles mean.
        Map<String, ProfileDocument> documents = new LinkedHashMap<>(shipped);
        if (directory.isPresent() && Files.isDirectory(directory.get())) {
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory.get(), "*.json")) {
                ds.forEach(files::add);
            } catch (IOException e) {
                problems.add(new Problem(directory.get().toString(), "cannot list the directory: " + describe(e)));
            }
            Collections.sort(files);
            // parse every file first, then accept them in rounds, so a file may extend one that sorts after it
            Map<Path, ProfileDocument> pending = new LinkedHashMap<>();
            Map<String, Path> claimed = new HashMap<>();
            for (Path file : files) {
                String source = file.toString();
                ProfileDocument doc;
                try (InputStream in = Files.newInputStream(file)) {
                    doc = JSON.readValue(in, ProfileDocument.class);
                } catch (IOException e) {
                    problems.add(new Problem(source, describe(e)));
                    continue;
                }
                String error = checkDocument(doc);
                if (error != null) {
                    problems.add(new Problem(source, error));
                    continue;
                }
                if (claimed.containsKey(doc.id())) {
                    problems.add(new Problem(source, "profile id '" + doc.id() + "' is also defined in "
                            + claimed.get(doc.id()) + "; this file is ignored"));
                    continue;
                }
                claimed.put(doc.id(), file);
                pending.put(file, doc);
            }
            Map<Path, List<Problem>> lastProblems = new HashMap<>();
            boolean progress = true;
            while (progress && !pending.isEmpty()) {
                progress = false;
                for (var it = pending.entrySet().iterator(); it.hasNext();) {
                    var entry = it.next();
                    String source = entry.getKey().toString();
                    ProfileDocument doc = entry.getValue();
                    ProfileDocument effective = doc;
                    ProfileDocument original = shipped.get(doc.id());
                    if (original != null) {
                        // an overlay on a shipped profile: its fields over the shipped ones
                        effective = doc.over(original, doc.parent() != null ? doc.parent() : original.parent());
                    }
                    Map<String, ProfileDocument> trial = new LinkedHashMap<>(documents);
                    trial.put(doc.id(), effective);
                    Map<String, String> trialSources = new HashMap<>(sources);
                    trialSources.put(doc.id(), source);
                    List<Problem> trialProblems = new ArrayList<>();
                    Map<String, ProfileDocument> resolved = resolveAll(trial, trialSources, trialProblems);
                    List<Problem> own = trialProblems.stream().filter(p -> !problems.contains(p)).toList();
                    if (!own.isEmpty() || !resolved.containsKey(doc.id())) {
                        lastProblems.put(entry.getKey(), own);
                        continue;
                    }
                    documents = trial;
                    sources = trialSources;
                    it.remove();
                    progress = true;
                }
            }
            if (!pending.isEmpty()) {
                // what is left cannot be used; resolve all of it together to name the reason (e.g. a cycle)
                Map<String, ProfileDocument> trial = new LinkedHashMap<>(documents);
                Map<String, String> trialSources = new HashMap<>(sources);
                for (var entry : pending.entrySet()) {
                    ProfileDocument doc = entry.getValue();
                    ProfileDocument original = shipped.get(doc.id());
                    trial.put(doc.id(), original == null ? doc
                            : doc.over(original, doc.parent() != null ? doc.parent() : original.parent()));
                    trialSources.put(doc.id(), entry.getKey().toString());
                }
                List<Problem> together = new ArrayList<>();
                resolveAll(trial, trialSources, together);
                for (Path file : pending.keySet()) {
                    String source = file.toString();
                    List<Problem> own = lastProblems.getOrDefault(file, List.of()).stream()
                            .filter(p -> p.source().equals(source)).toList();
                    boolean parentMissing = own.stream().allMatch(p -> p.message().startsWith("extends '"));
                    if (own.isEmpty() || parentMissing) {
                        // its parent may be another pending file: the joint resolution names a cycle
                        List<Problem> joint = together.stream().filter(p -> p.source().equals(source)).toList();
                        if (!joint.isEmpty()) {
                            own = joint;
                        }
                    }
                    for (Problem p : own) {
                        problems.add(p);
                    }
                    List<String> others = lastProblems.getOrDefault(file, List.of()).stream()
                            .filter(p -> !p.source().equals(source)).map(Problem::source).distinct().toList();
                    if (!others.isEmpty()) {
                        problems.add(new Problem(source, "it would also break " + String.join(", ", others)
                                + "; none of them changed"));
                    }
                    if (own.isEmpty() && others.isEmpty()) {
                        problems.add(new Problem(source, "not usable"));
                    }
                }
            }
        }
        Map<String, ProfileDocument> resolved = documents.equals(shipped) ? shippedResolved
                : resolveAll(documents, sources, new ArrayList<>());
        Map<String, ModelProfile> profiles = new LinkedHashMap<>();
        for (Map.Entry<String, ProfileDocument> e : resolved.entrySet()) {
            try {
                profiles.put(e.getKey(), toProfile(e.getValue(), sources.get(e.getKey())));
            } catch (IllegalArgumentException ex) {
                problems.add(new Problem(sources.get(e.getKey()), ex.getMessage()));
            }
        }
        if (!profiles.containsKey(BASE)) {
            problems.add(new Problem("bundle:profiles/dlms-base.json", "the base profile is missing"));
        }
        return new Loaded(profiles, problems);
    }

    /** Resolves {@code extends} chains; documents with a missing parent or a cycle are reported and left out. */
    private static Map<String, ProfileDocument> resolveAll(Map<String, ProfileDocument> docs,
            Map<String, String> sources, List<Problem> problems) {
        Map<String, ProfileDocument> done = new LinkedHashMap<>();
        Set<String> failed = new java.util.HashSet<>();
        for (String id : docs.keySet()) {
            resolve(id, docs, sources, done, failed, new LinkedHashSet<>(), problems);
        }
        // validate every resolved document completely (codes, classes, attributes)
        Map<String, ProfileDocument> valid = new LinkedHashMap<>();
        for (Map.Entry<String, ProfileDocument> e : done.entrySet()) {
            try {
                toProfile(e.getValue(), sources.get(e.getKey()));
                valid.put(e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                problems.add(new Problem(sources.get(e.getKey()), ex.getMessage()));
            }
        }
        return valid;
    }

    private static ProfileDocument resolve(String id, Map<String, ProfileDocument> docs, Map<String, String> sources,
            Map<String, ProfileDocument> done, Set<String> failed, Set<String> path, List<Problem> problems) {
        if (done.containsKey(id)) {
            return done.get(id);
        }
        ProfileDocument doc = docs.get(id);
        if (doc == null || failed.contains(id)) {
            return null;
        }
        if (!path.add(id)) {
            problems.add(new Problem(sources.get(id), "'extends' makes a cycle: " + String.join(" -> ", path)
                    + " -> " + id));
            failed.add(id);
            return null;
        }
        try {
            ProfileDocument result = doc;
            if (doc.parent() != null) {
                if (!docs.containsKey(doc.parent())) {
                    problems.add(new Problem(sources.get(id), "extends '" + doc.parent()
                            + "', which is no known profile (known: " + String.join(", ", docs.keySet()) + ")"));
                    failed.add(id);
                    return null;
                }
                ProfileDocument parent = resolve(doc.parent(), docs, sources, done, failed, path, problems);
                if (parent == null) {
                    if (failed.add(id)) {
                        problems.add(new Problem(sources.get(id), "its parent '" + doc.parent() + "' is not usable"));
                    }
                    return null;
                }
                result = doc.over(parent, doc.parent());
            }
            done.put(id, result);
            return result;
        } finally {
            path.remove(id);
        }
    }

    /** Checks what a single file must have on its own; null when fine. */
    private static String checkDocument(ProfileDocument doc) {
        if (doc == null) {
            return "the file is empty";
        }
        if (doc.id() == null || doc.id().isBlank()) {
            return "field 'id' is missing";
        }
        if (!doc.id().matches("[A-Za-z0-9._+-]+")) {
            return "id '" + doc.id() + "' may only contain letters, digits and . _ + -";
        }
        if ((doc.manufacturer() == null) != (doc.model() == null) && doc.parent() == null) {
            return "give both 'manufacturer' and 'model', or neither";
        }
        if (doc.objects() != null) {
            for (int i = 0; i < doc.objects().size(); i++) {
                ObjectEntry e = doc.objects().get(i);
                if (e == null || e.item() == null) {
                    return "objects[" + i + "]: field 'item' is missing";
                }
            }
        }
        return null;
    }

    /** Turns a resolved document into a profile; IllegalArgumentException says what is wrong. */
    static ModelProfile toProfile(ProfileDocument d, String source) {
        Map<ObisCode, CosemObject> objects = new LinkedHashMap<>();
        List<ObjectEntry> entries = d.objects() == null ? List.of() : d.objects();
        for (int i = 0; i < entries.size(); i++) {
            ObjectEntry e = entries.get(i);
            String where = "objects[item " + e.item() + "]";
            ObisCode item = obis(e.item(), where + ".item");
            ObisCode at = e.obis() == null ? item : obis(e.obis(), where + ".obis");
            if (e.classId() == null) {
                throw new IllegalArgumentException(where + ": field 'classId' is missing");
            }
            if (e.classId() < 1 || e.classId() > 65535) {
                throw new IllegalArgumentException(where + ": classId " + e.classId() + " is not 1..65535");
            }
            int attribute = e.attribute() == null ? 2 : e.attribute();
            if (attribute < 1 || attribute > 127) {
                throw new IllegalArgumentException(where + ": attribute " + attribute + " is not 1..127");
            }
            if (e.scaler() != null && (e.scaler() < -128 || e.scaler() > 127)) {
                throw new IllegalArgumentException(where + ": scaler " + e.scaler() + " is not -128..127");
            }
            if (e.unit() != null && !Units.isKnown(e.unit())) {
                throw new IllegalArgumentException(where + ": unit '" + e.unit()
                        + "' is no DLMS unit name (e.g. Wh, varh, W, V, A, Hz; \"\" for none)");
            }
            objects.put(item, new CosemObject(item, at, e.classId(), attribute, Optional.ofNullable(e.scaler()),
                    Optional.ofNullable(e.unit()), e.name() == null ? item.toString() : e.name()));
        }
        Map<ObisCode, String> logs = new LinkedHashMap<>();
        d.eventLogs().forEach((k, v) -> logs.put(obis(k, "eventLogs key"), v));
        Map<Integer, String> events = new LinkedHashMap<>();
        d.events().forEach((k, v) -> {
            try {
                events.put(Integer.parseInt(k.trim()), v);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("events: key '" + k + "' is not an event code (a number)");
            }
        });
        Optional<ModelRef> model = d.manufacturer() != null && d.model() != null
                && !d.manufacturer().isBlank() && !d.model().isBlank()
                        ? Optional.of(new ModelRef(d.manufacturer(), d.model())) : Optional.empty();
        return new ModelProfile(d.id(), model, d.deviceNamePrefixes() == null ? List.of() : d.deviceNamePrefixes(),
                objects, optionalObis(d.loadProfile(), "loadProfile"), logs, events,
                optionalObis(d.clock(), "clock"), optionalObis(d.relay(), "relay"), optionalObis(d.image(), "image"),
                optionalObis(d.signal(), "signal"), optionalObis(d.ct(), "ct"), optionalObis(d.pt(), "pt"),
                d.deviceName() == null ? ObisCode.parse("0.0.42.0.0.255") : obis(d.deviceName(), "deviceName"),
                d.invocationCounter() == null ? ObisCode.parse("0.0.43.1.0.255")
                        : obis(d.invocationCounter(), "invocationCounter"),
                source);
    }

    private static Optional<ObisCode> optionalObis(String text, String field) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(obis(text, field));
    }

    private static ObisCode obis(String text, String field) {
        try {
            return ObisCode.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not an OBIS code such as 1.0.1.8.0.255");
        }
    }

    /** The merge key of an item: its canonical OBIS spelling when it parses. */
    static String key(String item) {
        if (item == null) {
            return "";
        }
        try {
            return ObisCode.parse(item).toString();
        } catch (RuntimeException e) {
            return item.trim().toLowerCase(Locale.ROOT);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return at(u.getLocation()) + "unknown field '" + u.getPropertyName() + "' (known fields: "
                    + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))
                    + ")";
        }
        if (e instanceof JsonProcessingException j) {
            return at(j.getLocation()) + "not a valid profile: " + j.getOriginalMessage();
        }
        return "cannot read: " + e;
    }

    private static String at(JsonLocation l) {
        return l == null ? "" : "line " + l.getLineNr() + ", column " + l.getColumnNr() + ": ";
    }
}
