package io.verbatim.pipeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/**
 * Reads memory and CPU time of named processes from {@code /proc}: the resident set ({@code VmRSS} in
 * {@code /proc/<pid>/status}) of a JVM, the proportional set ({@code Pss} in {@code smaps_rollup}) summed over a
 * process tree for PostgreSQL, whose backends share its buffers, and user plus system CPU time. A background thread
 * samples memory to keep each target's peak.
 */
final class ProcessMeter implements AutoCloseable {

    /** What to measure: the processes (one JVM, or a postmaster and its backends) and how to count memory. */
    record Target(String name, Supplier<List<ProcessHandle>> processes, boolean proportional) {

        static Target jvm(String name, long pid) {
            return new Target(name, () -> ProcessHandle.of(pid).map(List::of).orElse(List.of()), false);
        }

        static Target tree(String name, ProcessHandle root) {
            return new Target(name, () -> {
                List<ProcessHandle> all = new ArrayList<>();
                all.add(root);
                root.descendants().forEach(all::add);
                return all;
            }, true);
        }
    }

    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final List<Target> targets;
    private final Map<String, Long> peakKb = new ConcurrentHashMap<>();
    private volatile boolean sampling;
    private Thread sampler;

    ProcessMeter(List<Target> targets) {
        this.targets = List.copyOf(targets);
    }

    List<Target> targets() {
        return targets;
    }

    /** Memory of each target now, in KiB. */
    Map<String, Long> memoryKb() {
        return perTarget(target -> target.proportional() ? pid -> field(pid, "smaps_rollup", "Pss:")
                : pid -> field(pid, "status", "VmRSS:"));
    }

    /** CPU time used so far by each target (user and system, with reaped children), in milliseconds. */
    Map<String, Long> cpuMillis() {
        return perTarget(target -> pid -> cpuTicks(pid) * 1000 / CLOCK_TICKS_PER_SECOND);
    }

    /** For each target, the sum over its processes of what {@code measure} reads for a pid. */
    private Map<String, Long> perTarget(Function<Target, LongUnaryOperator> measure) {
        Map<String, Long> now = new LinkedHashMap<>();
        for (Target target : targets) {
            LongUnaryOperator read = measure.apply(target);
            now.put(target.name(), target.processes().get().stream().mapToLong(p -> read.applyAsLong(p.pid())).sum());
        }
        return now;
    }

    /** Starts sampling memory every {@code periodMillis}, keeping each target's peak; forgets earlier peaks. */
    void startSampling(long periodMillis) {
        peakKb.clear();
        sampling = true;
        sampler = new Thread(() -> {
            while (sampling) {
                memoryKb().forEach((name, kb) -> peakKb.merge(name, kb, Math::max));
                try {
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "memory-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Stops sampling and returns each target's peak, in KiB. */
    Map<String, Long> stopSampling() throws InterruptedException {
        sampling = false;
        if (sampler != null) {
            sampler.interrupt();
            sampler.join();
        }
        memoryKb().forEach((name, kb) -> peakKb.merge(name, kb, Math::max));
        return new LinkedHashMap<>(peakKb);
    }

    /** A {@code Name: value kB} line of a {@code /proc/<pid>} file, 0 when the process is gone. */
    static long field(long pid, String file, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), file))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).strip().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not readable
        }
        return 0;
    }

    /** utime + stime + cutime + cstime from {@code /proc/<pid>/stat}, in clock ticks. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name may hold spaces; the fields after it start at state (field 3)
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopSampling();
    }
}
