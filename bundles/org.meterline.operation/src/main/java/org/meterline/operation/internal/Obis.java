package org.meterline.operation.internal;

import org.meterline.core.api.ObisCode;

/** OBIS codes as REST and the database write them: six dotted value groups, e.g. 1.0.1.8.0.255. */
public final class Obis {

    private Obis() {
    }

    public static String dotted(ObisCode o) {
        return o.a() + "." + o.b() + "." + o.c() + "." + o.d() + "." + o.e() + "." + o.f();
    }
}
