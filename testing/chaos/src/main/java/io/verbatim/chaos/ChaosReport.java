package io.verbatim.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a chaos run did and what the audit found: the figures, and each check with its verdict. */
public final class ChaosReport {

    /** One assertion of the audit: what it expects, what it saw, and whether that passes. */
    public record Check(String name, String expected, String observed, boolean passed) {
    }

    private final List<String> figures = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private final List<FaultInjector.Fault> faults = new ArrayList<>();

    void figure(String name, Object value) {
        figures.add(name + ": " + value);
    }

    void check(String name, long expected, long observed) {
        checks.add(new Check(name, Long.toString(expected), Long.toString(observed), expected == observed));
    }

    void check(String name, String expected, String observed, boolean passed) {
        checks.add(new Check(name, expected, observed, passed));
    }

    void faults(List<FaultInjector.Fault> done) {
        faults.addAll(done);
    }

    public List<Check> checks() {
        return List.copyOf(checks);
    }

    public List<FaultInjector.Fault> faultsInjected() {
        return List.copyOf(faults);
    }

    public boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    public List<Check> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** The report as Markdown: figures, faults, then the checks. */
    public String render() {
        StringBuilder text = new StringBuilder();
        text.append("## Chaos run: ").append(passed() ? "PASSED" : "FAILED").append("\n\n");
        figures.forEach(f -> text.append("- ").append(f).append('\n'));
        text.append("\n| fault | action | at document | down (ms) | every service ready after (ms) |\n");
        text.append("|---|---|---:|---:|---:|\n");
        for (FaultInjector.Fault fault : faults) {
            text.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d |%n", fault.target(), fault.action(),
                    fault.atDocument(), fault.downMillis(), fault.readyAfterMillis()));
        }
        text.append("\n| check | expected | observed | |\n|---|---|---|---|\n");
        for (Check check : checks) {
            text.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", check.name(), check.expected(),
                    check.observed(), check.passed() ? "ok" : "**FAILED**"));
        }
        return text.toString();
    }
}
