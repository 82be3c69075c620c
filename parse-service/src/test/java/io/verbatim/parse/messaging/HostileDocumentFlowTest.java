package io.verbatim.parse.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.verbatim.events.DeadLetterHeaders;
import io.verbatim.events.EventJson;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.testsupport.HostileDocuments;
import io.verbatim.testsupport.HostileDocuments.HostileDocument;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.TopicReader;
import io.verbatim.testsupport.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: every shape of the adversarial generator, sent to {@code transcripts.raw} on a real broker, ends on
 * {@code transcripts.parsed} or on {@code transcripts.raw.dlq} with a {@code dead-letter-reason}, exactly once, and
 * an ordinary document sent behind them all is parsed. Shapes of about 200,000 characters (the two reproductions
 * keep their own sizes), so that the whole run fits in the records' 8 MiB and one test.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HostileDocumentFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final long SEED = 20261212L;

    @Test
    void everyHostileDocumentIsParsedOrDeadLetteredWithAReasonAndTheNextDocumentFlows() {
        String bootstrap = KafkaBroker.shared().bootstrapServers();
        String run = UUID.randomUUID().toString();
        Map<String, String> shapeById = new HashMap<>();
        TranscriptFetched ordinary = TranscriptFetched.of(null, "test", Instant.now(), "text/plain",
                "Vladimir Putin: After the hostile ones. " + run);

        try (TopicWriter writer = new TopicWriter(bootstrap);
                TopicReader parsed = new TopicReader(bootstrap, Topics.TRANSCRIPTS_PARSED);
                TopicReader deadLetters = new TopicReader(bootstrap, Topics.TRANSCRIPTS_RAW_DLQ)) {
            for (HostileDocument document : new HostileDocuments(SEED).documents(200_000)) {
                TranscriptFetched raw = TranscriptFetched.of("https://example.org/" + document.shape() + "/" + run,
                        "test", Instant.now(), document.contentType(), document.body());
                shapeById.put(raw.documentId(), document.shape());
                writer.write(Topics.TRANSCRIPTS_RAW, raw.documentId(), EventJson.write(raw));
            }
            writer.write(Topics.TRANSCRIPTS_RAW, ordinary.documentId(), EventJson.write(ordinary));

            assertThat(parsed.awaitRecords(1, r -> ordinary.documentId().equals(r.key()), WAIT)).hasSize(1);
            // the ordinary document is behind the shapes of its own partition only: the other partitions may still be
            // at work (a full build on a loaded machine saw eleven shapes missing), so read until every shape has
            // ended somewhere or the wait is over
            Awaitility.await("every shape on transcripts.parsed or transcripts.raw.dlq").atMost(WAIT)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> parsed.poll().stream().filter(r -> shapeById.containsKey(r.key())).count()
                            + deadLetters.poll().stream().filter(r -> shapeById.containsKey(r.key())).count()
                            >= shapeById.size());
            List<ConsumerRecord<String, String>> out = parsed.readToEnd(WAIT).stream()
                    .filter(r -> shapeById.containsKey(r.key())).toList();
            List<ConsumerRecord<String, String>> dead = deadLetters.readToEnd(WAIT).stream()
                    .filter(r -> shapeById.containsKey(r.key())).toList();

            assertThat(dead).allSatisfy(r -> assertThat(header(r, DeadLetterHeaders.REASON))
                    .as("reason for %s", shapeById.get(r.key())).isNotBlank());
            Map<String, Integer> endings = new HashMap<>();
            out.forEach(r -> endings.merge(shapeById.get(r.key()), 1, Integer::sum));
            dead.forEach(r -> endings.merge(shapeById.get(r.key()), 1, Integer::sum));
            assertThat(endings).as("records per shape on transcripts.parsed and transcripts.raw.dlq")
                    .containsOnlyKeys(shapeById.values()).allSatisfy((shape, count) -> assertThat(count)
                            .as(shape).isEqualTo(1));
            System.out.printf("hostile documents: %d shapes, %d parsed, %d dead-lettered%n", shapeById.size(),
                    out.size(), dead.size());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
