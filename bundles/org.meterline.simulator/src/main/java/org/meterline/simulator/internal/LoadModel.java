package org.meterline.simulator.internal;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Deterministic energy curves of a fleet: one weekly load shape per channel (672 quarter hours, generated
 * from the fleet seed), scaled per meter by an integer factor and shifted by a few quarter hours, on top of
 * a per-meter initial reading. So the register value at the end of interval k is a pure function of
 * (meter, channel, k), is monotone in k, and costs O(1) to compute: no profile row is stored.
 *
 * <p>Channel 1 A+ (household: night base, morning and evening peaks, more at weekends), 2 A- (PV
 * feed-in on a third of the meters), 3 R+, 4 R-. Tariff 1 is 06:00–22:00 UTC, tariff 2 the rest.
 */
public final class LoadModel {

    /** Interval length in seconds. */
    public static final int INTERVAL = 900;
    /** Quarter hours in a week. */
    public static final int WEEK = 7 * 96;
    /** Energy is counted from this instant on. */
    public static final long ORIGIN_INTERVAL = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond() / INTERVAL;

    private final int[][] shape = new int[5][WEEK];
    /** prefix[c][j] = sum of shape[c][0..j-1]; prefix[c][WEEK] = weekly total. Channel 0 = tariff 1 of A+. */
    private final long[][] prefix = new long[5][WEEK + 1];

    public LoadModel(long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[] cloudiness = new double[7];
        for (int d = 0; d < 7; d++) {
            cloudiness[d] = 0.3 + 0.7 * r.nextDouble();
        }
        for (int j = 0; j < WEEK; j++) {
            int day = j / 96;
            int q = j % 96;
            double hour = q / 4.0;
            boolean weekend = day >= 5;
            double base;
            if (hour < 6) {
                base = 18;
            } else if (hour < 9) {
                base = weekend ? 40 : 62;
            } else if (hour < 17) {
                base = weekend ? 52 : 33;
            } else if (hour < 22) {
                base = 80;
            } else {
                base = 36;
            }
            int aPlus = (int) Math.round(base * (0.7 + 0.6 * r.nextDouble()));
            double sun = hour >= 7 && hour < 19 ? Math.sin(Math.PI * (hour - 7) / 12) : 0;
            int aMinus = (int) Math.round(60 * sun * cloudiness[day] * (0.85 + 0.3 * r.nextDouble()));
            int rPlus = (int) Math.round(aPlus * (0.25 + 0.2 * r.nextDouble()));
            int rMinus = 1 + r.nextInt(3);
            shape[1][j] = aPlus;
            shape[2][j] = aMinus;
            shape[3][j] = rPlus;
            shape[4][j] = rMinus;
            shape[0][j] = q >= 24 && q < 88 ? aPlus : 0;
        }
        for (int c = 0; c < 5; c++) {
            for (int j = 0; j < WEEK; j++) {
                prefix[c][j + 1] = prefix[c][j] + shape[c][j];
            }
        }
    }

    /** Interval index (end of interval) of an instant on a 15-minute boundary. */
    public static long intervalOf(Instant intervalEnd) {
        if (intervalEnd.getNano() != 0 || intervalEnd.getEpochSecond() % INTERVAL != 0) {
            throw new IllegalArgumentException("not the end of a 15-minute interval: " + intervalEnd);
        }
        return intervalEnd.getEpochSecond() / INTERVAL;
    }

    /**
     * Counted shape units of a channel (0 = A+ tariff 1, 1..4) up to the end of interval {@code k}, before
     * the per-meter scale.
     */
    long units(int channel, long k, int shift) {
        long rel = k - ORIGIN_INTERVAL + shift;
        if (rel <= 0) {
            return 0;
        }
        long weeks = rel / WEEK;
        int j = (int) (rel % WEEK);
        long[] p = prefix[channel];
        return weeks * p[WEEK] + p[j];
    }
}
