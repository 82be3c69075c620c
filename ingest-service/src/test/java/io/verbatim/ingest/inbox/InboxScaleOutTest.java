package io.verbatim.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.events.EventJson;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.ingest.crawl.CrawlReplica;
import io.verbatim.testsupport.ContractTopics;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: two replicas scan one inbox folder every 20 ms; only the owner of partition 0 of the crawl state takes
 * files, so each file is published once, also when that owner stops and the other takes the inbox over.
 */
class InboxScaleOutTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path inbox;

    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();
    private final List<ScheduledExecutorService> scanners = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        scanners.forEach(ScheduledExecutorService::shutdownNow);
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    @Timeout(180)
    void twoReplicasPublishEachInboxFileOnceAcrossAHandOver() throws Exception {
        KafkaBroker.shared().createTopics(ContractTopics.ALL);
        String id = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> settings = new HashMap<>();
        settings.put("verbatim.ingest.state-topic", "ingest.state.inbox-" + id);
        settings.put("verbatim.ingest.ownership.group-id", "ingest-inbox-" + id);
        settings.put("verbatim.ingest.ownership.session-timeout", "6s");
        settings.put("verbatim.ingest.sources", "none");
        settings.put("verbatim.ingest.inbox.directory", inbox.toString());
        String bootstrap = KafkaBroker.shared().bootstrapServers();
        CrawlReplica a = replica("replica-a", bootstrap, settings);
        CrawlReplica b = replica("replica-b", bootstrap, settings);
        Awaitility.await().atMost(WAIT).until(() -> !a.state.ownedPartitions().isEmpty()
                && !b.state.ownedPartitions().isEmpty());
        CrawlReplica owner = a.state.ownedPartitions().contains(0) ? a : b;

        drop("first-" + id, 20);
        Awaitility.await().atMost(WAIT).until(() -> processed().size() == 20);
        owner.close();
        drop("second-" + id, 20);
        Awaitility.await().atMost(WAIT).until(() -> processed().size() == 40);

        try (TopicReader raw = new TopicReader(bootstrap, Topics.TRANSCRIPTS_RAW)) {
            List<String> published = raw.readToEnd(WAIT).stream()
                    .map(record -> EventJson.read(record.value(), TranscriptFetched.class).sourceName())
                    .filter(name -> name.contains(id)).toList();
            assertThat(published).hasSize(40).doesNotHaveDuplicates();
        }
    }

    private CrawlReplica replica(String name, String bootstrap, Map<String, String> settings) {
        CrawlReplica replica = new CrawlReplica(name, bootstrap, settings);
        opened.add(replica);
        replica.state.start();
        InboxWatcher watcher = new InboxWatcher(replica.config, replica.publisher, replica.state);
        ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "inbox-" + name);
            thread.setDaemon(true);
            return thread;
        });
        scanners.add(scanner);
        scanner.scheduleWithFixedDelay(watcher::scan, 0, 20, TimeUnit.MILLISECONDS);
        return replica;
    }

    /** Writes files under dot-names, dates them back past the settle time and renames them into place. */
    private void drop(String prefix, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            Path hidden = inbox.resolve("." + prefix + "-" + i + ".txt");
            Files.writeString(hidden, "Vladimir Putin: Statement " + prefix + " number " + i + ".");
            Files.setLastModifiedTime(hidden, FileTime.from(Instant.now().minusSeconds(5)));
            Files.move(hidden, inbox.resolve(prefix + "-" + i + ".txt"));
        }
    }

    private Set<String> processed() throws Exception {
        Path folder = inbox.resolve(InboxWatcher.PROCESSED);
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
