package io.verbatim.store.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.verbatim.events.EventJson;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptParsed;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.PartitionHolders;
import io.verbatim.testsupport.PostgresTestResource;
import io.verbatim.testsupport.TopicReader;
import io.verbatim.testsupport.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a replica that holds no partition of {@code transcripts.parsed} (more replicas than partitions, or one
 * that joined during a rebalance) is ready, and stores and announces as soon as the group hands it partitions.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ReplicaWithoutPartitionsTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void replicaWithNoPartitionAssignedIsReadyAndStoresOnceThePartitionsComeBack() throws Exception {
        String bootstrap = KafkaBroker.shared().bootstrapServers();
        String documentId = "idle-replica-" + UUID.randomUUID();
        try (PartitionHolders others = new PartitionHolders(bootstrap, "store-service", Topics.TRANSCRIPTS_PARSED,
                3)) {
            others.awaitOthersHold(0, WAIT);

            given().get("/q/health/ready").then().statusCode(200);
            assertThat(others.othersAssignments()).as("this replica's members and their partitions")
                    .isNotEmpty().allSatisfy((member, partitions) -> assertThat(partitions).isZero());
        }
        PartitionHolders.awaitServiceHolds(bootstrap, "store-service", Topics.TRANSCRIPTS_PARSED, 3, WAIT);

        try (TopicWriter writer = new TopicWriter(bootstrap);
                TopicReader announced = new TopicReader(bootstrap, Topics.STATEMENTS_NEW)) {
            writer.write(Topics.TRANSCRIPTS_PARSED, documentId, EventJson.write(parsed(documentId)));

            assertThat(announced.awaitRecords(1, r -> documentId.equals(r.key()), WAIT)).hasSize(1);
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static TranscriptParsed parsed(String documentId) {
        return TranscriptParsed.builder().documentId(documentId).contentHash("h").parserVersion("test")
                .kind(TranscriptParsed.KIND_TRANSCRIPT).title("Idle replica").publishedAt("2024-06-19")
                .language("en").statements(List.of(new TranscriptParsed.Statement(1,
                        new TranscriptParsed.Speaker("Vladimir Putin", null, "Vladimir Putin"), null,
                        List.of("Good afternoon."), List.of())))
                .source("test").fetchedAt(Instant.now()).build();
    }
}
