package org.meterline.readings.internal;

import org.meterline.core.api.ObisCode;

/** The OBIS code packed into the BIGINT the tables store: A&lt;&lt;40 | B&lt;&lt;32 | C&lt;&lt;24 | D&lt;&lt;16 | E&lt;&lt;8 | F. */
final class ObisKey {

    private ObisKey() {
    }

    static long pack(ObisCode o) {
        return ((long) o.a() << 40) | ((long) o.b() << 32) | ((long) o.c() << 24) | ((long) o.d() << 16)
                | ((long) o.e() << 8) | o.f();
    }

    static ObisCode unpack(long key) {
        return new ObisCode((int) (key >>> 40) & 0xff, (int) (key >>> 32) & 0xff, (int) (key >>> 24) & 0xff,
                (int) (key >>> 16) & 0xff, (int) (key >>> 8) & 0xff, (int) key & 0xff);
    }
}
