package io.verbatim.parse.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.verbatim.events.DeadLetterHeaders;
import io.verbatim.events.EventJson;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.events.TranscriptParsed;
import io.verbatim.parse.ParsedEventFactory;
import io.verbatim.parse.config.ParseConfig;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.TopicReader;
import io.verbatim.testsupport.TopicWriter;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, finding 10: an {@code OutOfMemoryError} while parsing one record aborted its batch, which was read again
 * and failed again, for ever, and the partition behind it stopped. Now the record is dead-lettered with the reason in
 * the batch's transaction, the documents behind it are parsed, and the service reports itself not live so that the
 * orchestrator replaces the JVM. (The parser is made to throw: the bounds keep real documents from exhausting the
 * heap.) A profile of its own, so that the application this test leaves not live is not reused by other tests.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(ParserErrorFlowTest.OwnApplication.class)
class ParserErrorFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String EXHAUSTS_THE_HEAP = "exhausts-the-heap-" + UUID.randomUUID();

    public static class OwnApplication implements QuarkusTestProfile {
    }

    /** The real parser, except that a document holding the marker throws what a heap exhaustion throws. */
    static class ParserThatRunsOutOfMemory extends ParsedEventFactory {
        ParserThatRunsOutOfMemory(ParseConfig config) {
            super(config);
        }

        @Override
        public TranscriptParsed parsedEventFor(TranscriptFetched raw) {
            if (raw.body() != null && raw.body().contains(EXHAUSTS_THE_HEAP)) {
                throw new OutOfMemoryError("Java heap space");
            }
            return super.parsedEventFor(raw);
        }
    }

    @Inject
    ParseConfig config;

    @Test
    void anOutOfMemoryErrorDeadLettersItsDocumentOnceLetsTheRestFlowAndMakesTheServiceNotLive() {
        QuarkusMock.installMockForType(new ParserThatRunsOutOfMemory(config), ParsedEventFactory.class);
        String bootstrap = KafkaBroker.shared().bootstrapServers();
        TranscriptFetched fatal = TranscriptFetched.of(null, "test", Instant.now(), "text/plain",
                "Vladimir Putin: " + EXHAUSTS_THE_HEAP);
        TranscriptFetched next = TranscriptFetched.of(null, "test", Instant.now(), "text/plain",
                "Vladimir Putin: After the error. " + UUID.randomUUID());
        given().get("/q/health/live").then().statusCode(200);

        try (TopicWriter writer = new TopicWriter(bootstrap);
                TopicReader parsed = new TopicReader(bootstrap, Topics.TRANSCRIPTS_PARSED);
                TopicReader deadLetters = new TopicReader(bootstrap, Topics.TRANSCRIPTS_RAW_DLQ)) {
            writer.write(Topics.TRANSCRIPTS_RAW, fatal.documentId(), EventJson.write(fatal));
            writer.write(Topics.TRANSCRIPTS_RAW, next.documentId(), EventJson.write(next));

            ConsumerRecord<String, String> dead = deadLetters
                    .awaitRecords(1, r -> fatal.documentId().equals(r.key()), WAIT).get(0);
            assertThat(header(dead, DeadLetterHeaders.REASON)).startsWith("parsing this document exhausted the heap");
            assertThat(header(dead, "dead-letter-exception-class-name")).isEqualTo("java.lang.OutOfMemoryError");
            assertThat(parsed.awaitRecords(1, r -> next.documentId().equals(r.key()), WAIT)).hasSize(1);
            assertThat(deadLetters.readToEnd(WAIT)).as("the document is dead-lettered once, not read again")
                    .filteredOn(r -> fatal.documentId().equals(r.key())).hasSize(1);
        }
        given().get("/q/health/live").then().statusCode(503)
                .body(containsString("OutOfMemoryError while parsing record transcripts.raw-"));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
