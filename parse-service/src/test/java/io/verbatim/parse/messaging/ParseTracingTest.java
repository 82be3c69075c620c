package io.verbatim.parse.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.verbatim.events.EventJson;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.TopicReader;
import io.verbatim.testsupport.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** With tracing switched on, the trace of a raw document continues into the parsed record it produces. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(ParseTracingTest.TracingOn.class)
class ParseTracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the one setting that turns tracing on; no collector here, so export attempts just fail quietly
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    "quarkus.log.category.\"io.opentelemetry\".level", "OFF");
        }
    }

    @Test
    void theTraceOfARawDocumentContinuesIntoItsParsedRecord() {
        String bootstrap = KafkaBroker.shared().bootstrapServers();
        TranscriptFetched raw = TranscriptFetched.of(null, "test", Instant.now(), "text/plain",
                "Vladimir Putin: Traced words. " + UUID.randomUUID());
        try (TopicWriter writer = new TopicWriter(bootstrap);
                TopicReader parsed = new TopicReader(bootstrap, Topics.TRANSCRIPTS_PARSED)) {

            writer.write(Topics.TRANSCRIPTS_RAW, raw.documentId(), EventJson.write(raw),
                    Map.of("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01"));

            ConsumerRecord<String, String> record = parsed
                    .awaitRecords(1, r -> raw.documentId().equals(r.key()), Duration.ofSeconds(60)).get(0);
            var header = record.headers().lastHeader("traceparent");
            assertThat(header).isNotNull();
            assertThat(new String(header.value(), StandardCharsets.UTF_8)).startsWith("00-" + TRACE_ID + "-");
        }
    }
}
