package io.verbatim.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.verbatim.events.DeadLetterHeaders;
import io.verbatim.events.EventJson;
import io.verbatim.events.Sha256;
import io.verbatim.events.StatementNew;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptParsed;
import io.verbatim.store.persistence.ParsedTranscriptStorage;
import io.verbatim.store.persistence.StatementEntity;
import io.verbatim.store.persistence.StorageStopped;
import io.verbatim.testsupport.PostgresTestResource;
import io.verbatim.testsupport.CommitCuttingProxy;
import io.verbatim.testsupport.ConsumerGroups;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.TopicReader;
import io.verbatim.testsupport.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Which failures dead-letter a record: only those that prove it bad.
 *
 * <p>Issue 18: the database connection breaks while store-service commits a document (the chaos run stopped PostgreSQL
 * at that moment, and a good document went to the dead-letter topic with the reason "Error invoking subclass
 * method"). A failure that does not prove the input bad is retried: whether the commit happened or not, the
 * document ends stored once, each statement announced once, and nothing is dead-lettered.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class StoreFailureHandlingTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Inject
    ParsedTranscriptStorage storage;

    @ParameterizedTest
    @EnumSource(CommitCuttingProxy.Cut.class)
    void connectionCutAtCommitStoresTheDocumentOnceAndDeadLettersNothing(CommitCuttingProxy.Cut cut) {
        CommitCuttingProxy proxy = PostgresTestResource.proxy();
        String bootstrap = KafkaBroker.shared().bootstrapServers();
        String documentId = Sha256.hex(UUID.randomUUID().toString());
        int cutsBefore = proxy.cuts();
        proxy.arm(documentId, cut);

        try (TopicWriter writer = new TopicWriter(bootstrap)) {
            writer.write(Topics.TRANSCRIPTS_PARSED, documentId, EventJson.write(twoStatements(documentId)));
        }

        try (TopicReader announcements = new TopicReader(bootstrap, Topics.STATEMENTS_NEW);
                TopicReader deadLetters = new TopicReader(bootstrap, Topics.TRANSCRIPTS_PARSED_DLQ)) {
            // stored and announced, or dead-lettered (what happened before the fix): whichever comes first
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() ->
                    announcements.poll().stream().filter(r -> documentId.equals(r.key())).count() >= 2
                            || deadLetters.poll().stream().anyMatch(r -> documentId.equals(r.key())));
            ConsumerGroups.awaitCaughtUp(bootstrap, "store-service", Topics.TRANSCRIPTS_PARSED, WAIT);

            assertThat(proxy.cuts()).as("the storing transaction's commit was cut").isEqualTo(cutsBefore + 1);
            assertThat(deadLetters.readToEnd(WAIT)).filteredOn(r -> documentId.equals(r.key())).isEmpty();
            List<StatementNew> announced = announcements.readToEnd(WAIT).stream()
                    .filter(r -> documentId.equals(r.key()))
                    .map(ConsumerRecord::value)
                    .map(json -> EventJson.read(json, StatementNew.class))
                    .toList();
            assertThat(announced).extracting(StatementNew::ordinal).containsExactly(1, 2);
        }
        assertThat(statementRows(documentId)).isEqualTo(2);
        given().get("/api/transcripts/" + documentId).then().statusCode(200);
    }

    @Test
    void dataThatPostgresRefusesIsDeadLetteredWithTheDatabaseReason() {
        String bootstrap = KafkaBroker.shared().bootstrapServers();
        String documentId = Sha256.hex(UUID.randomUUID().toString());
        TranscriptParsed good = twoStatements(documentId);
        TranscriptParsed withNul = good.toBuilder().title("Talks\u0000").build();

        try (TopicWriter writer = new TopicWriter(bootstrap)) {
            writer.write(Topics.TRANSCRIPTS_PARSED, documentId, EventJson.write(withNul));
        }

        try (TopicReader deadLetters = new TopicReader(bootstrap, Topics.TRANSCRIPTS_PARSED_DLQ)) {
            ConsumerRecord<String, String> dead = deadLetters.awaitRecords(1, r -> documentId.equals(r.key()), WAIT)
                    .get(0);
            assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                    .isEqualTo("PostgreSQL refused document " + documentId
                            + " (SQLState 22021): ERROR: invalid byte sequence for encoding \"UTF8\": 0x00");
        }
        assertThat(statementRows(documentId)).isZero();
    }

    /**
     * A replica stopped with SIGTERM while storing used to retry against its already closed persistence layer until
     * Quarkus gave up (26 s), and the partition's hand-over waited for it. Once shutdown has begun, storing gives
     * up at once, without retrying (the retry policy would otherwise try for days: the timeout fails the test), and
     * the document is not marked bad: storing it later works.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void storingDuringShutdownGivesUpAtOnceAndLeavesTheDocumentToTheNextOwner() {
        String documentId = Sha256.hex(UUID.randomUUID().toString());
        String json = EventJson.write(twoStatements(documentId));

        storage.stopAccepting();
        try {
            assertThatThrownBy(() -> storage.store(json)).isInstanceOf(StorageStopped.class)
                    .hasMessageContaining(documentId);
        } finally {
            storage.acceptAgain();
        }
        assertThat(statementRows(documentId)).isZero();

        storage.store(json);
        assertThat(statementRows(documentId)).isEqualTo(2);
    }

    private static long statementRows(String documentId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> StatementEntity.count("transcript.documentId", documentId));
    }

    private static TranscriptParsed twoStatements(String documentId) {
        return TranscriptParsed.builder().documentId(documentId).contentHash("hash-1").parserVersion("test")
                .kind(TranscriptParsed.KIND_TRANSCRIPT).title("Talks").publishedAt("2024-06-19").location("Moscow")
                .language("en")
                .statements(List.of(new TranscriptParsed.Statement(1,
                                new TranscriptParsed.Speaker("Anna Petrova", "Governor", "Governor Anna Petrova"),
                                null, List.of("The harvest was good this year."), List.of()),
                        new TranscriptParsed.Statement(2,
                                new TranscriptParsed.Speaker("Ivan Sidorov", null, "Ivan Sidorov"),
                                null, List.of("Thank you."), List.of())))
                .build();
    }
}
