package io.verbatim.parse.extract;

import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

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
 * ({@link StageRemarks}) and the attribution of unlabelled one-voice texts ({@link AuthorAttribution}).
 */
public final class TranscriptExtractor {

    public static final String PARSER_VERSION = "0.3.0";

    /** The default size limit: a transcript page is well under a megabyte, the longest news conferences a few. */
    public static final int DEFAULT_MAX_CHARS = ParseLimits.DEFAULT_MAX_CHARS;

    /** Control characters (other than tab, line feed, carriage return, form feed) or U+FFFD beyond this share. */
    private static final double MAX_NON_TEXT_SHARE = 0.01;

    private final ParseLimits limits;
    private final SpeakerLabelParser labels = new SpeakerLabelParser();
    private final KremlinPageReader kremlinReader;
    private final GenericHtmlReader genericHtmlReader;
    private final PlainTextTranscriptReader textReader;
    private final TurnAssembler assembler;

    public TranscriptExtractor() {
        this(ParseLimits.DEFAULTS);
    }

    /** An extractor that refuses bodies of more than {@code maxChars} characters, with the other default bounds. */
    public TranscriptExtractor(int maxChars) {
        this(new ParseLimits(maxChars, ParseLimits.DEFAULT_MAX_DEPTH, ParseLimits.DEFAULT_DEADLINE));
    }

    /** An extractor that refuses whatever exceeds one of {@code limits}. */
    public TranscriptExtractor(ParseLimits limits) {
        this.limits = limits;
        this.kremlinReader = new KremlinPageReader(labels, limits);
        this.genericHtmlReader = new GenericHtmlReader(labels, limits);
        this.textReader = new PlainTextTranscriptReader(labels, limits);
        this.assembler = new TurnAssembler(labels, limits);
    }

    /**
     * Extracts the transcript of one document.
     *
     * @param body        the document text
     * @param contentType text/html, text/plain or text/markdown; parameters such as {@code ;charset=utf-8} may follow
     * @param sourceUrl   where the document came from, or null
     * @throws UnparseableDocumentException for an empty body, an unsupported content type, a body that is not text,
     *                                      or one that exceeds a bound of {@link ParseLimits}: too many characters,
     *                                      too many HTML elements, elements nested too deep, too many paragraphs, too
     *                                      many inline remarks, or a parse that takes longer than the deadline
     */
    public ExtractedTranscript extract(String body, String contentType, String sourceUrl) {
        ParseDeadline deadline = ParseDeadline.start(limits.deadline());
        String mediaType = mediaType(contentType);
        checkBody(body);
        SourceDocument document = switch (mediaType) {
            case "text/html", "application/xhtml+xml" -> readHtml(body, sourceUrl, deadline);
            case "text/plain" -> textReader.read(body, false, deadline);
            case "text/markdown", "text/x-markdown" -> textReader.read(body, true, deadline);
            default -> throw new UnparseableDocumentException("unsupported content type \"" + contentType.strip()
                    + "\": the parser reads text/html, text/plain and text/markdown");
        };
        deadline.check();
        ExtractedTranscript transcript = assembler.assemble(document, deadline);
        deadline.check();
        return transcript;
    }

    private SourceDocument readHtml(String body, String sourceUrl, ParseDeadline deadline) {
        // jsoup builds the whole page before any other bound is counted: its elements are counted in the text first
        limits.checkElements(body);
        // jsoup stops nesting at its own maximum depth (512 by default; it flattens what lies deeper): at least one
        // level more than the bound, so that the check below sees a page that went past it. A lower jsoup maximum
        // made jsoup itself fail on some deep pages (IndexOutOfBoundsException while reconstructing formatting
        // elements), so it is never set below jsoup's default.
        Parser parser = Parser.htmlParser();
        parser.setMaxDepth(Math.max(parser.getMaxDepth(), limits.maxDepth() + 2));
        Document page;
        try {
            page = parser.parseInput(deadline.reader(body), sourceUrl == null ? "" : sourceUrl);
        } catch (UnparseableDocumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnparseableDocumentException("the HTML parser (jsoup) could not read the document: " + e);
        }
        checkDepth(page);
        deadline.check();
        if (KremlinPageReader.isKremlinPage(sourceUrl, page)) {
            return kremlinReader.read(page, deadline);
        }
        return genericHtmlReader.read(page, deadline);
    }

    /** Refuses a page whose elements nest deeper than the bound, counting the {@code <html>} element as 1. */
    private void checkDepth(Document page) {
        Element element = page.firstElementChild();
        int depth = 1;
        while (element != null) {
            if (depth > limits.maxDepth()) {
                throw new UnparseableDocumentException(String.format(Locale.ROOT,
                        "the document nests HTML elements more than %,d deep; the parser's limit is %,d"
                                + " (verbatim.parse.max-depth)", limits.maxDepth(), limits.maxDepth()));
            }
            Element child = element.firstElementChild();
            if (child != null) {
                element = child;
                depth++;
                continue;
            }
            while (element != page && element.nextElementSibling() == null) {
                element = element.parent();
                depth--;
            }
            element = element == page ? null : element.nextElementSibling();
        }
    }

    private void checkBody(String body) {
        if (body == null || body.isBlank()) {
            throw new UnparseableDocumentException("the document is empty: there is no text to parse");
        }
        if (body.length() > limits.maxChars()) {
            throw new UnparseableDocumentException(String.format(Locale.ROOT,
                    "the document has %,d characters; the parser's limit is %,d", body.length(), limits.maxChars()));
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
