package io.verbatim.pipeline.bench;

import io.verbatim.local.ServiceProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * JFR recordings of the services during a run, started and stopped with {@code jcmd <pid> JFR.start/JFR.stop}
 * (the {@code profile} settings: a Java execution sample every 10 ms per thread), and a short summary of each:
 * where the samples' top frames are, which of our own methods are on the stack most often, and the GC pauses.
 */
final class JfrProfiles {

    private static final String NAME = "pipelinebench";

    private final Path directory;
    private final List<ServiceProcess> services;

    JfrProfiles(Path directory, List<ServiceProcess> services) {
        this.directory = directory;
        this.services = List.copyOf(services);
    }

    void start() throws IOException, InterruptedException {
        Files.createDirectories(directory);
        for (ServiceProcess service : services) {
            jcmd(service.pid(), "JFR.start", "name=" + NAME, "settings=profile",
                    "filename=" + file(service));
        }
    }

    void stop() throws IOException, InterruptedException {
        for (ServiceProcess service : services) {
            jcmd(service.pid(), "JFR.stop", "name=" + NAME);
        }
    }

    Path file(ServiceProcess service) {
        return directory.resolve(service.name() + ".jfr");
    }

    /** Prints each service's hot methods. */
    void summarize(PrintStream out, int top) throws IOException {
        for (ServiceProcess service : services) {
            Map<String, Integer> topFrames = new HashMap<>();
            Map<String, Integer> ownOnStack = new HashMap<>();
            int samples = 0;
            double gcPauseMillis = 0;
            int collections = 0;
            for (RecordedEvent event : RecordingFile.readAllEvents(file(service))) {
                String type = event.getEventType().getName();
                if (type.equals("jdk.GarbageCollection")) {
                    gcPauseMillis += event.getDuration("sumOfPauses").toNanos() / 1e6;
                    collections++;
                } else if (type.equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                    List<RecordedFrame> frames = event.getStackTrace().getFrames();
                    if (frames.isEmpty()) {
                        continue;
                    }
                    samples++;
                    topFrames.merge(method(frames.get(0)), 1, Integer::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame frame : frames) {
                        String method = method(frame);
                        if (method.startsWith("io.verbatim.") && seen.add(method)) {
                            ownOnStack.merge(method, 1, Integer::sum);
                        }
                    }
                }
            }
            out.printf("%n%s: %,d execution samples, %d collections with %.0f ms of GC pauses (%s)%n",
                    service.name(), samples, collections, gcPauseMillis, file(service));
            out.println("  top frames (self time):");
            print(out, topFrames, samples, top);
            out.println("  io.verbatim methods on the stack (self and callees):");
            print(out, ownOnStack, samples, top);
        }
    }

    private static void print(PrintStream out, Map<String, Integer> counts, int samples, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.printf("    %5.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, samples),
                        e.getKey()));
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(Long.toString(pid));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(Duration.ofSeconds(60).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                || process.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " " + String.join(" ", command) + " failed: " + output);
        }
    }
}
