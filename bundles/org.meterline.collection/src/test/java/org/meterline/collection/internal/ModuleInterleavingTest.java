package org.meterline.collection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A run's meters are read one module after the other in turn, not module by module. */
class ModuleInterleavingTest {

    private static MeterSelector.Target t(long meter, Long module) {
        return new MeterSelector.Target(meter, "SN" + meter, module);
    }

    @Test
    void takesOneMeterOfEachModuleInTurnKeepingTheOrderWithinAModule() {
        List<MeterSelector.Target> targets = List.of(t(1, 10L), t(2, 10L), t(3, 10L), t(4, 20L), t(5, 20L),
                t(6, 30L), t(7, null), t(8, null));

        List<Long> order = CollectionRoutes.interleaveModules(targets).stream().map(MeterSelector.Target::meterId)
                .toList();

        // modules 10, 20, 30 and the two meters without a module (each on its own) in turn
        assertEquals(List.of(1L, 4L, 6L, 7L, 8L, 2L, 5L, 3L), order);
    }

    @Test
    void keepsEveryMeterOnce() {
        List<MeterSelector.Target> targets = new java.util.ArrayList<>();
        for (long m = 0; m < 1000; m++) {
            targets.add(t(m, m / 250));
        }
        List<MeterSelector.Target> out = CollectionRoutes.interleaveModules(targets);
        assertEquals(1000, out.size());
        assertEquals(1000, out.stream().map(MeterSelector.Target::meterId).distinct().count());
        // the first four jobs go to four different modules
        assertEquals(List.of(0L, 1L, 2L, 3L), out.subList(0, 4).stream().map(MeterSelector.Target::moduleId).toList());
    }
}
