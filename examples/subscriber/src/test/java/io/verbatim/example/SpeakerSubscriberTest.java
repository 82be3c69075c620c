package io.verbatim.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.events.ContractVersion;
import io.verbatim.events.EventJson;
import io.verbatim.events.EventTypes;
import io.verbatim.events.Sha256;
import io.verbatim.events.StatementNew;
import io.verbatim.events.Topics;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.TopicWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpeakerSubscriberTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static KafkaBroker broker;

    private final List<StatementNew> printed = new ArrayList<>();
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private TopicWriter writer;
    private String speaker;
    private String documentId;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.shared();
        broker.createTopics(List.of(Topics.STATEMENTS_NEW));
    }

    @BeforeEach
    void writerAndFreshNames() {
        writer = new TopicWriter(broker.bootstrapServers());
        // every test follows a speaker of its own: records of the other tests are other speakers to it
        speaker = "vladimir-putin-" + UUID.randomUUID();
        documentId = Sha256.hex("document " + UUID.randomUUID());
    }

    @AfterEach
    void closeWriter() {
        writer.close();
    }

    @Test
    void recordsForOtherSpeakersAreSkippedWithoutParsingThem() {
        StatementNew first = statement(speaker, 1, "Good afternoon.");
        StatementNew second = statement(speaker, 3, "Thank you.");
        publish(first);
        // another speaker's record whose value is not even JSON: the header alone decides
        writer.write(Topics.STATEMENTS_NEW, documentId, "not json", headers("kim-jong-un", "x"));
        publish(statement("kim-jong-un", 2, "Comrade President."));
        publish(second);

        try (SpeakerSubscriber subscriber = subscriber(group())) {
            pollUntilPrinted(subscriber, 2);
        }

        assertThat(printed).extracting(StatementNew::eventId).containsExactly(first.eventId(), second.eventId());
        assertThat(errors.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void recordWithoutSpeakerHeaderIsMatchedOnItsSpeakerId() {
        StatementNew ours = statement(speaker, 1, "Good afternoon.");
        StatementNew theirs = statement("kim-jong-un", 2, "Comrade President.");
        writer.write(Topics.STATEMENTS_NEW, documentId, EventJson.write(theirs));
        writer.write(Topics.STATEMENTS_NEW, documentId, EventJson.write(ours));

        try (SpeakerSubscriber subscriber = subscriber(group())) {
            pollUntilPrinted(subscriber, 1);
        }

        assertThat(printed).extracting(StatementNew::eventId).containsExactly(ours.eventId());
    }

    @Test
    void repeatedEventIdIsPrintedOnce() {
        StatementNew statement = statement(speaker, 1, "Good afternoon.");
        StatementNew next = statement(speaker, 2, "Thank you.");
        publish(statement);
        publish(statement); // the outbox relay published it again after a crash: same eventId
        publish(next);

        try (SpeakerSubscriber subscriber = subscriber(group())) {
            pollUntilPrinted(subscriber, 2);
        }

        assertThat(printed).extracting(StatementNew::eventId).containsExactly(statement.eventId(), next.eventId());
    }

    @Test
    void restartedSubscriberResumesAfterWhatItPrinted() {
        String group = group();
        StatementNew before = statement(speaker, 1, "Good afternoon.");
        StatementNew after = statement(speaker, 2, "Thank you.");
        publish(before);
        try (SpeakerSubscriber subscriber = subscriber(group)) {
            pollUntilPrinted(subscriber, 1);
        }
        publish(after);

        try (SpeakerSubscriber restarted = subscriber(group)) {
            pollUntilPrinted(restarted, 2);
        }

        assertThat(printed).extracting(StatementNew::eventId).containsExactly(before.eventId(), after.eventId());
    }

    @Test
    void settingsDefaultToTheLocalBrokerAndAGroupPerSpeaker() {
        SpeakerSubscriber.Settings settings = SpeakerSubscriber.Settings.fromArgs(
                new String[] {"--speaker", "vladimir-putin"}, Map.of());

        assertThat(settings.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(settings.groupId()).isEqualTo("speaker-subscriber-vladimir-putin");
        assertThat(settings.from()).isEqualTo("earliest");
        assertThatThrownBy(() -> SpeakerSubscriber.Settings.fromArgs(new String[] {"--group-id", "g"}, Map.of()))
                .hasMessageContaining("--speaker is required");
    }

    @Test
    void printedStatementShowsSpeakerRoleTranscriptAndParagraphs() {
        StatementNew statement = statement(speaker, 1, "Good afternoon.");

        String text = SpeakerSubscriber.format(statement);

        assertThat(text)
                .startsWith("[2024-06-19] Vladimir Putin (President of Russia) in \"Russian-Korean talks\", #1:")
                .contains("    Good afternoon.");
    }

    private SpeakerSubscriber subscriber(String group) {
        return new SpeakerSubscriber(new SpeakerSubscriber.Settings(speaker, broker.bootstrapServers(), group,
                "earliest", 100), printed::add, new PrintStream(errors, true, StandardCharsets.UTF_8));
    }

    private static String group() {
        return "speaker-subscriber-test-" + UUID.randomUUID();
    }

    private void pollUntilPrinted(SpeakerSubscriber subscriber, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (printed.size() < count) {
            assertThat(System.nanoTime()).as("%d statements printed in time", count).isLessThan(deadline);
            subscriber.pollOnce(Duration.ofMillis(200));
        }
        // a few more rounds: nothing else of this speaker may come through
        for (int i = 0; i < 3; i++) {
            subscriber.pollOnce(Duration.ofMillis(200));
        }
    }

    private StatementNew statement(String speakerId, int ordinal, String text) {
        String id = Sha256.ofParts(documentId, speakerId, text, "1");
        return new StatementNew(id, EventTypes.STATEMENT_NEW, id, documentId, ordinal,
                new StatementNew.Speaker(speakerId, "Vladimir Putin", "President of Russia"), null, text,
                List.of(text), List.of(), new StatementNew.Transcript("Russian-Korean talks", "2024-06-19", null, null),
                Instant.parse("2024-06-19T10:15:31Z"));
    }

    private void publish(StatementNew statement) {
        writer.write(Topics.STATEMENTS_NEW, statement.documentId(), EventJson.write(statement),
                headers(statement.speaker().id(), statement.eventId()));
    }

    private static Map<String, String> headers(String speakerId, String eventId) {
        return Map.of("eventType", EventTypes.STATEMENT_NEW, ContractVersion.HEADER, ContractVersion.CURRENT,
                StatementNew.SPEAKER_ID_HEADER, speakerId, "ce_id", eventId);
    }
}
