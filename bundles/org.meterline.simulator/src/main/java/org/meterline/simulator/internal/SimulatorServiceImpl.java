package org.meterline.simulator.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.meterline.simulator.Fleet;
import org.meterline.simulator.FleetSpec;
import org.meterline.simulator.SimulatedMeter;
import org.meterline.simulator.SimulatorService;
import org.osgi.service.component.annotations.Deactivate;

/** Keeps the running fleets by name; stops them all when the component goes away. */
@org.osgi.service.component.annotations.Component(service = SimulatorService.class)
public class SimulatorServiceImpl implements SimulatorService {

    private final Map<String, Fleet> fleets = new ConcurrentHashMap<>();

    @Override
    public Fleet start(FleetSpec spec) throws IOException {
        Objects.requireNonNull(spec, "spec");
        synchronized (fleets) {
            if (fleets.containsKey(spec.name())) {
                throw new IllegalStateException("A fleet named " + spec.name() + " runs already");
            }
            Fleet fleet = Fleet.start(spec);
            fleets.put(spec.name(), fleet);
            return fleet;
        }
    }

    @Override
    public boolean stop(String name) {
        Fleet fleet;
        synchronized (fleets) {
            fleet = fleets.remove(name);
        }
        if (fleet == null) {
            return false;
        }
        fleet.close();
        return true;
    }

    @Override
    public List<Fleet> fleets() {
        List<Fleet> list = new ArrayList<>(fleets.values());
        list.sort(Comparator.comparing(f -> f.spec().name()));
        return list;
    }

    @Override
    public Optional<Fleet> fleet(String name) {
        return Optional.ofNullable(fleets.get(name));
    }

    @Override
    public Optional<SimulatedMeter> meter(String serialNumber) {
        for (Fleet f : fleets.values()) {
            Optional<SimulatedMeter> m = f.meter(serialNumber);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    @Deactivate
    void deactivate() {
        List<String> names;
        synchronized (fleets) {
            names = new ArrayList<>(fleets.keySet());
        }
        names.forEach(this::stop);
    }
}
