package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Documents the extractor refuses, each with a reason a person can act on. */
class TranscriptExtractorInputChecksTest {

    private final TranscriptExtractor extractor = new TranscriptExtractor();

    @Test
    void emptyBodyIsRefused() {
        assertThatThrownBy(() -> extractor.extract("", "text/html", null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessage("the document is empty: there is no text to parse");
    }

    @Test
    void unsupportedContentTypeIsRefusedNamingTheTypesThatAreRead() {
        assertThatThrownBy(() -> extractor.extract("{}", "application/json", null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessage("unsupported content type \"application/json\": the parser reads text/html, text/plain"
                        + " and text/markdown");
    }

    @Test
    void contentTypeParametersAndCaseAreAccepted() {
        String text = "Jane Doe: Hello.\n";

        ExtractedTranscript markdown = extractor.extract(text, "Text/Markdown; charset=UTF-8; variant=GFM", null);
        ExtractedTranscript plain = extractor.extract(text, " text/plain ;charset=utf-8", null);

        assertThat(markdown.statements()).hasSize(1);
        assertThat(plain.statements()).hasSize(1);
    }

    @Test
    void bodyOverTheDefaultLimitIsRefusedWithItsSizeAndTheLimit() {
        String body = "a".repeat(TranscriptExtractor.DEFAULT_MAX_CHARS + 1);

        assertThatThrownBy(() -> extractor.extract(body, "text/plain", null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessage("the document has 4,000,001 characters; the parser's limit is 4,000,000");
    }

    @Test
    void configuredLimitIsApplied() {
        TranscriptExtractor small = new TranscriptExtractor(1_000);

        assertThatThrownBy(() -> small.extract("b".repeat(1_001), "text/plain", null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessage("the document has 1,001 characters; the parser's limit is 1,000");
        assertThat(small.extract("Jane Doe: Hello.", "text/plain", null).statements()).hasSize(1);
    }

    @Test
    void bodyWithANulByteIsRefusedAsNotText() {
        String body = "Jane Doe: Hello.\u0000\u0001 more";

        assertThatThrownBy(() -> extractor.extract(body, "text/plain", null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessageStartingWith("the document is not text: it holds a NUL byte at character 16");
    }

    @Test
    void bodyOfReplacementAndControlCharactersIsRefusedAsNotText() {
        String body = "%PDF-1.7 \ufffd\ufffd\u0003\u0007\ufffd\u0010\ufffd\ufffd\u0002\ufffd\ufffd\ufffd text";

        assertThatThrownBy(() -> extractor.extract(body, "text/html", null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessageStartingWith("the document is not text: 12 of its 26 characters are control characters or"
                        + " U+FFFD replacement characters");
    }

    @Test
    void fewStrayReplacementCharactersInALongTextAreTolerated() {
        String body = "Jane Doe: " + "Words of a long speech. ".repeat(100) + "\ufffd caf\ufffd.\n";

        ExtractedTranscript transcript = extractor.extract(body, "text/plain", null);

        assertThat(transcript.statements()).hasSize(1);
    }

    @Test
    void nonPositiveLimitIsAProgrammingError() {
        assertThatThrownBy(() -> new TranscriptExtractor(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
