package io.verbatim.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.verbatim.events.EventJson;
import io.verbatim.events.Sha256;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptParsed;
import io.verbatim.store.messaging.OutboxRelay;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.PostgresTestResource;
import io.verbatim.testsupport.TopicReader;
import io.verbatim.testsupport.TopicWriter;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class StoreQueryTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    OutboxRelay relay;

    @TestHTTPResource("/api/statements/stream")
    URL stream;

    private TopicWriter writer;

    @BeforeEach
    void connect() {
        writer = new TopicWriter(KafkaBroker.shared().bootstrapServers());
    }

    @AfterEach
    void disconnect() {
        relay.resume();
        writer.close();
    }

    @Test
    void oneSpeakerAcrossDocumentsWhateverTheFormOfTheNameButVoicesStayApart() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String surname = "Zorinsky" + tag.replaceAll("[0-9-]", "");
        storeAndWait(doc("Talks " + tag, "2024-06-19", "Kremlin",
                turn("Vladimir " + surname, "President of Russia", "Good afternoon, colleagues."),
                turn("Question", null, "Will there be a treaty?")));
        storeAndWait(doc("Visit " + tag, "2024-07-01", "Kremlin",
                turn("President " + surname, null, "We shall see."),
                turn("Question", null, "And the summit?")));
        storeAndWait(doc("Letter " + tag, "2024-07-02", "TASS",
                turn("V." + surname, "Head of State", "Thank you for the letter.")));

        JsonPath speakers = given().queryParam("q", surname).get("/api/speakers").then().statusCode(200)
                .extract().jsonPath();
        assertThat(speakers.getList("items.id")).hasSize(1);
        String id = speakers.getString("items[0].id");
        given().get("/api/speakers/" + id).then().statusCode(200)
                .body("name", equalTo("Vladimir " + surname))
                .body("kind", equalTo("person"))
                .body("statements", equalTo(3))
                .body("aliases", hasItems("Vladimir " + surname, "President " + surname, "V." + surname))
                .body("roles.role", hasItems("President of Russia", "Head of State"));
        given().get("/api/speakers/question").then().statusCode(200).body("kind", equalTo("voice"));
        given().queryParam("speaker", "President " + surname).get("/api/statements").then().statusCode(200)
                .body("items", hasSize(3));
    }

    @Test
    void searchRanksTheBestMatchFirstWithAHighlightedSnippetAndPagesWithoutGapsOrRepeats() {
        String word = "quux" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
        List<TranscriptParsed.Statement> turns = new ArrayList<>();
        turns.add(turn("Anna Example", null, "The " + word + " matters. The " + word + " is everything. " + word + "!"));
        for (int i = 0; i < 11; i++) {
            turns.add(turn("Boris Example", null, "Number " + i + " mentions " + word + " once among many other words "
                    + "about grain, gas, roads and schools."));
        }
        storeAndWait(doc("Search " + word, "2023-01-05", "Kremlin", turns.toArray(TranscriptParsed.Statement[]::new)));

        JsonPath first = given().queryParam("q", word).queryParam("limit", "5").get("/api/statements").then()
                .statusCode(200).body("items", hasSize(5)).extract().jsonPath();

        assertThat(first.getString("items[0].speaker.name")).isEqualTo("Anna Example");
        assertThat(first.getString("items[0].snippet")).contains("<mark>" + word + "</mark>");
        assertThat(first.getFloat("items[0].rank")).isGreaterThan(first.getFloat("items[1].rank"));
        Set<String> seen = new HashSet<>(first.getList("items.statementId"));
        String cursor = first.getString("nextCursor");
        int pages = 1;
        while (cursor != null) {
            JsonPath page = given().queryParam("q", word).queryParam("limit", "5").queryParam("cursor", cursor)
                    .get("/api/statements").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.statementId");
            assertThat(ids).doesNotContainAnyElementsOf(seen);
            seen.addAll(ids);
            cursor = page.getString("nextCursor");
            pages++;
        }
        assertThat(seen).hasSize(12);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void theQueryApiIsDescribedByOpenApiAndSwaggerUiIsServed() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/statements"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/speakers/{id}"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void transcriptsAreFilteredByDateSourceAndKindAndPaged() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        storeAndWait(doc("Old " + tag, "1999-12-31", "Archive " + tag, turn("Carl Example", null, "Old words.")));
        storeAndWait(doc("New " + tag, "2000-01-02", "Archive " + tag, turn("Carl Example", null, "New words.")));

        given().queryParam("source", "archive " + tag).get("/api/transcripts").then().statusCode(200)
                .body("items", hasSize(2)).body("items[0].title", equalTo("New " + tag));
        given().queryParam("source", "Archive " + tag).queryParam("from", "2000-01-01").get("/api/transcripts")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].title", equalTo("New " + tag));
        given().queryParam("source", "Archive " + tag).queryParam("kind", "readout").get("/api/transcripts")
                .then().statusCode(200).body("items", hasSize(0));
        String next = given().queryParam("source", "Archive " + tag).queryParam("limit", "1").get("/api/transcripts")
                .then().statusCode(200).body("items", hasSize(1)).extract().path("nextCursor");
        given().queryParam("source", "Archive " + tag).queryParam("limit", "1").queryParam("cursor", next)
                .get("/api/transcripts").then().statusCode(200).body("items[0].title", equalTo("Old " + tag));
        given().queryParam("from", "yesterday").get("/api/transcripts").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("from"));
        given().queryParam("kind", "poem").get("/api/transcripts").then().statusCode(400);
        given().queryParam("cursor", "%%%").get("/api/statements").then().statusCode(400);
        given().queryParam("q", "'; drop table statement; --").get("/api/statements").then().statusCode(200);
        given().get("/api/speakers/no-such-speaker").then().statusCode(404);
    }

    @Test
    void theStreamDeliversAStatementStoredAfterTheClientConnected() throws Exception {
        String name = "Dora Stream" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream.toString() + "?speaker="
                + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8))).header("Accept", "text/event-stream")
                .build();
        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("data:") && line.contains(name)) {
                        return line.substring(5).strip();
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        storeAndWait(doc("Streamed " + name, "2024-01-01", "test", turn(name, "Host", "Hello, stream.")));

        String json = received.get(60, TimeUnit.SECONDS);
        assertThat(EventJson.read(json, io.verbatim.events.StatementNew.class).speaker().name()).isEqualTo(name);
    }

    @Test
    void rowsLeftUnsentWhenTheRelayStoppedAfterTheCommitAreAllPublishedWhenItRuns() {
        try (TopicReader announcements = new TopicReader(KafkaBroker.shared().bootstrapServers(),
                Topics.STATEMENTS_NEW)) {
            relay.pause();
            TranscriptParsed parsed = doc("Paused " + UUID.randomUUID(), null, "test",
                    turn("Eve Example", null, "One."), turn("Eve Example", null, "Two."),
                    turn("Eve Example", null, "Three."));

            storeAndWait(parsed);

            assertThat(announcements.readToEnd(WAIT))
                    .filteredOn(r -> parsed.documentId().equals(r.key())).isEmpty();
            given().get("/q/health/ready").then().body("checks.find { it.name == 'outbox relay' }.data.unsent",
                    org.hamcrest.Matchers.greaterThanOrEqualTo(3));

            relay.resume();

            assertThat(announcements.awaitRecords(3, r -> parsed.documentId().equals(r.key()), WAIT)).hasSize(3)
                    .allSatisfy(r -> assertThat(new String(r.headers().lastHeader("ce_id").value(),
                            StandardCharsets.UTF_8)).hasSize(64));
        }
    }

    @Test
    void atomFeedsParseBackWithRomeLinkPermalinksAndSourcesAndAnswer304WhenNothingIsNew() throws Exception {
        String name = "Fiona Feed" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
        String word = "feedword" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
        TranscriptParsed parsed = doc("Fed " + name, "2024-02-02", "Kremlin",
                turn(name, "Host", "First " + word + "."), turn(name, "Host", "Second thought."),
                turn(name, "Host", "Third " + word + ".")).toBuilder().sourceUrl("https://en.kremlin.ru/events/" + word)
                .eventId(null).build();
        storeAndWait(parsed);
        String id = given().queryParam("q", name).get("/api/speakers").then().statusCode(200).extract().jsonPath()
                .getString("items[0].id");

        io.restassured.response.Response atom = given().get("/feeds/speakers/" + id + ".atom");

        assertThat(atom.statusCode()).isEqualTo(200);
        assertThat(atom.contentType()).startsWith("application/atom+xml");
        com.rometools.rome.feed.synd.SyndFeed feed = new com.rometools.rome.io.SyndFeedInput()
                .build(new java.io.StringReader(atom.asString()));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getEntries()).hasSize(3);
        com.rometools.rome.feed.synd.SyndEntry newest = feed.getEntries().get(0);
        assertThat(newest.getContents().get(0).getValue()).isEqualTo("Third " + word + ".");
        assertThat(newest.getLinks()).extracting(com.rometools.rome.feed.synd.SyndLink::getHref)
                .contains("https://en.kremlin.ru/events/" + word);
        String permalink = newest.getLinks().stream().filter(l -> "alternate".equals(l.getRel())).findFirst()
                .orElseThrow().getHref();
        given().get(URI.create(permalink).getPath()).then().statusCode(200)
                .body("text", equalTo("Third " + word + ".")).body("speaker.id", equalTo(id))
                .body("sourceUrl", equalTo("https://en.kremlin.ru/events/" + word));
        given().header("If-None-Match", atom.header("ETag")).get("/feeds/speakers/" + id + ".atom").then()
                .statusCode(304);
        given().header("If-Modified-Since", atom.header("Last-Modified")).get("/feeds/speakers/" + id + ".atom")
                .then().statusCode(304);
        com.rometools.rome.feed.synd.SyndFeed search = new com.rometools.rome.io.SyndFeedInput().build(
                new java.io.StringReader(given().queryParam("q", word).get("/feeds/statements.atom").then()
                        .statusCode(200).extract().asString()));
        assertThat(search.getEntries()).extracting(e -> e.getContents().get(0).getValue())
                .containsExactly("Third " + word + ".", "First " + word + ".");
        given().queryParam("q", word).get("/api/statements").then().statusCode(200)
                .header("Link", containsString("/feeds/statements.atom?q=" + word));
        given().get("/api/speakers/" + id).then().statusCode(200)
                .header("Link", containsString("/feeds/speakers/" + id + ".atom"));
        given().get("/api/statements/" + "0".repeat(64)).then().statusCode(404);
    }

    @Test
    void aClientReconnectingWithLastEventIdReceivesExactlyTheStatementsItMissedThenLiveOnes() throws Exception {
        String name = "Rita Replay" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
        storeAndWait(doc("Before " + name, "2024-03-01", "test", turn(name, "Host", "Seen before the drop.")));
        String lastSeen = given().queryParam("speaker", name).get("/api/statements").then().statusCode(200)
                .extract().jsonPath().getString("items[0].statementId");
        storeAndWait(doc("Missed " + name, "2024-03-02", "test", turn(name, "Host", "Missed one."),
                turn("Someone Else", null, "Not followed."), turn(name, "Host", "Missed two.")));
        List<String> ids = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> texts = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean heartbeat = new java.util.concurrent.atomic.AtomicBoolean();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream.toString() + "?speaker="
                + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8))).header("Accept", "text/event-stream")
                .header("Last-Event-ID", lastSeen).build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        CompletableFuture.runAsync(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("id:")) {
                        ids.add(line.substring(3).strip());
                    } else if (line.startsWith("data:")) {
                        texts.add(EventJson.read(line.substring(5).strip(), io.verbatim.events.StatementNew.class)
                                .text());
                    } else if (line.startsWith(":")) {
                        heartbeat.set(true);
                    }
                }
            } catch (java.io.IOException e) {
                // the client closed the stream at the end of the test
            }
        });
        Awaitility.await().atMost(WAIT).until(() -> texts.size() >= 2);

        storeAndWait(doc("Live " + name, "2024-03-03", "test", turn(name, "Host", "Live one.")));

        Awaitility.await().atMost(WAIT).until(() -> texts.size() >= 3 && heartbeat.get());
        assertThat(texts).containsExactly("Missed one.", "Missed two.", "Live one.");
        assertThat(ids).hasSize(3).doesNotHaveDuplicates().doesNotContain(lastSeen);
        response.body().close();
    }

    private void storeAndWait(TranscriptParsed parsed) {
        writer.write(Topics.TRANSCRIPTS_PARSED, parsed.documentId(), EventJson.write(parsed));
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/api/transcripts/" + parsed.documentId()).statusCode() == 200);
    }

    private static TranscriptParsed.Statement turn(String name, String role, String text) {
        return new TranscriptParsed.Statement(0, new TranscriptParsed.Speaker(name, role, name), null,
                List.of(text), List.of());
    }

    private static TranscriptParsed doc(String title, String publishedAt, String source,
            TranscriptParsed.Statement... turns) {
        String documentId = Sha256.hex(title + UUID.randomUUID());
        List<TranscriptParsed.Statement> numbered = new ArrayList<>();
        for (int i = 0; i < turns.length; i++) {
            TranscriptParsed.Statement t = turns[i];
            numbered.add(new TranscriptParsed.Statement(i + 1, t.speaker(), t.annotation(), t.paragraphs(),
                    t.remarks()));
        }
        return TranscriptParsed.builder().documentId(documentId).contentHash("h").parserVersion("test")
                .kind(TranscriptParsed.KIND_TRANSCRIPT).title(title).publishedAt(publishedAt).language("en")
                .statements(numbered).source(source).fetchedAt(java.time.Instant.now()).build();
    }
}
