package io.verbatim.parse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pathological documents of issue 12, each with the bound that now holds it. The only wall-clock limits are JUnit
 * {@code @Timeout}s of {@value #GENEROUS_SECONDS} s (in a separate thread, so a runaway parse fails the test at the
 * limit): the parses take well under a second, so a machine ten or thirty times slower still passes, while the
 * findings' behaviour (minutes of backtracking, an OutOfMemoryError) still fails. Where linear work is the point, the
 * parse runs with the default size and depth bounds but a deadline it cannot reach ({@link #patient}), so a slow
 * machine does not turn a parse into a refusal; where the deadline is the point, it is set from a measured parse on
 * the same machine. Speed figures are parse-benchmarks' business.
 */
class TranscriptExtractorHostileInputTest {

    private static final int GENEROUS_SECONDS = 120;
    private static final String NESTED_BOLD = "<p><i>i</i>" + "<b>".repeat(600) + "y ".repeat(500_000) + "</p>";

    private final TranscriptExtractor extractor = new TranscriptExtractor();
    /** The default bounds, but a deadline no test reaches. */
    private final TranscriptExtractor patient = new TranscriptExtractor(new ParseLimits(ParseLimits.DEFAULT_MAX_CHARS,
            ParseLimits.DEFAULT_MAX_DEPTH, Duration.ofHours(1)));
    /**
     * The default bounds on characters and depth, a deadline no test reaches and no bound on paragraphs or on HTML
     * elements: for the tests of linear work over more paragraphs than the default bound allows.
     */
    private final TranscriptExtractor patientWithoutParagraphBound = new TranscriptExtractor(new ParseLimits(
            ParseLimits.DEFAULT_MAX_CHARS, ParseLimits.DEFAULT_MAX_DEPTH, Duration.ofHours(1), Integer.MAX_VALUE,
            Integer.MAX_VALUE, ParseLimits.DEFAULT_MAX_REMARKS));

    /**
     * Issue 12, finding 1: the all-bold check copied the paragraph's text once per nested {@code <b>}: 600 copies of a
     * megabyte, an OutOfMemoryError in a 512 MB heap. With the nesting bound raised past the 600 levels, the page is
     * read in one pass and is not mistaken for a bold sub-heading (its first word is italic).
     */
    @Test
    @Timeout(value = GENEROUS_SECONDS, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aParagraphUnderSixHundredNestedBoldElementsIsReadInLinearTime() {
        TranscriptExtractor deep = new TranscriptExtractor(new ParseLimits(4_000_000, 1_000, Duration.ofHours(1)));

        ExtractedTranscript result = deep.extract(NESTED_BOLD, "text/html", null);

        assertThat(result.kind()).isEqualTo("readout");
        assertThat(result.statements()).isEmpty();
    }

    /** Issue 12, finding 1, with the default bounds: 600 levels are more than the 256 the parser reads. */
    @Test
    @Timeout(value = GENEROUS_SECONDS, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void sixHundredNestedBoldElementsAreRefusedNamingTheDepthBound() {
        assertThatThrownBy(() -> patient.extract(NESTED_BOLD, "text/html", null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessage("the document nests HTML elements more than 256 deep; the parser's limit is 256"
                        + " (verbatim.parse.max-depth)");
    }

    @Test
    void nestingUpToTheBoundIsRead() {
        String page = "<div>".repeat(200) + "<p><b>Jane Doe:</b> Hello.</p><p><b>John Roe:</b> Hi.</p>";

        ExtractedTranscript result = extractor.extract(page, "text/html", null);

        assertThat(result.statements()).extracting(s -> s.speaker().name()).containsExactly("Jane Doe", "John Roe");
    }

    @Test
    void aConfiguredDepthBoundIsApplied() {
        TranscriptExtractor shallow = new TranscriptExtractor(new ParseLimits(1_000, 20, Duration.ofSeconds(30)));
        String page = "<div>".repeat(30) + "<p><b>Jane Doe:</b> Hello.</p>";

        assertThatThrownBy(() -> shallow.extract(page, "text/html", null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessageContaining("more than 20 deep");
    }

    /**
     * Issue 12, finding 2: after a bold run, a regular expression with an unanchored {@code [\s\u00a0]*} backtracked
     * over 200,000 spaces (no answer after 120 s). The white space is now consumed once.
     */
    @Test
    @Timeout(value = GENEROUS_SECONDS, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void twoHundredThousandSpacesAfterABoldRunAreReadInLinearTime() {
        String page = "<p><b>A</b>" + " ".repeat(200_000) + "x</p>";

        ExtractedTranscript result = patient.extract(page, "text/html", null);

        assertThat(result.statements()).isEmpty();
    }

    /** Issue 12, finding 2 (same family): a bold label whose colon follows a megabyte of white space still counts. */
    @Test
    @Timeout(value = GENEROUS_SECONDS, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aColonAfterAMegabyteOfWhiteSpaceStillEndsABoldLabel() {
        String page = "<p><b>Jane Doe</b>" + " \u00a0".repeat(500_000) + ": Hello.</p><p><b>John Roe:</b> Hi.</p>";

        ExtractedTranscript result = patient.extract(page, "text/html", null);

        assertThat(result.statements()).extracting(s -> s.speaker().name()).containsExactly("Jane Doe", "John Roe");
    }

    /** Issue 12, finding 2 (same family): in plain text, the label pattern ran once per label length over the run. */
    @Test
    @Timeout(value = GENEROUS_SECONDS, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aLabelFollowedByAMegabyteOfWhiteSpaceAndNoColonIsReadInLinearTime() {
        String text = "Vladimir Putin" + " \t\u00a0".repeat(333_000) + "x: y";

        ExtractedTranscript result = patient.extract(text, "text/plain", null);

        assertThat(result.statements()).isEmpty();
    }

    /**
     * Class 34 (time stamps before the colon): a name of a megabyte that never reaches a bracket, and a megabyte of
     * opening brackets, are rejected after the 140 characters the name may have, in one pass each.
     */
    @Test
    @Timeout(value = GENEROUS_SECONDS, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aMegabyteBeforeATimeStampOrOfOpeningBracketsIsReadInLinearTime() {
        String longName = "Jane Doe: Hello.\n\n" + "Name ".repeat(200_000) + "(00:01): x\n\nJohn Roe: Hi.";
        String brackets = "Jane Doe: Hello.\n\n" + "(".repeat(1_000_000) + "00:01): x\n\nJohn Roe: Hi.";

        assertThat(patient.extract(longName, "text/plain", null).statements()).extracting(s -> s.speaker().name())
                .containsExactly("Jane Doe", "John Roe");
        assertThat(patient.extract(brackets, "text/plain", null).statements()).extracting(s -> s.speaker().name())
                .containsExactly("Jane Doe", "John Roe");
    }

    /** Class 34: fifty thousand time-stamped labels are counted in one pass, not compared pairwise. */
    @Test
    @Timeout(value = GENEROUS_SECONDS, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void fiftyThousandTimeStampedLabelsAreReadInOnePass() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            text.append(i % 2 == 0 ? "Jane Doe" : "John Roe").append(" (00:").append(String.format("%02d", i % 60))
                    .append("): Words.\n\n");
        }

        ExtractedTranscript result = patientWithoutParagraphBound.extract(text.toString(), "text/plain", null);

        assertThat(result.statements()).hasSize(50_000);
    }

    /**
     * Class 38: one block of a hundred thousand lines, each opening with a label that recurs, is split in passes
     * that each read a line once, not by comparing lines with each other.
     */
    @Test
    @Timeout(value = GENEROUS_SECONDS, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void oneBlockOfAHundredThousandLabelledLinesIsSplitInLinearPasses() {
        StringBuilder text = new StringBuilder("Interview with Jane Doe\n\n");
        for (int i = 0; i < 100_000; i++) {
            text.append(i % 2 == 0 ? "Interviewer" : "Jane Doe").append(": Words.\n");
        }

        ExtractedTranscript result = patientWithoutParagraphBound.extract(text.toString(), "text/plain", null);

        assertThat(result.statements()).hasSize(100_000);
    }

    /** Issue 12 (same family): the separator pattern recursed once per star and overflowed the stack. */
    @Test
    @Timeout(value = GENEROUS_SECONDS, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aMegabyteOfSeparatorStarsIsReadWithoutOverflowingTheStack() {
        String text = "Jane Doe: Hello.\n\n" + "* ".repeat(500_000) + "\n\nJohn Roe: Hi.";

        ExtractedTranscript result = patient.extract(text, "text/plain", null);

        assertThat(result.statements()).extracting(s -> s.speaker().name()).containsExactly("Jane Doe", "John Roe");
    }

    @Test
    void separatorsAreStillRecognised() {
        assertThat(StageRemarks.isSeparator("* * *")).isTrue();
        assertThat(StageRemarks.isSeparator("•••")).isTrue();
        assertThat(StageRemarks.isSeparator("-_=-")).isTrue();
        assertThat(StageRemarks.isSeparator("* *")).isFalse();
        assertThat(StageRemarks.isSeparator(" * * *")).isFalse();
        assertThat(StageRemarks.isSeparator("* * * x")).isFalse();
        assertThat(StageRemarks.isSeparator("--- x")).isFalse();
    }

    /**
     * Issue 12 (thousands of labels): every label was compared with every bare name of the document, quadratic in the
     * number of distinct labels (a megabyte of them took the parser past its deadline).
     */
    @Test
    @Timeout(value = GENEROUS_SECONDS, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void fiftyThousandDistinctLabelsAreResolvedWithoutComparingEachWithEveryOther() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            text.append("Given Surname").append(letters(i)).append(": Words.\n\n");
        }

        ExtractedTranscript result = patientWithoutParagraphBound.extract(text.toString(), "text/plain", null);

        assertThat(result.statements()).hasSize(50_000);
    }

    @Test
    void theFullerOfTwoKnownNamesThatEndALabelNamesTheSpeaker() {
        String text = "Recep Tayyip Erdogan: One.\n\nTayyip Erdogan: Two.\n\nPresident Recep Tayyip Erdogan: Three.";

        ExtractedTranscript result = extractor.extract(text, "text/plain", null);

        assertThat(result.statements()).extracting(s -> s.speaker().name()).containsOnly("Recep Tayyip Erdogan");
        assertThat(result.statements()).extracting(s -> s.speaker().role()).contains("President");
    }

    @Test
    void aParseThatOutlastsTheDeadlineIsRefusedNamingTheBound() {
        TranscriptExtractor hasty = new TranscriptExtractor(new ParseLimits(4_000_000, 256, Duration.ofNanos(1)));

        assertThatThrownBy(() -> hasty.extract("<p><b>Jane Doe:</b> Hello.</p>", "text/html", null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessage("the document took longer to parse than the parser's deadline of 0 ms"
                        + " (verbatim.parse.deadline)");
        assertThatThrownBy(() -> hasty.extract("Jane Doe: Hello.", "text/plain", null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessageContaining("deadline");
    }

    /**
     * The deadline is checked inside the parser's loops: a long parse stops soon after it, not at its end. The
     * deadline is a tenth of the whole parse measured just before on the same machine, so the comparison holds however
     * fast or slow the machine is.
     */
    @Test
    @Timeout(value = 5 * GENEROUS_SECONDS, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theDeadlineStopsALongParseWhileItRuns() {
        StringBuilder page = new StringBuilder();
        while (page.length() < 1_000_000) {
            page.append("<p><b>Speaker ").append(page.length()).append(":</b> (Laughter.) words, words</p>");
        }
        long whole = measure(() -> patient.extract(page.toString(), "text/html", null));
        Duration tenth = Duration.ofNanos(Math.max(1_000_000, whole / 10));
        TranscriptExtractor hasty = new TranscriptExtractor(new ParseLimits(4_000_000, 256, tenth));

        long refusal = measure(() -> assertThatThrownBy(() -> hasty.extract(page.toString(), "text/html", null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessageContaining("took longer to parse than the parser's deadline"));

        assertThat(refusal).as("ns to refuse with a deadline of %s, against %d ns for the whole parse", tenth, whole)
                .isLessThan(whole);
    }

    /**
     * An occupation label in ordinary case is read as speech only when its line ends a sentence (class 37); that check
     * once ran its pattern over the whole paragraph, and a paragraph of ")" took quadratic time: 100,000 of them ran
     * past a minute, where one match cannot be stopped by the deadline (hostile-input probe, ninth session).
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aLabelsSpeechOfClosingBracketsIsLookedAtOnlyAtItsEnd() {
        String text = "Title\n\nJane Doe: Hello.\n\nEngineer: " + ")".repeat(200_000) + "x\n\nJohn Roe: Hi.\n";

        ExtractedTranscript transcript = extractor.extract(text, "text/plain", null);

        assertThat(transcript.statements()).extracting(s -> s.speaker().name()).containsExactly("Jane Doe", "John Roe");
    }

    /**
     * A label at the start of a wrapped line splits the block (issue 11, held-out documents): every line of a
     * block of megabytes is looked at once, with or without a label on it, so neither 60,000 labelled lines nor
     * 100,000 unlabelled ones cost more than a pass (a copy of the block so far per line would be billions of
     * characters).
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aBlockOfAHundredThousandWrappedLinesIsSplitInOnePass() {
        String known = "PRESIDENT ALVAREZ:  Hello.\n\nPRIME MINISTER KELL:  Hi.\n\nPRESIDENT ALVAREZ:  Yes.\n\n";
        String labelled = known + "PRIME MINISTER KELL:  x\n" + "PRESIDENT ALVAREZ:  y\n".repeat(60_000);
        String unlabelled = known + "PRIME MINISTER KELL:  x\n" + "and so on, words\n".repeat(100_000);

        TranscriptExtractor unboundedParagraphs = new TranscriptExtractor(new ParseLimits(ParseLimits.DEFAULT_MAX_CHARS,
                ParseLimits.DEFAULT_MAX_DEPTH, ParseLimits.DEFAULT_DEADLINE, Integer.MAX_VALUE));
        ExtractedTranscript split = unboundedParagraphs.extract(labelled, "text/plain", null);
        ExtractedTranscript joined = unboundedParagraphs.extract(unlabelled, "text/plain", null);

        assertThat(split.statements()).hasSize(5);
        assertThat(split.statements().get(4).paragraphs()).hasSize(60_000);
        assertThat(joined.statements()).hasSize(4);
        assertThat(joined.statements().get(3).paragraphs()).singleElement();
    }

    /**
     * The bound on paragraphs (a bounds review of issue 11's classes): four million characters of one-line turns,
     * "Q: a" and a blank line, made a turn each, 1.3 million turns and a heap of about 256 MB, for a document that no
     * transcript resembles. Now it is refused once its paragraphs pass the bound, in plain text and in HTML; with the
     * default bounds the HTML version (444,000 start tags) is refused before that, by the bound on HTML elements.
     */
    @Test
    @Timeout(value = GENEROUS_SECONDS, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void fourMillionCharactersOfOneLineTurnsAreRefusedNamingTheParagraphBound() {
        String text = "Jane Doe: Hello.\n\n" + "Q: a\n\n".repeat(3_999_000 / 6);
        String html = "<p><b>Jane Doe:</b> Hello.</p>" + "<p><b>Q:</b> a</p>".repeat(3_999_000 / 18);
        String inOneBlock = "Jane Doe: Hello.\n\nJohn Roe: Hi.\n" + "Jane Doe: a\nJohn Roe: b\n".repeat(100_000);
        TranscriptExtractor withoutElementBound = new TranscriptExtractor(new ParseLimits(ParseLimits.DEFAULT_MAX_CHARS,
                ParseLimits.DEFAULT_MAX_DEPTH, Duration.ofHours(1), ParseLimits.DEFAULT_MAX_PARAGRAPHS,
                Integer.MAX_VALUE, ParseLimits.DEFAULT_MAX_REMARKS));

        assertThatThrownBy(() -> patient.extract(text, "text/plain", null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessage("the document has more than 50,000 paragraphs; the parser's limit is 50,000 paragraphs"
                        + " (verbatim.parse.max-paragraphs)");
        assertThatThrownBy(() -> withoutElementBound.extract(html, "text/html", null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessage("the document has more than 50,000 paragraphs; the parser's limit is 50,000 paragraphs"
                        + " (verbatim.parse.max-paragraphs)");
        assertThatThrownBy(() -> patient.extract(html, "text/html", null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessage("the document has more than 200,000 HTML elements and comments; the parser's limit is"
                        + " 200,000 (verbatim.parse.max-elements)");
        assertThatThrownBy(() -> patient.extract(inOneBlock, "text/plain", null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessage("the document has more than 50,000 paragraphs and lines that open with a speaker label;"
                        + " the parser's limit is 50,000 paragraphs (verbatim.parse.max-paragraphs)");
    }

    /**
     * A configured bound holds exactly: as many paragraphs as the bound are read, one more is refused, in plain text,
     * in HTML and in a block whose lines open with labels (each such line may become a paragraph).
     */
    @Test
    void aConfiguredParagraphBoundIsAppliedAtItsValue() {
        TranscriptExtractor four = new TranscriptExtractor(new ParseLimits(ParseLimits.DEFAULT_MAX_CHARS,
                ParseLimits.DEFAULT_MAX_DEPTH, Duration.ofHours(1), 4));
        String fourText = "Jane Doe: One.\n\nJohn Roe: Two.\n\nJane Doe: Three.\n\nJohn Roe: Four.";
        String fourHtml = "<p><b>Jane Doe:</b> One.</p><p><b>John Roe:</b> Two.</p><p><b>Jane Doe:</b> Three.</p>"
                + "<p><b>John Roe:</b> Four.</p>";
        String twoBlocksOfFourLines = "Jane Doe: One.\n\nJohn Roe: Two.\nJane Doe: Three.\nJohn Roe: Four.";

        assertThat(four.extract(fourText, "text/plain", null).statements()).hasSize(4);
        assertThat(four.extract(fourHtml, "text/html", null).statements()).hasSize(4);
        assertThat(four.extract(twoBlocksOfFourLines, "text/plain", null).statements()).hasSize(4);
        assertThatThrownBy(() -> four.extract(fourText + "\n\nJane Doe: Five.", "text/plain", null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessageContaining("more than 4 paragraphs; the parser's limit is 4 paragraphs");
        assertThatThrownBy(() -> four.extract(fourHtml + "<p>Five.</p>", "text/html", null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessageContaining("more than 4 paragraphs; the parser's limit is 4 paragraphs");
        assertThatThrownBy(() -> four.extract(twoBlocksOfFourLines + "\nJane Doe: Five.", "text/plain", null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessageContaining("more than 4 paragraphs and lines that open with a speaker label");
    }

    /**
     * Class 44: one {@code <p>} of a hundred thousand lines, each a bold label after a line break, is split in one
     * pass over its nodes (each line is copied once to be read); with the default bound on paragraphs it is refused as
     * it is split (its 200,000-odd start tags are refused by the default bound on HTML elements before that).
     */
    @Test
    @Timeout(value = GENEROUS_SECONDS, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aParagraphOfAHundredThousandLabelledLinesIsSplitInOnePass() {
        String page = "<p><b>John Roe:</b> Hi.</p><p><b>Jane Doe:</b> Hello."
                + "<br><b>John Roe:</b> a<br><b>Jane Doe:</b> b".repeat(50_000) + "</p>";

        ExtractedTranscript result = patientWithoutParagraphBound.extract(page, "text/html", null);

        assertThat(result.statements()).hasSize(100_002);
        TranscriptExtractor withoutElementBound = new TranscriptExtractor(new ParseLimits(ParseLimits.DEFAULT_MAX_CHARS,
                ParseLimits.DEFAULT_MAX_DEPTH, Duration.ofHours(1), ParseLimits.DEFAULT_MAX_PARAGRAPHS,
                Integer.MAX_VALUE, ParseLimits.DEFAULT_MAX_REMARKS));
        assertThatThrownBy(() -> withoutElementBound.extract(page, "text/html", null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessageContaining("more than 50,000 paragraphs");
        assertThatThrownBy(() -> patient.extract(page, "text/html", null))
                .isInstanceOf(UnparseableDocumentException.class)
                .hasMessageContaining("more than 200,000 HTML elements and comments");
    }

    /**
     * The bound on HTML elements (an adversarial review of the bounds): jsoup builds the whole page before any other
     * bound is counted, and four million characters of {@code <p>a} (997,500 elements) ran out of a 128 MB heap inside
     * jsoup. The start tags, comments and element-making end tags are counted in the text first: at the default bound,
     * 200,000 elements are read, one more is refused, and so is the million.
     */
    @Test
    @Timeout(value = GENEROUS_SECONDS, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void htmlElementsAreCountedBeforeJsoupAndRefusedPastTheBound() {
        String atTheBound = "<i></i>".repeat(200_000);
        String refusal = "the document has more than 200,000 HTML elements and comments; the parser's limit is 200,000"
                + " (verbatim.parse.max-elements)";

        assertThat(patient.extract(atTheBound, "text/html", null).kind()).isEqualTo("readout");
        assertThatThrownBy(() -> patient.extract(atTheBound + "<i>", "text/html", null))
                .isInstanceOf(UnparseableDocumentException.class).hasMessage(refusal);
        assertThatThrownBy(() -> patient.extract("<p>a".repeat(997_500), "text/html", null))
                .isInstanceOf(UnparseableDocumentException.class).hasMessage(refusal);
        assertThatThrownBy(() -> patient.extract("<p>a".repeat(997_500), "application/xhtml+xml", null))
                .isInstanceOf(UnparseableDocumentException.class).hasMessage(refusal);
        // the count is of HTML only: the same text as plain text is not refused by it
        assertThat(patient.extract("<i></i>".repeat(200_001), "text/plain", null)
                .kind()).isEqualTo("readout");
    }

    /**
     * A configured bound on elements holds exactly, and counts what makes a node in jsoup's page: start tags, comments
     * and other {@code <!} or {@code <?} markup, and {@code </p>} and {@code </br>}, which make an element where none
     * is open; other end tags, and a {@code <} before anything else, make none and are not counted.
     */
    @Test
    void aConfiguredElementBoundIsAppliedAtItsValue() {
        TranscriptExtractor eight = new TranscriptExtractor(new ParseLimits(ParseLimits.DEFAULT_MAX_CHARS,
                ParseLimits.DEFAULT_MAX_DEPTH, Duration.ofHours(1), ParseLimits.DEFAULT_MAX_PARAGRAPHS, 8,
                ParseLimits.DEFAULT_MAX_REMARKS));
        // 6 start tags, </P > and a comment; not </b>, </div>, </span>, </pre>, </body>, </html>, <3 or < b
        String eightElements = "<html><body><p><b>Jane Doe:</b> One &lt; two, 1 <3, a < b.</div></span></P >"
                + "<p><b>John Roe:</b> Two.<!-- x --></pre></body></html>";
        // a doctype, 3 start tags, a comment, a processing instruction, </p> and </br>
        String eightWithComments = "<!DOCTYPE html><p><b>Jane Doe:</b> One.<br><!-- x --><?x?></p></br></i>";

        assertThat(eight.extract(eightElements, "text/html", null).statements()).hasSize(2);
        assertThat(eight.extract(eightWithComments, "text/html", null).statements()).hasSize(1);
        for (String oneMore : new String[] {"<i>", "<!---->", "<?x>", "</p>", "</BR>", "<!x>"}) {
            assertThatThrownBy(() -> eight.extract(eightElements + oneMore, "text/html", null)).as(oneMore)
                    .isInstanceOf(UnparseableDocumentException.class)
                    .hasMessage("the document has more than 8 HTML elements and comments; the parser's limit is 8"
                            + " (verbatim.parse.max-elements)");
        }
    }

    /**
     * The bound on inline remarks (an adversarial review of the bounds): one turn of {@code <…>} or "(Laughter.)"
     * repeated made a remark each, over a million in four million characters, and ran out of a 128 MB heap. The
     * remarks are counted as they are collected: at the default bound, 50,000 are read, one more is refused, and so
     * are the millions.
     */
    @Test
    @Timeout(value = GENEROUS_SECONDS, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void inlineRemarksAreCountedAsTheyAreCollectedAndRefusedPastTheBound() {
        String turns = "Jane Doe: Hello.\n\nJohn Roe: ";
        String refusal = "the document has more than 50,000 inline remarks; the parser's limit is 50,000"
                + " (verbatim.parse.max-remarks)";

        ExtractedTranscript atTheBound = patient.extract(turns + "<…>".repeat(50_000),
                "text/plain", null);

        assertThat(atTheBound.statements()).hasSize(2);
        assertThat(atTheBound.statements().get(1).remarks()).hasSize(50_000);
        assertThatThrownBy(() -> patient.extract(turns + "<…>".repeat(50_001),
                "text/plain", null)).isInstanceOf(UnparseableDocumentException.class).hasMessage(refusal);
        assertThatThrownBy(() -> patient.extract(turns + "<…>".repeat(3_999_000 / 3), "text/plain", null))
                .isInstanceOf(UnparseableDocumentException.class).hasMessage(refusal);
        assertThatThrownBy(() -> patient.extract(turns + "(Laughter) ".repeat(3_999_000 / 11), "text/plain", null))
                .isInstanceOf(UnparseableDocumentException.class).hasMessage(refusal);
    }

    /** A configured bound on remarks holds exactly, over all the turns of a document. */
    @Test
    void aConfiguredRemarkBoundIsAppliedAtItsValueOverTheWholeDocument() {
        TranscriptExtractor three = new TranscriptExtractor(new ParseLimits(ParseLimits.DEFAULT_MAX_CHARS,
                ParseLimits.DEFAULT_MAX_DEPTH, Duration.ofHours(1), ParseLimits.DEFAULT_MAX_PARAGRAPHS,
                ParseLimits.DEFAULT_MAX_ELEMENTS, 3));
        String threeRemarks = "Jane Doe: Hello. (Laughter.) Yes.\n\nJohn Roe: Hi. [Applause] No. (Laughter.) Maybe.";

        ExtractedTranscript result = three.extract(threeRemarks, "text/plain", null);

        assertThat(result.statements()).extracting(s -> s.remarks().size()).containsExactly(1, 2);
        assertThatThrownBy(() -> three.extract(threeRemarks + "\n\nJane Doe: Well. (Laughter.) So.", "text/plain",
                null)).isInstanceOf(UnparseableDocumentException.class)
                .hasMessage("the document has more than 3 inline remarks; the parser's limit is 3"
                        + " (verbatim.parse.max-remarks)");
    }

    /**
     * Tags are collected in a set (an adversarial review of the paragraph bound): front matter listing 100,000
     * distinct tags took 9 s and its 4-million-character version ran past 300 s with no refusal, as each tag was
     * compared with every one before it; so were 130,000 tag links of a Kremlin page (10-19 s).
     */
    @Test
    @Timeout(value = GENEROUS_SECONDS, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hundredsOfThousandsOfDistinctTagsAreCollectedInLinearTime() {
        StringBuilder frontMatter = new StringBuilder("---\ntitle: Tagged\ntags: [");
        StringBuilder kremlin = new StringBuilder("<html><body><div class=\"read__internal_content\">"
                + "<p><b>Vladimir Putin:</b> Hello.</p></div><div class=\"read__tags\">");
        for (int i = 0; frontMatter.length() < 3_900_000; i++) {
            frontMatter.append(i == 0 ? "" : ", ").append("tag").append(letters(i));
            if (i < 90_000) {
                kremlin.append("<a rel=\"tag\" href=\"/t/").append(i).append("\">t").append(letters(i)).append("</a>");
            }
        }
        String markdown = frontMatter.append("]\n---\nJane Doe: Hello.\n\nJohn Roe: Hi.\n").toString();
        String page = kremlin.append("</div></body></html>").toString();

        ExtractedTranscript tagged = patient.extract(markdown, "text/markdown", null);
        ExtractedTranscript kremlinTagged = patient.extract(page, "text/html", "http://en.kremlin.ru/events/1");

        assertThat(tagged.tags()).hasSizeGreaterThan(400_000).doesNotHaveDuplicates();
        assertThat(kremlinTagged.tags()).hasSize(90_000);
    }

    /** 0 is "a", 25 "z", 26 "ba": distinct letters-only words. */
    private static String letters(int number) {
        StringBuilder word = new StringBuilder();
        int rest = number;
        do {
            word.insert(0, (char) ('a' + rest % 26));
            rest /= 26;
        } while (rest > 0);
        return word.toString();
    }

    private static long measure(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }
}
