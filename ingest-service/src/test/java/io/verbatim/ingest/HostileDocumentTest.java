package io.verbatim.ingest;

import static io.verbatim.ingest.IngestFlowTest.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.verbatim.events.Sha256;
import io.verbatim.events.Topics;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.TopicReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Documents that can never be published, and inbox entries that are not files (issue 12, findings 5 and 9). */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HostileDocumentTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path INBOX = Path.of("target/test-inbox");
    /** 2 MB of NUL bytes: within the 2 MiB document limit, about 12 MB as JSON ({@code \u0000} each). */
    private static final int NUL_BYTES = 2_000_000;

    private TopicReader raw;

    @BeforeEach
    void connect() throws Exception {
        raw = new TopicReader(KafkaBroker.shared().bootstrapServers(), Topics.TRANSCRIPTS_RAW);
        Files.createDirectories(INBOX);
    }

    @AfterEach
    void disconnect() {
        raw.close();
    }

    /**
     * Finding 5, submit API: the event was handed to the producer, which refused it as too large, and the caller got
     * a 503 "try again later" that can never succeed. Now it is a 413 with the reason, and nothing is published.
     */
    @Test
    void submittedDocumentWhoseEventIsTooLargeIsRefusedWith413() {
        byte[] nul = new byte[NUL_BYTES];

        api().contentType("text/plain").body(nul).post("/api/transcripts")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", containsString("has 12,0"))
                .body("detail", containsString("the limit is 7,340,032 bytes (verbatim.ingest.max-event-bytes)"));

        String documentId = Sha256.hex(new String(nul, StandardCharsets.UTF_8));
        assertThat(raw.readToEnd(WAIT)).noneMatch(r -> r.key().equals(documentId));
    }

    /**
     * Finding 5, inbox: the publication failed and the file stayed in the inbox, tried again on every scan. Now it
     * is set aside in failed/ with its reason, as other refused files are.
     */
    @Test
    void inboxFileWhoseEventIsTooLargeIsSetAsideWithItsReason() throws Exception {
        Path dropped = INBOX.resolve("nul-" + UUID.randomUUID() + ".txt");
        Files.write(dropped.resolveSibling(".writing-nul"), new byte[NUL_BYTES]);
        Files.move(dropped.resolveSibling(".writing-nul"), dropped);

        Path reason = INBOX.resolve("failed").resolve(dropped.getFileName() + ".reason");
        Awaitility.await().atMost(WAIT).until(() -> Files.exists(reason));

        assertThat(Files.readString(reason)).contains("the limit is 7,340,032 bytes (verbatim.ingest.max-event-bytes)");
        assertThat(INBOX.resolve("failed").resolve(dropped.getFileName())).exists();
        assertThat(dropped).doesNotExist();
    }

    /**
     * Finding 9: the inbox followed symbolic links, so {@code x.txt -> /proc/self/environ} (or any file the service
     * can read) would have been published. A link is refused and set aside (the link itself, not its target).
     */
    @Test
    void symbolicLinkInTheInboxIsRefusedAndItsTargetNeverPublished() throws Exception {
        String secret = "DATABASE_PASSWORD=" + UUID.randomUUID();
        Path outside = Files.createTempFile("outside-the-inbox-", ".txt");
        Files.writeString(outside, "Vladimir Putin: " + secret);
        Path link = INBOX.resolve("link-" + UUID.randomUUID() + ".txt");
        Files.createSymbolicLink(link, outside.toAbsolutePath());

        Path reason = INBOX.resolve("failed").resolve(link.getFileName() + ".reason");
        Awaitility.await().atMost(WAIT).until(() -> Files.exists(reason));

        assertThat(Files.readString(reason)).contains("a symbolic link");
        assertThat(Files.isSymbolicLink(INBOX.resolve("failed").resolve(link.getFileName()))).isTrue();
        assertThat(Files.readString(outside)).contains(secret);
        assertThat(raw.readToEnd(WAIT)).noneMatch(r -> r.value().contains(secret));
        Files.delete(outside);
    }

    /** Finding 9: whatever is not a regular file (here a folder named like a transcript) is refused too. */
    @Test
    void folderInTheInboxIsRefusedWithItsReason() throws Exception {
        Path folder = INBOX.resolve("folder-" + UUID.randomUUID() + ".txt");
        Files.createDirectory(folder);
        Files.setLastModifiedTime(folder, java.nio.file.attribute.FileTime.fromMillis(0));

        Path reason = INBOX.resolve("failed").resolve(folder.getFileName() + ".reason");
        Awaitility.await().atMost(WAIT).until(() -> Files.exists(reason));

        assertThat(Files.readString(reason)).contains("not a regular file");
        assertThat(folder).doesNotExist();
    }
}
