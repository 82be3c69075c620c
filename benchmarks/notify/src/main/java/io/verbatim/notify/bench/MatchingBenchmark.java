package io.verbatim.notify.bench;

import io.verbatim.corpus.Corpus;
import io.verbatim.events.EventTypes;
import io.verbatim.events.StatementNew;
import io.verbatim.notify.match.SubscriptionFilter;
import io.verbatim.notify.match.SubscriptionIndex;
import io.verbatim.notify.match.TextQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * How many statements per second notify-service's consumer matches against 10,000 subscriptions: the
 * {@link SubscriptionIndex} the consumer uses, in this process, on one thread (no Kafka, no database: those costs are
 * the consumer's, per batch, not per subscription). Statements: the paragraphs of the corpus documents, with
 * speakers drawn from 200 ids. Subscriptions (seed 14): 40 % a speaker id, 10 % a speaker name, 35 % a query of one
 * to three words or a phrase drawn from the corpus's own words, 5 % a query of alternatives ({@code a or b}), 5 % a
 * source, 5 % a kind with an exclusion query. Prints the figures; {@code java -jar notify-benchmarks.jar [subscriptions]
 * [seconds]}.
 */
public final class MatchingBenchmark {

    public static void main(String[] args) {
        int subscriptions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Random random = new Random(14);
        List<String> paragraphs = paragraphs();
        List<String> words = words(paragraphs);
        List<StatementNew> statements = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            int speaker = random.nextInt(200);
            statements.add(new StatementNew("e" + i, EventTypes.STATEMENT_NEW, "e" + i, "d" + (i / 50), i % 50 + 1,
                    new StatementNew.Speaker("speaker-" + speaker, "Speaker Number " + speaker, null), null,
                    paragraphs.get(i), List.of(paragraphs.get(i)), List.of(),
                    new StatementNew.Transcript("t", "2026-12-01", null, "https://en.kremlin.ru/events/" + i,
                            i % 7 == 0 ? "address" : "transcript", "Kremlin"), Instant.now()));
        }
        List<SubscriptionIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < subscriptions; i++) {
            entries.add(new SubscriptionIndex.Entry("s" + i, filter(random.nextInt(100), random, words)));
        }
        long buildStart = System.nanoTime();
        SubscriptionIndex index = new SubscriptionIndex(entries);
        double buildMs = (System.nanoTime() - buildStart) / 1e6;

        // warm-up: 3 seconds
        long matches = run(index, statements, 3_000_000_000L)[1];
        long[] measured = run(index, statements, seconds * 1_000_000_000L);
        double elapsed = measured[2] / 1e9;
        System.out.printf(Locale.ROOT, "subscriptions: %,d (index built in %.1f ms)%n", index.size(), buildMs);
        System.out.printf(Locale.ROOT, "statements: %,d distinct corpus paragraphs, mean %d characters%n",
                statements.size(), (int) paragraphs.stream().mapToInt(String::length).average().orElse(0));
        System.out.printf(Locale.ROOT, "matched: %,d statements in %.1f s -> %,.0f statements/s (%.1f µs each)%n",
                measured[0], elapsed, measured[0] / elapsed, elapsed * 1e6 / measured[0]);
        System.out.printf(Locale.ROOT, "matches per statement: %.2f (warm-up matched %,d)%n",
                (double) measured[1] / measured[0], matches);
        System.out.printf(Locale.ROOT, "JVM: %s %s, %d processors%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    }

    /** Statements matched, subscriptions matched, nanoseconds taken. */
    private static long[] run(SubscriptionIndex index, List<StatementNew> statements, long nanos) {
        long start = System.nanoTime();
        long count = 0;
        long matched = 0;
        while (System.nanoTime() - start < nanos) {
            for (StatementNew statement : statements) {
                matched += index.matching(statement).size();
            }
            count += statements.size();
        }
        return new long[] {count, matched, System.nanoTime() - start};
    }

    private static SubscriptionFilter filter(int kind, Random random, List<String> words) {
        if (kind < 40) {
            return new SubscriptionFilter("speaker-" + random.nextInt(2000), null, null, null, null);
        }
        if (kind < 50) {
            return new SubscriptionFilter(null, "Speaker Number " + random.nextInt(2000), null, null, null);
        }
        if (kind < 85) {
            int n = 1 + random.nextInt(3);
            StringBuilder query = new StringBuilder();
            boolean phrase = n > 1 && random.nextBoolean();
            for (int w = 0; w < n; w++) {
                query.append(w > 0 ? " " : "").append(word(random, words));
            }
            String q = phrase ? "\"" + query + "\"" : query.toString();
            return new SubscriptionFilter(null, null, TextQuery.parse(q), null, null);
        }
        if (kind < 90) {
            return new SubscriptionFilter(null, null,
                    TextQuery.parse(word(random, words) + " or " + word(random, words)), null, null);
        }
        if (kind < 95) {
            return new SubscriptionFilter(null, null, null, null, random.nextBoolean() ? "kremlin.ru" : "Elsewhere");
        }
        return new SubscriptionFilter(null, null, TextQuery.parse(word(random, words) + " -" + word(random, words)),
                "address", null);
    }

    private static String word(Random random, List<String> words) {
        return words.get(random.nextInt(words.size()));
    }

    private static List<String> paragraphs() {
        Set<String> paragraphs = new LinkedHashSet<>();
        for (String name : Corpus.list(Corpus.DOCS)) {
            String text = Corpus.text(Corpus.DOCS, name);
            if (name.endsWith(".html") || name.endsWith(".htm")) {
                Jsoup.parse(text).select("p").forEach(p -> paragraphs.add(p.text()));
            } else {
                for (String paragraph : text.split("\\n\\s*\\n")) {
                    paragraphs.add(paragraph.strip());
                }
            }
        }
        paragraphs.removeIf(p -> p.length() < 20);
        return new ArrayList<>(paragraphs);
    }

    private static List<String> words(List<String> paragraphs) {
        Set<String> words = new LinkedHashSet<>();
        for (String paragraph : paragraphs) {
            for (String word : paragraph.split("[^\\p{L}]+")) {
                if (word.length() >= 4) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        return new ArrayList<>(words);
    }
}
