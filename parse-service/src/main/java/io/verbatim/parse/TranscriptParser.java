package io.verbatim.parse;

import io.verbatim.events.EventTypes;
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
 * {@link TranscriptExtractor} and adds the ids. Shared by the Kafka flow and the preview API, so both give the same
 * answer for the same document.
 */
@ApplicationScoped
public class TranscriptParser {

    private final TranscriptExtractor extractor;

    public TranscriptParser(ParseConfig config) {
        this.extractor = new TranscriptExtractor(
                new ParseLimits(config.maxChars(), config.maxDepth(), config.deadline()));
    }

    public TranscriptParsed parse(TranscriptFetched raw) {
        requireField(raw.documentId(), "documentId");
        requireField(raw.contentType(), "contentType");
        if (raw.body() == null) {
            throw new MalformedEventException("transcript.fetched has no body");
        }
        ExtractedTranscript extracted = extractor.extract(raw.body(), raw.contentType(), raw.sourceUrl());
        return new TranscriptParsed(
                TranscriptParsed.eventIdFor(raw.documentId(), raw.contentHash(), TranscriptExtractor.PARSER_VERSION),
                EventTypes.TRANSCRIPT_PARSED, raw.documentId(), raw.sourceUrl(), raw.contentHash(),
                TranscriptExtractor.PARSER_VERSION, extracted.kind(), extracted.title(), extracted.publishedAt(),
                extracted.location(), extracted.language(), extracted.statements(), extracted.remarks(),
                extracted.source(), extracted.tags(), extracted.persons(), raw.fetchedAt());
    }

    private static void requireField(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("transcript.fetched has no " + field);
        }
    }
}
