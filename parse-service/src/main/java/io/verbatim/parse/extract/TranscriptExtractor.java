package io.verbatim.parse.extract;

import java.util.Locale;

/**
 * Turns one fetched document into speaker turns. Pure and stateless: no Quarkus, no I/O, safe to share.
 *
 * <p>text/html pages go through {@link KremlinPageReader}, text/plain and text/markdown through
 * {@link PlainTextTranscriptReader}; both feed the {@link TurnAssembler}, which applies the annotation rules.
 */
public final class TranscriptExtractor {

    public static final String PARSER_VERSION = "0.1.0";

    /** Bodies beyond this size are refused rather than parsed (a transcript page is well under a megabyte). */
    static final int MAX_BODY_CHARS = 20_000_000;

    private final SpeakerLabelParser labels = new SpeakerLabelParser();
    private final KremlinPageReader htmlReader = new KremlinPageReader(labels);
    private final PlainTextTranscriptReader textReader = new PlainTextTranscriptReader(labels);
    private final TurnAssembler assembler = new TurnAssembler(labels);

    /**
     * Extracts the transcript of one document.
     *
     * @param body        the document text
     * @param contentType text/html, text/plain or text/markdown; parameters such as {@code ;charset=utf-8} may follow
     * @param sourceUrl   where the document came from, or null
     * @throws UnparseableDocumentException for an empty body, an oversized body or an unsupported content type
     */
    public ExtractedTranscript extract(String body, String contentType, String sourceUrl) {
        if (body == null || body.isBlank()) {
            throw new UnparseableDocumentException("empty document body");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new UnparseableDocumentException("document body of " + body.length() + " characters exceeds the "
                    + MAX_BODY_CHARS + " character limit");
        }
        String mediaType = mediaType(contentType);
        SourceDocument document = switch (mediaType) {
            case "text/html", "application/xhtml+xml" -> htmlReader.read(body, sourceUrl);
            case "text/plain" -> textReader.read(body, false);
            case "text/markdown", "text/x-markdown" -> textReader.read(body, true);
            default -> throw new UnparseableDocumentException("unsupported content type: " + contentType);
        };
        return assembler.assemble(document);
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new UnparseableDocumentException("missing content type");
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }
}
