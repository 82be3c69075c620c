package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.events.EventJson;
import io.verbatim.events.TranscriptParsed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Writes the extractor's output for every gold document on disk ({@link Corpus#goldDocumentsOnDisk()}) in the
 * transcripts.parsed JSON shape to
 * {@code target/corpus-predictions}, so that the corpus scorer can measure it:
 * {@code python3 score.py parse-service/target/corpus-predictions}.
 */
class TranscriptExtractorCorpusExportTest {

    private final TranscriptExtractor extractor = new TranscriptExtractor();

    @Test
    void everyGoldDocumentIsWrittenAsATranscriptParsedEvent() throws IOException {
        Path out = Path.of(System.getProperty("corpus.predictions", "target/corpus-predictions"));
        Files.createDirectories(out);

        List<String> documents = Corpus.goldDocumentsOnDisk();
        assertThat(documents).as("gold documents found on disk").containsAll(Corpus.GOLD_DOCUMENTS);
        for (String fileName : documents) {
            String body = Corpus.doc(fileName);
            ExtractedTranscript t = extractor.extract(body, Corpus.contentTypeOfDocument(fileName, body), null);
            TranscriptParsed event = TranscriptParsed.builder().documentId(fileName)
                    .parserVersion(TranscriptExtractor.PARSER_VERSION).kind(t.kind()).title(t.title())
                    .publishedAt(t.publishedAt()).location(t.location()).language(t.language())
                    .statements(t.statements()).remarks(t.remarks()).build();
            Path written = out.resolve(fileName.substring(0, fileName.lastIndexOf('.')) + ".json");
            Files.writeString(written, EventJson.write(event), StandardCharsets.UTF_8);

            TranscriptParsed readBack = EventJson.read(Files.readString(written, StandardCharsets.UTF_8),
                    TranscriptParsed.class);
            assertThat(readBack).as(written.toString()).isEqualTo(event);
        }
    }

    @Test
    void everyUnlabelledPageIsWrittenForInspection() throws IOException {
        Path out = Path.of(System.getProperty("corpus.predictions", "target/corpus-predictions"), "unlabelled");
        Files.createDirectories(out);

        for (String id : Corpus.UNLABELLED_PAGES) {
            ExtractedTranscript t = extractor.extract(Corpus.unlabelled(id), "text/html", null);
            Files.writeString(out.resolve(id + ".json"), EventJson.write(t), StandardCharsets.UTF_8);
        }

        try (var files = Files.list(out)) {
            assertThat(files.count()).isEqualTo(Corpus.UNLABELLED_PAGES.size());
        }
    }
}
