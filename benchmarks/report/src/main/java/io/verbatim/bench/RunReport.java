package io.verbatim.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of a benchmark run, shared by the store and the pipeline benchmark: sections of measure/value rows in
 * the order they were put, printed as aligned tables under a title, then notes; load averages as they were taken
 * (other work may share the machine).
 */
public final class RunReport {

    private static final String LOAD_SECTION = "Load average (1, 5, 15 min; other work shares the machine)";

    private final String title;
    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    public RunReport(String title) {
        this.title = title;
    }

    /** A progress line on standard output, with the time of day. */
    public static void log(String format, Object... args) {
        System.out.printf("[%tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }

    public void put(String section, String measure, String value) {
        sections.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(measure, value);
    }

    /** A line printed after the tables. */
    public void note(String line) {
        notes.add(line);
    }

    /** Notes the load averages (1, 5, 15 minutes) now, as {@code uptime} shows them. */
    public void load(String when) {
        String load;
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            load = fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            load = "unknown";
        }
        put(LOAD_SECTION, when, load);
        log("load average %s: %s", when, load);
    }

    public void print(PrintStream out) {
        out.println();
        out.println("=== " + title + " ===");
        sections.forEach((section, rows) -> {
            int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
            out.println();
            out.println(section);
            rows.forEach((measure, value) -> out.printf("  %-" + width + "s  %s%n", measure, value));
        });
        if (!notes.isEmpty()) {
            out.println();
            notes.forEach(out::println);
        }
    }
}
