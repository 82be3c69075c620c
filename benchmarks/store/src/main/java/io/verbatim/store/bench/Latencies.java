package io.verbatim.store.bench;

import java.util.Arrays;

/** Recorded request times in milliseconds; percentiles by nearest rank. */
final class Latencies {

    private double[] values = new double[64];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos / 1_000_000.0;
    }

    int count() {
        return size;
    }

    double first() {
        return size == 0 ? Double.NaN : values[0];
    }

    double last() {
        return size == 0 ? Double.NaN : values[size - 1];
    }

    /** The {@code p}-th percentile (0 < p <= 100), nearest rank. */
    double percentile(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    double max() {
        return percentile(100);
    }

    String summary() {
        return String.format("n=%d  p50 %.1f  p95 %.1f  p99 %.1f  max %.1f ms", size, percentile(50),
                percentile(95), percentile(99), max());
    }
}
