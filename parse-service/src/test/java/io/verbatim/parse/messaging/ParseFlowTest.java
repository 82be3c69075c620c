package io.verbatim.parse.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.verbatim.events.DeadLetterHeaders;
import io.verbatim.events.EventJson;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.events.TranscriptParsed;
import io.verbatim.parse.extract.TranscriptExtractor;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.TopicReader;
import io.verbatim.testsupport.TopicWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ParseFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private TopicWriter writer;
    private TopicReader parsed;
    private TopicReader deadLetters;

    @BeforeEach
    void connect() {
        String bootstrap = KafkaBroker.shared().bootstrapServers();
        writer = new TopicWriter(bootstrap);
        parsed = new TopicReader(bootstrap, Topics.TRANSCRIPTS_PARSED);
        deadLetters = new TopicReader(bootstrap, Topics.TRANSCRIPTS_RAW_DLQ);
    }

    @AfterEach
    void disconnect() {
        writer.close();
        parsed.close();
        deadLetters.close();
    }

    @Test
    void seedDocumentIsParsedIntoTwoStatementsKeyedByDocumentId() throws IOException {
        String seed = resource("/corpus/docs/00-seed-pyongyang-talks.txt") + "\n<!-- " + UUID.randomUUID() + " -->";
        TranscriptFetched raw = TranscriptFetched.of(null, "test", Instant.now(), "text/plain", seed);

        writer.write(Topics.TRANSCRIPTS_RAW, raw.documentId(), EventJson.write(raw));

        ConsumerRecord<String, String> record = parsed.awaitRecords(1, r -> raw.documentId().equals(r.key()), WAIT)
                .get(0);
        TranscriptParsed event = EventJson.read(record.value(), TranscriptParsed.class);
        assertThat(event.eventType()).isEqualTo("transcript.parsed");
        assertThat(event.contentHash()).isEqualTo(raw.contentHash());
        assertThat(event.parserVersion()).isEqualTo(TranscriptExtractor.PARSER_VERSION);
        assertThat(event.kind()).isEqualTo("transcript");
        assertThat(event.title()).isEqualTo("In North Korea, Russia");
        assertThat(event.statements()).extracting(s -> s.speaker().name())
                .containsExactly("Kim Jong-un", "Vladimir Putin");
        assertThat(event.statements()).extracting(s -> s.speaker().role())
                .containsExactly("Chairman of State Affairs of the DPRK", "President of Russia");
        assertThat(event.statements()).extracting(TranscriptParsed.Statement::annotation)
                .containsExactly("retranslated", null);
        assertThat(event.statements()).extracting(s -> s.paragraphs().size()).containsExactly(9, 13);
    }

    @Test
    void aKremlinPagesRecordCarriesTheKremlinPersonIdOfTheSpeakerItLinks() throws IOException {
        String page = resource("/corpus/docs/02-kremlin-mishustin-meeting.html") + "\n<!-- " + UUID.randomUUID()
                + " -->";
        TranscriptFetched raw = TranscriptFetched.of("http://en.kremlin.ru/events/president/news/60476-"
                + UUID.randomUUID(), "test", Instant.now(), "text/html", page);

        writer.write(Topics.TRANSCRIPTS_RAW, raw.documentId(), EventJson.write(raw));

        ConsumerRecord<String, String> record = parsed.awaitRecords(1, r -> raw.documentId().equals(r.key()), WAIT)
                .get(0);
        TranscriptParsed event = EventJson.read(record.value(), TranscriptParsed.class);
        assertThat(record.value()).contains("\"label\":\"Head of the Federal Taxation Service Mikhail Mishustin\","
                + "\"externalIds\":{\"kremlin\":\"294\"}");
        assertThat(event.statements()).filteredOn(s -> s.speaker().name().equals("Mikhail Mishustin")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.speaker().externalIds()).containsExactly(Map.entry("kremlin", "294")));
        assertThat(event.statements()).filteredOn(s -> s.speaker().name().equals("Vladimir Putin")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.speaker().externalIds()).isEmpty());
    }

    @Test
    void recordsThatCannotBeParsedAreDeadLetteredWithAReasonAndTheChannelGoesOn() {
        String notJson = "poison-" + UUID.randomUUID();
        TranscriptFetched pdf = TranscriptFetched.of(null, "test", Instant.now(), "application/pdf",
                "%PDF-1.7 " + UUID.randomUUID());

        writer.write(Topics.TRANSCRIPTS_RAW, notJson, "this is not JSON");
        writer.write(Topics.TRANSCRIPTS_RAW, pdf.documentId(), EventJson.write(pdf));

        ConsumerRecord<String, String> dead = deadLetters.awaitRecords(1, r -> notJson.equals(r.key()), WAIT).get(0);
        assertThat(header(dead, DeadLetterHeaders.REASON)).contains("not a valid TranscriptFetched JSON document");
        assertThat(dead.value()).isEqualTo("this is not JSON");
        ConsumerRecord<String, String> unsupported = deadLetters
                .awaitRecords(1, r -> pdf.documentId().equals(r.key()), WAIT).get(0);
        assertThat(header(unsupported, DeadLetterHeaders.REASON)).containsIgnoringCase("content type");

        TranscriptFetched good = TranscriptFetched.of(null, "test", Instant.now(), "text/plain",
                "Vladimir Putin: After the poison. " + UUID.randomUUID());
        writer.write(Topics.TRANSCRIPTS_RAW, good.documentId(), EventJson.write(good));
        assertThat(parsed.awaitRecords(1, r -> good.documentId().equals(r.key()), WAIT)).hasSize(1);
        String metrics = io.restassured.RestAssured.get("/q/metrics").asString();
        assertThat(metrics).containsPattern("verbatim_parse_failures_total\\{[^}]*reason=\"malformed-event\"")
                .containsPattern("verbatim_parse_failures_total\\{[^}]*reason=\"unparseable\"")
                .contains("verbatim_parse_documents_total{kind=\"");
    }

    @Test
    void aDocumentWhoseParsedRecordWouldBeTooLargeIsDeadLetteredAndThePartitionGoesOn() {
        // 2.9 MB of one-line turns of two speakers labelled "name, role" parses into 40,000 statements, each repeating
        // its speaker's name, role and label: a record of about 10 MB, over the 7 MiB limit, from a document within
        // the parser's bounds (4 million characters, 50,000 paragraphs)
        String body = ("Anna Smirnova, chief metrology engineer at the Baltic Shipping Company: Yes.\n\n"
                + "Ivan Petrov, Head of Regional Studies at the Moscow Institute: No.\n\n").repeat(20_000)
                + UUID.randomUUID();
        TranscriptFetched huge = TranscriptFetched.of(null, "test", Instant.now(), "text/plain", body);
        TranscriptFetched next = TranscriptFetched.of(null, "test", Instant.now(), "text/plain",
                "Vladimir Putin: After the big one. " + UUID.randomUUID());

        writer.write(Topics.TRANSCRIPTS_RAW, huge.documentId(), EventJson.write(huge));
        writer.write(Topics.TRANSCRIPTS_RAW, next.documentId(), EventJson.write(next));

        ConsumerRecord<String, String> dead = deadLetters
                .awaitRecords(1, r -> huge.documentId().equals(r.key()), WAIT).get(0);
        assertThat(header(dead, DeadLetterHeaders.REASON)).contains("byte record; transcripts.parsed takes at most");
        assertThat(parsed.awaitRecords(1, r -> next.documentId().equals(r.key()), WAIT)).hasSize(1);
        assertThat(parsed.readToEnd(WAIT)).noneMatch(r -> huge.documentId().equals(r.key()));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ParseFlowTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
