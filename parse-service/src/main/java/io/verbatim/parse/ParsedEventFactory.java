package io.verbatim.parse;

import io.verbatim.events.MalformedEventException;
import io.verbatim.events.TranscriptFetched;
import io.verbatim.events.TranscriptParsed;
import io.verbatim.parse.config.ParseConfig;
import io.verbatim.parse.extract.ExtractedTranscript;
import io.verbatim.parse.extract.ParseLimits;
import io.verbatim.parse.extract.TranscriptExtractor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a {@code transcript.fetched} event into its {@code transcript.parsed} event: checks the event, runs the pure
 * {@link TranscriptExtractor} (the parser proper: document text in, speaker turns out) and adds the event's ids. Shared by the Kafka flow and the preview API, so both give the same
 * answer for the same document.
 */
@ApplicationScoped
public class ParsedEventFactory {

    private final TranscriptExtractor extractor;

    public ParsedEventFactory(ParseConfig config) {
        this.extractor = new TranscriptExtractor(
                new ParseLimits(config.maxChars(), config.maxDepth(), config.deadline(), config.maxParagraphs(),
                        config.maxElements(), config.maxRemarks()));
    }

    public TranscriptParsed parsedEventFor(TranscriptFetched raw) {
        requireField(raw.documentId(), "documentId");
        requireField(raw.contentType(), "contentType");
        if (raw.body() == null) {
            throw new MalformedEventException("transcript.fetched has no body");
        }
        ExtractedTranscript extracted = extractor.extract(raw.body(), raw.contentType(), raw.sourceUrl());
        return TranscriptParsed.builder()
                .eventId(TranscriptParsed.eventIdFor(raw.documentId(), raw.contentHash(),
                        TranscriptExtractor.PARSER_VERSION))
                .documentId(raw.documentId()).sourceUrl(raw.sourceUrl()).contentHash(raw.contentHash())
                .parserVersion(TranscriptExtractor.PARSER_VERSION).kind(extracted.kind()).title(extracted.title())
                .publishedAt(extracted.publishedAt()).location(extracted.location()).language(extracted.language())
                .statements(extracted.statements()).remarks(extracted.remarks()).source(extracted.source())
                .tags(extracted.tags()).persons(extracted.persons()).fetchedAt(raw.fetchedAt())
                .build();
    }

    private static void requireField(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("transcript.fetched has no " + field);
        }
    }
}
