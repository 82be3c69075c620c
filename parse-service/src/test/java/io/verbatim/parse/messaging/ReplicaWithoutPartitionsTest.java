package io.verbatim.parse.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.verbatim.events.EventJson;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.PartitionHolders;
import io.verbatim.testsupport.TopicReader;
import io.verbatim.testsupport.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a replica that holds no partition of {@code transcripts.raw} (more replicas than partitions, or one that
 * joined during a rebalance) is ready, and parses as soon as the group hands it partitions.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ReplicaWithoutPartitionsTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void replicaWithNoPartitionAssignedIsReadyAndParsesOnceThePartitionsComeBack() throws Exception {
        String bootstrap = KafkaBroker.shared().bootstrapServers();
        TranscriptFetched raw = TranscriptFetched.of(null, "test", Instant.now(), "text/plain",
                "Vladimir Putin: Good afternoon. " + UUID.randomUUID());
        try (PartitionHolders others = new PartitionHolders(bootstrap, "parse-service", Topics.TRANSCRIPTS_RAW, 3)) {
            others.awaitOthersHold(0, WAIT);

            given().get("/q/health/ready").then().statusCode(200);
            assertThat(others.othersAssignments()).as("this replica's members and their partitions")
                    .isNotEmpty().allSatisfy((member, partitions) -> assertThat(partitions).isZero());
        }
        PartitionHolders.awaitServiceHolds(bootstrap, "parse-service", Topics.TRANSCRIPTS_RAW, 3, WAIT);

        try (TopicWriter writer = new TopicWriter(bootstrap);
                TopicReader parsed = new TopicReader(bootstrap, Topics.TRANSCRIPTS_PARSED)) {
            writer.write(Topics.TRANSCRIPTS_RAW, raw.documentId(), EventJson.write(raw));

            assertThat(parsed.awaitRecords(1, r -> raw.documentId().equals(r.key()), WAIT)).hasSize(1);
        }
        given().get("/q/health/ready").then().statusCode(200);
    }
}
