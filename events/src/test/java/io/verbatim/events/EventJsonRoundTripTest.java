package io.verbatim.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonRoundTripTest {

    @Test
    void transcriptFetchedSurvivesJsonRoundTripWithContractFieldNames() throws Exception {
        TranscriptFetched event = TranscriptFetched.of("http://en.kremlin.ru/events/president/news/74318",
                "kremlin-transcripts", Instant.parse("2024-06-19T10:15:30Z"), "text/html", "<p>Hello</p>");

        String json = EventJson.write(event);
        TranscriptFetched back = EventJson.read(json, TranscriptFetched.class);

        assertThat(back).isEqualTo(event);
        JsonNode tree = EventJson.mapper().readTree(json);
        assertThat(fieldNames(tree)).containsExactly("eventId", "eventType", "documentId", "sourceUrl",
                "sourceName", "fetchedAt", "contentType", "contentHash", "body");
        assertThat(tree.get("eventType").asText()).isEqualTo("transcript.fetched");
        assertThat(tree.get("fetchedAt").asText()).isEqualTo("2024-06-19T10:15:30Z");
        assertThat(tree.get("documentId").asText())
                .isEqualTo(Sha256.hex("http://en.kremlin.ru/events/president/news/74318"));
        assertThat(tree.get("contentHash").asText()).isEqualTo(Sha256.hex("<p>Hello</p>"));
    }

    @Test
    void speakersChangedSurvivesJsonRoundTripWithNullsWrittenOut() {
        SpeakersChanged event = new SpeakersChanged("e1", EventTypes.SPEAKERS_CHANGED, SpeakersChanged.MERGE,
                "vladimir-putin", "Vladimir Putin", List.of("v-putin"), null, List.of("s1", "s2"), null,
                Instant.parse("2024-06-20T08:00:00Z"));

        String json = EventJson.write(event);

        assertThat(EventJson.read(json, SpeakersChanged.class)).isEqualTo(event);
        assertThat(json).startsWith("{\"eventId\":\"e1\",\"eventType\":\"speakers.changed\",\"change\":\"merge\"")
                .contains("\"splitFrom\":null").contains("\"changedAt\":\"2024-06-20T08:00:00Z\"");
    }

    @Test
    void documentWithoutUrlIsIdentifiedByItsContent() {
        TranscriptFetched event = TranscriptFetched.of(null, "inbox", Instant.EPOCH, "text/plain", "Putin: Hello.");

        assertThat(event.documentId()).isEqualTo(Sha256.hex("Putin: Hello.")).hasSize(64);
        assertThat(event.sourceUrl()).isNull();
        assertThat(EventJson.write(event)).contains("\"sourceUrl\":null");
    }

    @Test
    void transcriptParsedSurvivesJsonRoundTripWithNestedStatements() throws Exception {
        TranscriptParsed event = TranscriptParsed.builder()
                .documentId("doc").contentHash("hash").parserVersion("0.1.0").kind(TranscriptParsed.KIND_TRANSCRIPT)
                .title("Russia-DPRK talks").publishedAt("2024-06-19").location("Pyongyang").language("en")
                .statements(List.of(new TranscriptParsed.Statement(1,
                        new TranscriptParsed.Speaker("Kim Jong-un", "Chairman of State Affairs of the DPRK",
                                "Chairman of State Affairs of the DPRK Kim Jong-un (retranslated)"),
                        "retranslated", List.of("Comrade President Vladimir Putin,"), List.of("(Applause.)"))))
                .remarks(List.of("<…>")).source("Kremlin").tags(List.of("Foreign policy"))
                .persons(List.of("Kim Jong-un", "Vladimir Putin")).fetchedAt(Instant.parse("2024-06-19T10:15:30Z"))
                .build();

        String json = EventJson.write(event);
        TranscriptParsed back = EventJson.read(json, TranscriptParsed.class);

        assertThat(back).isEqualTo(event);
        JsonNode tree = EventJson.mapper().readTree(json);
        assertThat(fieldNames(tree)).containsExactly("eventId", "eventType", "documentId", "sourceUrl",
                "contentHash", "parserVersion", "kind", "title", "publishedAt", "location", "language",
                "statements", "remarks", "source", "tags", "persons", "fetchedAt");
        JsonNode statement = tree.get("statements").get(0);
        assertThat(fieldNames(statement)).containsExactly("ordinal", "speaker", "annotation", "paragraphs",
                "remarks");
        assertThat(fieldNames(statement.get("speaker"))).containsExactly("name", "role", "label", "externalIds");
        assertThat(statement.get("speaker").get("externalIds").isObject()).isTrue();
        assertThat(statement.get("speaker").get("externalIds").size()).isZero();
    }

    @Test
    void aTranscriptParsedBeforeContractOneFiveReadsWithNoSpeakerIdsAndANewOneKeepsTheKremlinId() {
        String old = "{\"eventId\":\"e\",\"eventType\":\"transcript.parsed\",\"documentId\":\"d\","
                + "\"kind\":\"address\",\"statements\":[{\"ordinal\":1,\"speaker\":{\"name\":\"Mikhail Mishustin\","
                + "\"role\":null,\"label\":\"Mikhail Mishustin\"},\"annotation\":null,\"paragraphs\":[\"Hi.\"],"
                + "\"remarks\":[]}],\"remarks\":[]}";
        TranscriptParsed withId = TranscriptParsed.builder().documentId("d").kind(TranscriptParsed.KIND_ADDRESS)
                .statements(List.of(new TranscriptParsed.Statement(1,
                        new TranscriptParsed.Speaker("Mikhail Mishustin", null, "Mikhail Mishustin")
                                .withExternalId(TranscriptParsed.Speaker.KREMLIN, "294"),
                        null, List.of("Hi."), List.of())))
                .build();

        TranscriptParsed before = EventJson.read(old, TranscriptParsed.class);
        String json = EventJson.write(withId);
        TranscriptParsed back = EventJson.read(json, TranscriptParsed.class);

        assertThat(before.statements().get(0).speaker().externalIds()).isEmpty();
        assertThat(back).isEqualTo(withId);
        assertThat(back.statements().get(0).speaker().externalIds()).containsExactly(
                java.util.Map.entry("kremlin", "294"));
        assertThat(json).contains("\"speaker\":{\"name\":\"Mikhail Mishustin\",\"role\":null,"
                + "\"label\":\"Mikhail Mishustin\",\"externalIds\":{\"kremlin\":\"294\"}}");
    }

    @Test
    void statementNewSurvivesJsonRoundTripAndItsEventIdIsTheStatementId() throws Exception {
        StatementNew event = new StatementNew("st-1", EventTypes.STATEMENT_NEW, "st-1", "doc", 2,
                new StatementNew.Speaker("vladimir-putin", "Vladimir Putin", "President of Russia"), null,
                StatementNew.joinParagraphs(List.of("One.", "Two.")), List.of("One.", "Two."), List.of(),
                new StatementNew.Transcript("Russia-DPRK talks", null, "Pyongyang", null),
                Instant.parse("2024-06-19T10:15:30.123Z"));

        String json = EventJson.write(event);
        StatementNew back = EventJson.read(json, StatementNew.class);

        assertThat(back).isEqualTo(event);
        assertThat(back.text()).isEqualTo("One.\n\nTwo.");
        JsonNode tree = EventJson.mapper().readTree(json);
        assertThat(fieldNames(tree)).containsExactly("eventId", "eventType", "statementId", "documentId",
                "ordinal", "speaker", "annotation", "text", "paragraphs", "remarks", "transcript", "storedAt");
        assertThat(fieldNames(tree.get("speaker"))).containsExactly("id", "name", "role", "externalIds");
        assertThat(fieldNames(tree.get("transcript"))).containsExactly("title", "publishedAt", "location",
                "sourceUrl", "kind", "source");
    }

    @Test
    void aStatementNewBeforeContractOneThreeReadsWithNoExternalIdsAndANewOneKeepsThem() {
        String old = "{\"eventId\":\"e\",\"eventType\":\"statement.new\",\"statementId\":\"e\",\"documentId\":\"d\","
                + "\"ordinal\":1,\"speaker\":{\"id\":\"vladimir-putin\",\"name\":\"Vladimir Putin\",\"role\":null},"
                + "\"text\":\"Hi.\",\"paragraphs\":[\"Hi.\"],\"remarks\":[]}";
        StatementNew withIds = new StatementNew("e", EventTypes.STATEMENT_NEW, "e", "d", 1,
                new StatementNew.Speaker("vladimir-putin", "Vladimir Putin", null,
                        java.util.Map.of("wikidata", "Q7747", "kremlin", "1")),
                null, "Hi.", List.of("Hi."), List.of(), null, null);

        StatementNew before = EventJson.read(old, StatementNew.class);
        StatementNew back = EventJson.read(EventJson.write(withIds), StatementNew.class);

        assertThat(before.speaker().externalIds()).isEmpty();
        assertThat(back.speaker().externalIds()).containsExactly(java.util.Map.entry("kremlin", "1"),
                java.util.Map.entry("wikidata", "Q7747"));
    }

    @Test
    void aStatementNewBeforeContractOneSixReadsWithoutKindAndSourceAndANewOneKeepsThem() {
        String old = "{\"eventId\":\"e\",\"eventType\":\"statement.new\",\"statementId\":\"e\",\"documentId\":\"d\","
                + "\"ordinal\":1,\"speaker\":{\"id\":\"vladimir-putin\",\"name\":\"Vladimir Putin\",\"role\":null},"
                + "\"text\":\"Hi.\",\"paragraphs\":[\"Hi.\"],\"remarks\":[],\"transcript\":{\"title\":\"Talks\","
                + "\"publishedAt\":\"2026-12-03\",\"location\":null,\"sourceUrl\":null}}";
        StatementNew withKind = new StatementNew("e", EventTypes.STATEMENT_NEW, "e", "d", 1,
                new StatementNew.Speaker("vladimir-putin", "Vladimir Putin", null), null, "Hi.", List.of("Hi."),
                List.of(), new StatementNew.Transcript("Talks", "2026-12-03", null, null, "address", "Kremlin"),
                null);

        StatementNew before = EventJson.read(old, StatementNew.class);
        StatementNew back = EventJson.read(EventJson.write(withKind), StatementNew.class);

        assertThat(before.transcript().title()).isEqualTo("Talks");
        assertThat(before.transcript().kind()).isNull();
        assertThat(before.transcript().source()).isNull();
        assertThat(back.transcript()).isEqualTo(withKind.transcript());
    }

    @Test
    void aVersionOneZeroTranscriptParsedWithoutMetadataReadsWithEmptyLists() {
        String json = "{\"eventId\":\"e\",\"eventType\":\"transcript.parsed\",\"documentId\":\"d\","
                + "\"kind\":\"readout\",\"statements\":[],\"remarks\":[]}";

        TranscriptParsed event = EventJson.read(json, TranscriptParsed.class);

        assertThat(event.source()).isNull();
        assertThat(event.tags()).isEmpty();
        assertThat(event.persons()).isEmpty();
    }

    @Test
    void unknownFieldsAreIgnoredSoReadersSurviveAdditiveChanges() {
        String json = "{\"eventId\":\"e\",\"eventType\":\"transcript.fetched\",\"documentId\":\"d\","
                + "\"body\":\"x\",\"addedInAFutureMinorVersion\":42}";

        TranscriptFetched event = EventJson.read(json, TranscriptFetched.class);

        assertThat(event.documentId()).isEqualTo("d");
    }

    @Test
    void malformedJsonIsReportedWithAReadableReason() {
        assertThatThrownBy(() -> EventJson.read("{not json", TranscriptParsed.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("not a valid TranscriptParsed JSON document");
        assertThatThrownBy(() -> EventJson.read("  ", TranscriptParsed.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("empty record");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
