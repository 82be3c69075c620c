package io.verbatim.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the published contract ({@code docs/asyncapi.yaml} and {@code docs/schemas/*.schema.json}) from drifting
 * away from the code: events the code writes must validate against the schemas, the AsyncAPI channels must be
 * exactly the topics the services configure, and every payload reference must point to an existing schema.
 */
class PublishedContractTest {

    /** The repository root, seen from the events module's base directory (where Maven runs the test). */
    private static final Path REPO = Path.of("..");
    private static final Path DOCS = REPO.resolve("docs");
    private static final List<String> SERVICES = List.of("ingest-service", "parse-service", "store-service",
            "notify-service");
    /** Topics services use that are not part of the public contract: ingest-service's compacted crawl state. */
    private static final Set<String> INTERNAL_TOPICS = Set.of("ingest.state");
    private static final Pattern TOPIC_PROPERTY = Pattern.compile(
            "mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(dead-letter-queue\\.)?topic");
    private static final String DOCUMENT_ID = Sha256.hex("https://en.kremlin.ru/events/president/news/74318");

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig STRICT_FORMATS = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    // (a) events the code writes validate against the published schemas

    @Test
    void fetchedTranscriptWrittenByTheCodeMatchesItsSchema() throws IOException {
        JsonNode event = asJson(fetched());

        assertThat(violations("transcript.fetched", event)).isEmpty();
    }

    @Test
    void fetchedTranscriptWithoutUrlMatchesItsSchema() throws IOException {
        JsonNode event = asJson(TranscriptFetched.of(null, "inbox:talks.txt", Instant.EPOCH, "text/plain",
                "Putin: Hello."));

        assertThat(event.get("sourceUrl").isNull()).isTrue();
        assertThat(violations("transcript.fetched", event)).isEmpty();
    }

    @Test
    void fullParsedTranscriptWrittenByTheCodeMatchesItsSchema() throws IOException {
        JsonNode event = asJson(parsed());

        assertThat(violations("transcript.parsed", event)).isEmpty();
    }

    @Test
    void parsedReadoutWithoutOptionalMetadataMatchesItsSchema() throws IOException {
        TranscriptParsed readout = TranscriptParsed.builder().documentId(DOCUMENT_ID).contentHash(DOCUMENT_ID)
                .parserVersion("0.1.0").kind(TranscriptParsed.KIND_READOUT).language("en").build();

        JsonNode event = asJson(readout);

        assertThat(violations("transcript.parsed", event)).isEmpty();
    }

    @Test
    void newStatementWrittenByTheCodeMatchesItsSchema() throws IOException {
        JsonNode event = asJson(statementNew());

        assertThat(violations("statement.new", event)).isEmpty();
    }

    @Test
    void speakerCorrectionsWrittenByTheCodeMatchTheirSchema() throws IOException {
        JsonNode merge = asJson(speakersChanged());
        ObjectNode split = (ObjectNode) asJson(new SpeakersChanged("c2", EventTypes.SPEAKERS_CHANGED,
                SpeakersChanged.SPLIT, "jane-doe-2", "Jane Doe", List.of(), "jane-doe", List.of("a1"), null,
                Instant.parse("2024-06-20T08:00:00Z")));
        ObjectNode unknownChange = (ObjectNode) asJson(speakersChanged());
        unknownChange.put("change", "rename");

        assertThat(violations("speakers.changed", merge)).isEmpty();
        assertThat(violations("speakers.changed", split)).isEmpty();
        assertThat(violations("speakers.changed", unknownChange)).extracting(ValidationMessage::getType)
                .contains("enum");
    }

    @Test
    void eventWithoutARequiredFieldDoesNotMatch() throws IOException {
        ObjectNode event = (ObjectNode) asJson(statementNew());
        event.remove("documentId");

        assertThat(violations("statement.new", event)).extracting(ValidationMessage::getType).contains("required");
    }

    @Test
    void eventWithAMistypedFieldDoesNotMatch() throws IOException {
        ObjectNode event = (ObjectNode) asJson(parsed());
        ((ObjectNode) event.get("statements").get(0)).put("ordinal", "first");

        assertThat(violations("transcript.parsed", event)).extracting(ValidationMessage::getType).contains("type");
    }

    @Test
    void eventWithAWrongEventTypeOrMalformedIdDoesNotMatch() throws IOException {
        ObjectNode wrongType = (ObjectNode) asJson(fetched());
        wrongType.put("eventType", EventTypes.TRANSCRIPT_PARSED);
        ObjectNode shortId = (ObjectNode) asJson(fetched());
        shortId.put("documentId", "d01f3713");

        assertThat(violations("transcript.fetched", wrongType)).extracting(ValidationMessage::getType)
                .contains("const");
        assertThat(violations("transcript.fetched", shortId)).extracting(ValidationMessage::getType)
                .contains("pattern");
    }

    @Test
    void eventWithAnUnknownKindOrAMalformedInstantDoesNotMatch() throws IOException {
        ObjectNode unknownKind = (ObjectNode) asJson(parsed());
        unknownKind.put("kind", "interview");
        ObjectNode badInstant = (ObjectNode) asJson(statementNew());
        badInstant.put("storedAt", "yesterday");

        assertThat(violations("transcript.parsed", unknownKind)).extracting(ValidationMessage::getType)
                .contains("enum");
        assertThat(violations("statement.new", badInstant)).extracting(ValidationMessage::getType)
                .contains("format");
    }

    @Test
    void eventWithAFieldAddedLaterStillMatchesBecauseReadersIgnoreAdditions() throws IOException {
        ObjectNode event = (ObjectNode) asJson(statementNew());
        event.put("sentiment", "neutral");

        assertThat(violations("statement.new", event)).isEmpty();
    }

    @Test
    void speakerSchemasListExactlyTheSpeakerFieldsTheCodeWrites() throws IOException {
        Map<JsonNode, JsonNode> schemaOfWritten = Map.of(
                asJson(statementNew()).get("speaker"), schemaTree("statement.new").at("/properties/speaker"),
                asJson(parsed()).at("/statements/0/speaker"), schemaTree("transcript.parsed").at("/$defs/speaker"));

        schemaOfWritten.forEach((speaker, schema) -> {
            assertThat(names(schema.get("properties").fieldNames())).isEqualTo(names(speaker.fieldNames()));
            assertThat(names(schema.get("required").elements())).isEqualTo(names(speaker.fieldNames()));
        });
    }

    @Test
    void externalIdsAreAdditiveAStatementNewOfContractOneTwoStillMatchesAndAMalformedQidDoesNot()
            throws IOException {
        ObjectNode before = (ObjectNode) asJson(statementNew());
        ((ObjectNode) before.get("speaker")).remove("externalIds");
        ObjectNode badQid = (ObjectNode) asJson(statementNew());
        ((ObjectNode) badQid.get("speaker").get("externalIds")).put("wikidata", "Putin");

        // a 1.2 record (no externalIds) fails only the "required" rule that 1.3 writers follow, nothing else
        assertThat(violations("statement.new", before)).extracting(ValidationMessage::getType)
                .containsOnly("required");
        assertThat(violations("statement.new", badQid)).extracting(ValidationMessage::getType).contains("pattern");
        assertThat(EventJson.read(before.toString(), StatementNew.class).speaker().externalIds()).isEmpty();
    }

    @Test
    void speakerIdsOfTranscriptParsedAreAdditiveARecordOfContractOneFourStillMatchesAndAMalformedIdDoesNot()
            throws IOException {
        ObjectNode before = (ObjectNode) asJson(parsed());
        before.get("statements").forEach(statement -> ((ObjectNode) statement.get("speaker")).remove("externalIds"));
        ObjectNode badId = (ObjectNode) asJson(parsed());
        ((ObjectNode) badId.get("statements").get(0).get("speaker").get("externalIds")).put("kremlin", "Putin");

        // a 1.4 record (no externalIds) fails only the "required" rule that 1.5 writers follow, nothing else
        assertThat(violations("transcript.parsed", before)).extracting(ValidationMessage::getType)
                .containsOnly("required");
        assertThat(violations("transcript.parsed", badId)).extracting(ValidationMessage::getType).contains("pattern");
        assertThat(EventJson.read(before.toString(), TranscriptParsed.class).statements())
                .allSatisfy(statement -> assertThat(statement.speaker().externalIds()).isEmpty());
        assertThat(asJson(parsed()).at("/statements/0/speaker/externalIds/kremlin").asText()).isEqualTo("1");
    }

    @Test
    void schemasListExactlyTheFieldsTheCodeWritesAndRequireThemAll() throws IOException {
        Map<String, JsonNode> samples = Map.of(
                "transcript.fetched", asJson(fetched()),
                "transcript.parsed", asJson(parsed()),
                "statement.new", asJson(statementNew()),
                "speakers.changed", asJson(speakersChanged()));

        samples.forEach((eventType, sample) -> {
            JsonNode schema = schemaTree(eventType);
            assertThat(names(schema.get("properties").fieldNames())).as(eventType)
                    .isEqualTo(names(sample.fieldNames()));
            assertThat(names(schema.get("required").elements())).as(eventType)
                    .isEqualTo(names(sample.fieldNames()));
            assertThat(schema.get("additionalProperties").asBoolean()).as(eventType).isTrue();
            assertThat(schema.at("/properties/eventType/const").asText()).isEqualTo(eventType);
        });
    }

    // (b) the AsyncAPI channels are exactly the topics the services configure

    @Test
    void asyncApiChannelsAreExactlyThePublicTopicsTheServicesConfigure() throws IOException {
        Set<String> configured = new TreeSet<>(configuredTopics().values());
        configured.removeAll(INTERNAL_TOPICS);

        assertThat(channelAddresses()).isEqualTo(configured);
    }

    @Test
    void asyncApiChannelsAreExactlyTheTopicsConstants() throws IOException {
        assertThat(channelAddresses()).isEqualTo(topicsConstants());
    }

    @Test
    void internalTopicsStayOutOfThePublishedContract() throws IOException {
        assertThat(channelAddresses()).doesNotContainAnyElementsOf(INTERNAL_TOPICS);
        assertThat(topicsConstants()).doesNotContainAnyElementsOf(INTERNAL_TOPICS);
    }

    @Test
    void storeServiceLiveFeedIsASecondConsumerOfStatementsNew() throws IOException {
        Map<String, String> topics = configuredTopics();

        assertThat(topics).containsEntry("store-service outgoing statements-new", Topics.STATEMENTS_NEW)
                .containsEntry("store-service incoming statements-feed", Topics.STATEMENTS_NEW);
    }

    @Test
    void everyChannelHasAWriterAndEveryEventTopicAReader() throws IOException {
        JsonNode operations = asyncApi().get("operations");
        Set<String> sent = new TreeSet<>();
        Set<String> received = new TreeSet<>();

        for (JsonNode operation : operations) {
            String channel = operation.at("/channel/$ref").asText().replace("#/channels/", "");
            String address = asyncApi().at("/channels/" + channel + "/address").asText();
            (operation.get("action").asText().equals("send") ? sent : received).add(address);
        }

        assertThat(sent).isEqualTo(channelAddresses());
        assertThat(received).contains(Topics.TRANSCRIPTS_RAW, Topics.TRANSCRIPTS_PARSED, Topics.STATEMENTS_NEW,
                Topics.SPEAKERS_CHANGED);
    }

    // (c) every payload reference resolves to a schema file

    @Test
    void everyPayloadReferenceResolvesToAnExistingSchemaFile() throws IOException {
        List<String> refs = new ArrayList<>();
        for (JsonNode message : asyncApi().at("/components/messages")) {
            JsonNode ref = message.at("/payload/schema/$ref");
            if (!ref.isMissingNode()) {
                refs.add(ref.asText());
            }
        }

        assertThat(refs).containsExactlyInAnyOrder("schemas/transcript.fetched.schema.json",
                "schemas/transcript.parsed.schema.json", "schemas/statement.new.schema.json",
                "schemas/speakers.changed.schema.json");
        assertThat(refs).allSatisfy(ref -> assertThat(DOCS.resolve(ref)).isRegularFile());
    }

    @Test
    void everyPublishedMessageNamesItsEventTypeAndIsKeyedByDocumentId() throws IOException {
        JsonNode messages = asyncApi().at("/components/messages");

        for (String name : List.of("transcriptFetched", "transcriptParsed", "statementNew")) {
            JsonNode message = messages.get(name);
            String eventType = message.get("name").asText();
            assertThat(DOCS.resolve(message.at("/payload/schema/$ref").asText()))
                    .hasFileName(eventType + ".schema.json");
            assertThat(asyncApi().at("/components/schemas/documentIdKey/pattern").asText())
                    .isEqualTo(schemaTree(eventType).at("/$defs/sha256Hex/pattern").asText());
            assertThat(message.at("/bindings/kafka/key/$ref").asText())
                    .isEqualTo("#/components/schemas/documentIdKey");
        }
    }

    // samples, written by the code

    private static TranscriptFetched fetched() {
        return TranscriptFetched.of("https://en.kremlin.ru/events/president/news/74318", "kremlin-transcripts",
                Instant.parse("2024-06-19T10:15:30.123Z"), "text/html", "<p>Comrade President Vladimir Putin,</p>");
    }

    private static TranscriptParsed parsed() {
        TranscriptFetched raw = fetched();
        return TranscriptParsed.builder().documentId(raw.documentId()).sourceUrl(raw.sourceUrl())
                .contentHash(raw.contentHash()).parserVersion("0.1.0").kind(TranscriptParsed.KIND_TRANSCRIPT)
                .title("Russian-Korean talks").publishedAt("2024-06-19").location("Pyongyang").language("en")
                .statements(List.of(new TranscriptParsed.Statement(1,
                                new TranscriptParsed.Speaker("Kim Jong-un", "Chairman of State Affairs of the DPRK",
                                        "Chairman of State Affairs of the DPRK Kim Jong-un (retranslated)")
                                        .withExternalId(TranscriptParsed.Speaker.KREMLIN, "1"),
                                "retranslated", List.of("Comrade President Vladimir Putin,", "On behalf of …"),
                                List.of("(Applause.)")),
                        new TranscriptParsed.Statement(2,
                                new TranscriptParsed.Speaker("Vladimir Putin", null, "Vladimir Putin"),
                                null, List.of("Thank you."), List.of())))
                .remarks(List.of("<…>")).source("Kremlin").tags(List.of("Foreign policy"))
                .persons(List.of("Kim Jong-un", "Vladimir Putin")).fetchedAt(raw.fetchedAt())
                .build();
    }

    private static SpeakersChanged speakersChanged() {
        return new SpeakersChanged("0f8c2a8e-6c1b-4a43-9a37-2b7f4c1d9e10", EventTypes.SPEAKERS_CHANGED,
                SpeakersChanged.MERGE, "vladimir-putin", "Vladimir Putin", List.of("v-putin"), null,
                List.of(Sha256.ofParts(DOCUMENT_ID, "v-putin", "thank you.", "1")), "one person",
                Instant.parse("2024-06-20T08:00:00Z"));
    }

    private static StatementNew statementNew() {
        String statementId = Sha256.ofParts(DOCUMENT_ID, "vladimir-putin", "thank you.", "1");
        return new StatementNew(statementId, EventTypes.STATEMENT_NEW, statementId, DOCUMENT_ID, 2,
                new StatementNew.Speaker("vladimir-putin", "Vladimir Putin", "President of Russia",
                        Map.of("wikidata", "Q7747")), null,
                StatementNew.joinParagraphs(List.of("Thank you.")), List.of("Thank you."), List.of(),
                new StatementNew.Transcript("Russian-Korean talks", "2024-06-19", null,
                        "https://en.kremlin.ru/events/president/news/74318"),
                Instant.parse("2024-06-19T10:15:31.902Z"));
    }

    // reading the published documents

    private static JsonNode asJson(Object event) throws IOException {
        return JSON.readTree(EventJson.write(event));
    }

    private static Set<ValidationMessage> violations(String eventType, JsonNode event) {
        JsonSchema schema = SCHEMAS.getSchema(schemaTree(eventType), STRICT_FORMATS);
        return schema.validate(event);
    }

    private static JsonNode schemaTree(String eventType) {
        try {
            return JSON.readTree(DOCS.resolve("schemas").resolve(eventType + ".schema.json").toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the schema of " + eventType, e);
        }
    }

    private static JsonNode asyncApi() throws IOException {
        return YAML.readTree(DOCS.resolve("asyncapi.yaml").toFile());
    }

    private static Set<String> channelAddresses() throws IOException {
        Set<String> addresses = new TreeSet<>();
        asyncApi().get("channels").forEach(channel -> addresses.add(channel.get("address").asText()));
        return addresses;
    }

    /** Topic per "service direction channel", from every service's application.properties. */
    private static Map<String, String> configuredTopics() throws IOException {
        Map<String, String> topics = new TreeMap<>();
        for (String service : SERVICES) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(
                    REPO.resolve(service).resolve("src/main/resources/application.properties"))) {
                properties.load(reader);
            }
            for (String key : properties.stringPropertyNames()) {
                Matcher matcher = TOPIC_PROPERTY.matcher(key);
                if (matcher.matches()) {
                    String direction = matcher.group(3) == null ? matcher.group(1) : "dead-letter";
                    topics.put(service + " " + direction + " " + matcher.group(2), properties.getProperty(key));
                }
            }
        }
        assertThat(topics).as("topics configured by the services").isNotEmpty();
        return topics;
    }

    private static Set<String> topicsConstants() {
        Set<String> topics = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    topics.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return topics;
    }

    private static Set<String> names(Iterator<?> items) {
        Set<String> names = new HashSet<>();
        items.forEachRemaining(item -> names.add(item instanceof JsonNode node ? node.asText() : item.toString()));
        return names;
    }
}
