package io.verbatim.parse.extract;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns one fetched document into speaker turns. Pure and stateless: no Quarkus, no I/O, safe to share.
 *
 * <p>Each format has its reader, and all readers feed the {@link TurnAssembler}, which applies the annotation rules:
 * <ul>
 *   <li>text/html from kremlin.ru (by the source address or the page's own markup): {@link KremlinPageReader};</li>
 *   <li>any other text/html: {@link GenericHtmlReader}, which first finds the main content;</li>
 *   <li>text/plain and text/markdown: {@link PlainTextTranscriptReader}.</li>
 * </ul>
 * They share the label rules ({@link SpeakerLabelParser}, {@link HtmlParagraphs}), the remark rules
 * ({@link StageRemarks}) and the attribution of unlabelled one-voice texts ({@link AddressAttribution}).
 */
public final class TranscriptExtractor {

    public static final String PARSER_VERSION = "0.2.0";

    /** The default size limit: a transcript page is well under a megabyte, the longest news conferences a few. */
    public static final int DEFAULT_MAX_CHARS = 4_000_000;

    /** Control characters (other than tab, line feed, carriage return, form feed) or U+FFFD beyond this share. */
    private static final double MAX_NON_TEXT_SHARE = 0.01;

    private final int maxChars;
    private final SpeakerLabelParser labels = new SpeakerLabelParser();
    private final KremlinPageReader kremlinReader = new KremlinPageReader(labels);
    private final GenericHtmlReader genericHtmlReader = new GenericHtmlReader(labels);
    private final PlainTextTranscriptReader textReader = new PlainTextTranscriptReader(labels);
    private final TurnAssembler assembler = new TurnAssembler(labels);

    public TranscriptExtractor() {
        this(DEFAULT_MAX_CHARS);
    }

    /** An extractor that refuses bodies of more than {@code maxChars} characters. */
    public TranscriptExtractor(int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive, was " + maxChars);
        }
        this.maxChars = maxChars;
    }

    /**
     * Extracts the transcript of one document.
     *
     * @param body        the document text
     * @param contentType text/html, text/plain or text/markdown; parameters such as {@code ;charset=utf-8} may follow
     * @param sourceUrl   where the document came from, or null
     * @throws UnparseableDocumentException for an empty body, an unsupported content type, a body over the size
     *                                      limit, or a body that is not text
     */
    public ExtractedTranscript extract(String body, String contentType, String sourceUrl) {
        String mediaType = mediaType(contentType);
        checkBody(body);
        SourceDocument document = switch (mediaType) {
            case "text/html", "application/xhtml+xml" -> readHtml(body, sourceUrl);
            case "text/plain" -> textReader.read(body, false);
            case "text/markdown", "text/x-markdown" -> textReader.read(body, true);
            default -> throw new UnparseableDocumentException("unsupported content type \"" + contentType.strip()
                    + "\": the parser reads text/html, text/plain and text/markdown");
        };
        return assembler.assemble(document);
    }

    private SourceDocument readHtml(String body, String sourceUrl) {
        Document page = Jsoup.parse(body, sourceUrl == null ? "" : sourceUrl);
        if (KremlinPageReader.isKremlinPage(sourceUrl, page)) {
            return kremlinReader.read(page);
        }
        return genericHtmlReader.read(page);
    }

    private void checkBody(String body) {
        if (body == null || body.isBlank()) {
            throw new UnparseableDocumentException("the document is empty: there is no text to parse");
        }
        if (body.length() > maxChars) {
            throw new UnparseableDocumentException(String.format(Locale.ROOT,
                    "the document has %,d characters; the parser's limit is %,d", body.length(), maxChars));
        }
        int nul = body.indexOf('\0');
        if (nul >= 0) {
            throw new UnparseableDocumentException(String.format(Locale.ROOT,
                    "the document is not text: it holds a NUL byte at character %,d (a binary file or the wrong"
                            + " character encoding?)", nul));
        }
        int nonText = 0;
        for (int i = 0; i < body.length(); i++) {
            if (isNonText(body.charAt(i))) {
                nonText++;
            }
        }
        if (nonText > Math.max(8, body.length() * MAX_NON_TEXT_SHARE)) {
            throw new UnparseableDocumentException(String.format(Locale.ROOT,
                    "the document is not text: %,d of its %,d characters are control characters or U+FFFD"
                            + " replacement characters (a binary file or the wrong character encoding?)",
                    nonText, body.length()));
        }
    }

    private static boolean isNonText(char c) {
        if (c >= ' ' && c < '\u007f') {
            return false; // printable ASCII, most of any document
        }
        return c == '\ufffd' || (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f');
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new UnparseableDocumentException("the document has no content type: the parser reads text/html,"
                    + " text/plain and text/markdown");
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }
}
