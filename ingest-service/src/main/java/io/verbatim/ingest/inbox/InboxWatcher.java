package io.verbatim.ingest.inbox;

import io.quarkus.scheduler.Scheduled;
import io.verbatim.events.DocumentDecoder;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.ingest.config.IngestConfig;
import io.verbatim.ingest.messaging.EventTooLargeException;
import io.verbatim.ingest.messaging.RawDocumentPublisher;
import io.verbatim.ingest.source.DocumentTypes;
import io.verbatim.ingest.state.IngestStateStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Watches the inbox folder: each transcript file dropped there ({@code .txt}, {@code .md}, {@code .html}) is
 * published as {@code transcript.fetched} and, once the broker has acknowledged it, moved to {@code processed/}.
 * A file that cannot be read as a document moves to {@code failed/} with a {@code .reason} file beside it, and so
 * does an entry that is not a regular file: a symbolic link is never followed (it is moved, not its target), nor is
 * a folder, a device or a pipe read; the file is opened with {@code NOFOLLOW_LINKS}. A document whose event would be
 * larger than {@code verbatim.ingest.max-event-bytes} is refused the same way.
 * A file is taken once it has not changed for a second; writing it under a dot-name and renaming it is safer still.
 * A crash between publication and the move republishes the file on restart; its ids are derived from its content,
 * so downstream deduplication absorbs the repeat.
 *
 * <p>With several replicas the inbox is read by one at a time: the owner of partition
 * {@value IngestStateStore#INBOX_PARTITION} of {@code ingest.state}. Each file is taken while it owns that partition,
 * and a hand-over waits for the file in progress ({@link IngestStateStore#whileOwningPartition}), so two replicas
 * never take the same file.
 */
@ApplicationScoped
public class InboxWatcher {

    private static final Logger LOG = Logger.getLogger(InboxWatcher.class);
    static final String PROCESSED = "processed";
    static final String FAILED = "failed";
    /** A file must be this old before it is taken, so a copy in progress is not read half-written. */
    static final java.time.Duration SETTLE_TIME = java.time.Duration.ofSeconds(1);

    private final IngestConfig config;
    private final RawDocumentPublisher publisher;
    private final IngestStateStore state;

    public InboxWatcher(IngestConfig config, RawDocumentPublisher publisher, IngestStateStore state) {
        this.config = config;
        this.publisher = publisher;
        this.state = state;
    }

    @Scheduled(every = "${verbatim.ingest.inbox.poll-interval:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        Optional<Path> directory = config.inbox().directory();
        if (directory.isEmpty() || !state.ownedPartitions().contains(IngestStateStore.INBOX_PARTITION)) {
            return;
        }
        Path inbox = directory.get();
        try {
            Files.createDirectories(inbox.resolve(PROCESSED));
            Files.createDirectories(inbox.resolve(FAILED));
            for (Path file : pendingEntries(inbox)) {
                boolean owner = state.whileOwningPartition(IngestStateStore.INBOX_PARTITION, () -> {
                    try {
                        take(inbox, file);
                    } catch (IOException e) {
                        LOG.warnf("cannot take inbox entry %s: %s", file.getFileName(), e.getMessage());
                    }
                });
                if (!owner) {
                    return; // another replica reads the inbox now
                }
            }
        } catch (IOException e) {
            LOG.warnf("cannot scan inbox %s: %s", inbox, e.getMessage());
        }
    }

    /** Every entry but dot-names and our own processed/ and failed/ folders; links are not followed. */
    private static List<Path> pendingEntries(Path inbox) throws IOException {
        try (Stream<Path> entries = Files.list(inbox)) {
            return entries.filter(path -> !path.getFileName().toString().startsWith("."))
                    .filter(path -> !isOwnFolder(inbox, path))
                    .sorted()
                    .toList();
        }
    }

    private static boolean isOwnFolder(Path inbox, Path path) {
        return (path.equals(inbox.resolve(PROCESSED)) || path.equals(inbox.resolve(FAILED)))
                && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }

    private void take(Path inbox, Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (attributes.lastModifiedTime().toInstant().isAfter(Instant.now().minus(SETTLE_TIME))) {
            return; // possibly still being written (e.g. docker cp); taken on a later scan
        }
        if (attributes.isSymbolicLink()) {
            reject(inbox, file, "the entry is a symbolic link; links are never followed, drop the file itself");
            return;
        }
        if (!attributes.isRegularFile()) {
            reject(inbox, file, "the entry is not a regular file (a folder, a device or a pipe); drop a file");
            return;
        }
        String fileName = file.getFileName().toString();
        Optional<String> contentType = DocumentTypes.forFileName(fileName);
        if (contentType.isEmpty()) {
            reject(inbox, file, "unsupported file type: use .txt, .md or .html");
            return;
        }
        long size = attributes.size();
        if (size > config.maxBodyBytes()) {
            reject(inbox, file, "the file has " + size + " bytes; the limit is " + config.maxBodyBytes());
            return;
        }
        byte[] bytes = readAtMost(file, config.maxBodyBytes());
        if (bytes == null) {
            reject(inbox, file, "the file grew past the limit of " + config.maxBodyBytes() + " bytes while read");
            return;
        }
        String text;
        try {
            text = DocumentDecoder.decodeUtf8(bytes);
        } catch (IllegalArgumentException e) {
            reject(inbox, file, e.getMessage());
            return;
        }
        if (text.isBlank()) {
            reject(inbox, file, "the file holds only white space");
            return;
        }
        TranscriptFetched event = TranscriptFetched.of(null, "inbox:" + fileName, Instant.now(),
                contentType.get(), text);
        try {
            publisher.publish(event).toCompletableFuture().join();
        } catch (RuntimeException e) {
            Optional<EventTooLargeException> tooLarge = EventTooLargeException.causeOf(e);
            if (tooLarge.isPresent()) {
                reject(inbox, file, tooLarge.get().getMessage());
            } else {
                LOG.warnf("inbox file %s not published yet, will retry: %s", fileName, e.getMessage());
            }
            return;
        }
        Files.move(file, inbox.resolve(PROCESSED).resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
        LOG.infof("inbox file %s published as document %s", fileName, event.documentId());
    }

    /** The file's bytes, opened without following a link, or null when it holds more than {@code limit}. */
    private static byte[] readAtMost(Path file, int limit) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = Channels.newInputStream(channel).readNBytes(limit + 1);
            return bytes.length > limit ? null : bytes;
        }
    }

    private static void reject(Path inbox, Path file, String reason) throws IOException {
        Path target = inbox.resolve(FAILED).resolve(file.getFileName());
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
        Path reasonFile = target.resolveSibling(file.getFileName() + ".reason");
        Files.deleteIfExists(reasonFile); // a link left there is removed, never written through
        Files.writeString(reasonFile, reason + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        LOG.warnf("inbox file %s refused: %s", file.getFileName(), reason);
    }
}
