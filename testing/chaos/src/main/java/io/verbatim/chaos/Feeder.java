package io.verbatim.chaos;

import io.verbatim.events.EventJson;
import io.verbatim.local.CorpusVariants;
import io.verbatim.local.VariantSubmitter;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Feeds corpus variants through the submit API at a fixed rate, one after another, and writes the poison records
 * at their planned places in the stream. A submission that fails because ingest-service or the broker is down
 * (no connection, 503) is sent again until it is accepted, as a client of the API would: a document handed over
 * twice must still be stored once.
 */
final class Feeder implements Runnable {

    /** Where a document stands: accepted with its id, or refused for good with the answer. */
    record Fed(CorpusVariants.Variant variant, String documentId, int attempts) {
    }

    private final CorpusVariants variants;
    private final List<VariantSubmitter> submitters;
    private final PoisonRecords poison;
    private final ChaosSettings settings;
    private final Map<Integer, PoisonRecords.Kind> poisonPlan;
    private final AtomicInteger submitted = new AtomicInteger();
    private final List<Fed> accepted = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refused = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger retries = new AtomicInteger();
    private volatile Throwable failure;
    private volatile long finishedAt;

    Feeder(CorpusVariants variants, VariantSubmitter submitter, PoisonRecords poison, ChaosSettings settings,
            java.util.Random random) {
        this(variants, List.of(submitter), poison, settings, random);
    }

    /**
     * Spreads the documents over several ingest replicas, one after the other; a submission that fails goes to the
     * next replica.
     */
    Feeder(CorpusVariants variants, List<VariantSubmitter> submitters, PoisonRecords poison, ChaosSettings settings,
            java.util.Random random) {
        this.variants = variants;
        this.submitters = List.copyOf(submitters);
        this.poison = poison;
        this.settings = settings;
        this.poisonPlan = plan(settings, random);
    }

    /** Poison goes in at random places of the stream, from the first document to the last. */
    private static Map<Integer, PoisonRecords.Kind> plan(ChaosSettings settings, java.util.Random random) {
        Map<Integer, PoisonRecords.Kind> plan = new LinkedHashMap<>();
        for (PoisonRecords.Kind kind : PoisonRecords.Kind.values()) {
            for (int i = 0; i < settings.poisonPerKind(); i++) {
                int position;
                do {
                    position = random.nextInt(Math.max(1, settings.documents()));
                } while (plan.containsKey(position));
                plan.put(position, kind);
            }
        }
        return plan;
    }

    @Override
    public void run() {
        long interval = (long) (TimeUnit.SECONDS.toNanos(1) / settings.feedRate());
        long due = System.nanoTime();
        Map<PoisonRecords.Kind, Integer> poisonNumbers = new java.util.EnumMap<>(PoisonRecords.Kind.class);
        try {
            for (int i = 0; i < settings.documents(); i++) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                // a stall (a fault) delays the rest of the feed rather than releasing it in a burst afterwards
                due = Math.max(due, System.nanoTime()) + interval;
                PoisonRecords.Kind kind = poisonPlan.get(i);
                if (kind != null) {
                    poison.inject(kind, poisonNumbers.merge(kind, 1, Integer::sum));
                }
                submit(variants.variant(i), i);
                submitted.incrementAndGet();
            }
            finishedAt = System.nanoTime();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    private void submit(CorpusVariants.Variant variant, int index) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                VariantSubmitter submitter = submitters.get((index + attempt - 1) % submitters.size());
                HttpResponse<String> response = submitter.submit(variant).get(60, TimeUnit.SECONDS);
                if (response.statusCode() == 202) {
                    String documentId = EventJson.mapper().readTree(response.body()).path("documentId").asText();
                    accepted.add(new Fed(variant, documentId, attempt));
                    return;
                }
                if (response.statusCode() < 500) {
                    refused.add("variant " + variant.number() + ": HTTP " + response.statusCode() + " "
                            + response.body());
                    return;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException | IOException e) {
                // ingest-service or the broker is down: try again, as a client would
            }
            retries.incrementAndGet();
            TimeUnit.MILLISECONDS.sleep(Math.min(2000, 100L * attempt));
        }
    }

    /** Documents submitted so far (accepted or refused), out of {@link ChaosSettings#documents()}. */
    int submitted() {
        return submitted.get();
    }

    List<Fed> accepted() {
        return List.copyOf(accepted);
    }

    List<String> refused() {
        return List.copyOf(refused);
    }

    int retries() {
        return retries.get();
    }

    Throwable failure() {
        return failure;
    }

    /** {@link System#nanoTime()} when the last document was accepted. */
    long finishedAt() {
        return finishedAt;
    }
}
