package io.verbatim.parse.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * The turn rules shared by every HTML reader: turns one {@code <p>} element into a {@link SourceBlock}, or into one per
 * part when a line inside it opens with a bold label after a line break.
 *
 * <p>A label is the bold run at the start of a paragraph, up to a colon that may sit inside or outside the bold, with
 * an optional bracketed annotation before the colon: {@code <b>Marine Le Pen</b> <i>(retranslated)</i><b>: </b>}.
 * A paragraph without a bold label may start with a plain-text label ("MS. PSAKI:", "Jane Doe:"), accepted by the
 * same strict rules as in plain text and only when the page holds at least {@value #MIN_PLAIN_LABELS} of them, and at
 * least one per {@value #BOLD_LABELS_PER_PLAIN_LABEL} bold labels, or when the page writes the same named label in
 * bold. A
 * parliamentary question number before the bold label ("1.", "T2. [66881]") is not speech. An all-bold paragraph
 * without a colon is a sub-heading (not speech); an
 * all-italic paragraph is a narrative remark.
 */
final class HtmlParagraphs {

    /**
     * Plain-text labels count only when at least this many paragraphs carry one: a lone "Photo Credit: …" or
     * "Update: …" in an article is not a dialogue, and a page must never yield invented turns.
     */
    static final int MIN_PLAIN_LABELS = 2;

    /**
     * On a page that marks its labels in bold, plain-text labels count as labels of their own only when there is at
     * least one for this many bold ones: a page that lost the bold of some labels may lose it on a fair share of them
     * (2 answers among 8 bold labels), while two "Question: …" or "Lipetsk, Yevgeny Zaitsev: “…”" among hundreds of
     * bold labels are messages that a host reads out, inside the host's turn. Fewer still count where the page writes
     * the same label in bold and it names a person ("Vladimir Putin:" with its bold lost on a long page).
     */
    static final int BOLD_LABELS_PER_PLAIN_LABEL = 10;

    /**
     * The colon after a bold label, at the start of the text that follows it. Possessive: white space is consumed
     * once and never given back, so a long run of it before something other than a colon fails in linear time
     * (issue 12, finding 2: with backtracking, 200,000 spaces held a thread for minutes).
     */
    private static final Pattern LEADING_COLON = Pattern.compile(
            "[\\s\\u00a0]*+(\\([^()]{1,80}\\))?[\\s\\u00a0]*+:");
    private static final Pattern BRACKETED = Pattern.compile("^\\(.*\\)$");
    /** The bracket that closes an annotation and the label's colon: "): " after {@code (<i>retranslated</i>}. */
    /** The label's colon alone at the start of a text, after an annotation closed in italics. */
    private static final Pattern COLON_ONLY = Pattern.compile("^[\\s\\u00a0]*+:");
    private static final Pattern CLOSING_BRACKET_COLON = Pattern.compile("^[\\s\\u00a0]*+\\)[\\s\\u00a0]*+:");
    /**
     * A parliamentary question number before the member's bold label ("1.", "T2.", "T2. [66881]", "Q1. [128901]"):
     * order-paper furniture, not speech, and no obstacle to the label.
     */
    private static final Pattern QUESTION_NUMBER = Pattern.compile(
            "^[\\s\\u00a0]*+(?:[TQ]?\\d{1,3}\\.)?[\\s\\u00a0]*+(?:\\[\\d{1,7}\\])?[\\s\\u00a0]*+$");
    private static final Evaluator PARAGRAPH = QueryParser.parse("p");
    private static final Pattern BRACKET_CLOSE_THEN_COLON = Pattern.compile("^[\\s\\u00a0]*\\)[\\s\\u00a0]*(?::|$)");
    /** Inline elements that may wrap a bold label run without changing it: italics, spans, fonts. */
    private static final Set<String> INLINE_WRAPPERS_OF_BOLD = Set.of("i", "em", "span", "font");
    private static final Evaluator BOLD = QueryParser.parse("b, strong");
    /** The longest ending of an opening label that class 44 keeps as a possible name. */
    private static final int MAX_NAME_ENDING = 80;
    private static final Evaluator ITALIC = QueryParser.parse("i, em");

    private final SpeakerLabelParser labels;
    private final ParseLimits limits;

    HtmlParagraphs(SpeakerLabelParser labels, ParseLimits limits) {
        this.labels = labels;
        this.limits = limits;
    }

    /** The innermost {@code <p>} elements under {@code container}, in document order. */
    static List<Element> innermostParagraphs(Element container) {
        List<Element> result = new ArrayList<>();
        for (Element paragraph : container.select(PARAGRAPH)) {
            if (!holdsParagraph(paragraph)) {
                result.add(paragraph);
            }
        }
        return result;
    }

    private static boolean holdsParagraph(Element paragraph) {
        for (Element child = paragraph.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (child.selectFirst(PARAGRAPH) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The blocks of the given paragraphs. A one-word plain-text label counts only when it is generic or the surname of
     * a fuller label of the same document, as in plain text.
     */
    List<SourceBlock> blocks(List<Element> paragraphs, ParseDeadline deadline) {
        List<SourceBlock> blocks = new ArrayList<>();
        List<Integer> plainLabelled = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        Map<Integer, String> boldOpenings = new HashMap<>(); // class 59: plain blocks opening with a bold name
        Set<String> openingLabels = anyBoldAfterLineBreak(paragraphs) ? openingBoldLabels(paragraphs, deadline)
                : Set.of();
        for (Element paragraph : paragraphs) {
            for (Element part : partsAtBoldLabelsAfterBreaks(paragraph, openingLabels, blocks.size(), deadline)) {
                deadline.check();
                SourceBlock block = block(part);
                if (block == null) {
                    continue;
                }
                if (isPlain(block)) {
                    Optional<SpeakerLabelParser.LeadingLabel> plain = labels.findLeadingLabel(block.fullText())
                            // class 34 is for plain-text transcripts only, and so is an answer written "A." (49)
                            .filter(found -> !found.timeStamped() && !found.label().equals(SpeakerLabelParser.A_DOT)
                                    && !found.lowerCaseRole()); // class 56 is for plain text too
                    if (plain.isPresent()) {
                        block = SourceBlock.labelled(plain.get().label(),
                                WhitespaceNormalizer.normalize(plain.get().rest()), block.fullText());
                        plainLabelled.add(blocks.size());
                    }
                }
                if (block.hasLabel()) {
                    candidates.add(block.label());
                } else if (isPlain(block)) {
                    String opening = boldOpeningWithoutColon(part);
                    if (opening != null) {
                        boldOpenings.put(blocks.size(), opening);
                    }
                }
                blocks.add(block);
                limits.checkParagraphs(blocks.size());
            }
        }
        labelBoldNamesThatLostTheirColon(blocks, boldOpenings, candidates);
        Set<String> pageWords = SpeakerLabelParser.oneWordLabelsOfPage(candidates);
        Set<Integer> plainIndexes = new HashSet<>(plainLabelled);
        for (int index = 0; index < blocks.size(); index++) {
            SourceBlock block = blocks.get(index);
            // class 51: a bold label that opens with a particle ("von der Leyen:") needs the page to confirm it; once
            // and alone it is a list item ("<b>van Gogh:</b> a late landscape")
            if (block.hasLabel() && !plainIndexes.contains(index) && SpeakerLabelParser.opensWithParticle(block.label())
                    && !SpeakerLabelParser.acceptableShortLabel(block.label(), pageWords)) {
                blocks.set(index, SourceBlock.plain(block.fullText()));
            }
        }
        List<Integer> accepted = new ArrayList<>();
        for (int index : plainLabelled) {
            SourceBlock block = blocks.get(index);
            if (SpeakerLabelParser.acceptableShortLabel(block.label(), pageWords)) {
                accepted.add(index);
            } else {
                blocks.set(index, SourceBlock.plain(block.fullText()));
            }
        }
        int boldLabels = candidates.size() - plainLabelled.size();
        if (accepted.size() < MIN_PLAIN_LABELS || accepted.size() * BOLD_LABELS_PER_PLAIN_LABEL < boldLabels) {
            // too few to be labels of their own; but a label that the page also writes in bold and that names a
            // person ("Vladimir Putin:") is that label with its bold lost
            Set<Integer> plain = new HashSet<>(plainLabelled);
            Set<String> boldNames = new HashSet<>();
            for (int index = 0; index < blocks.size(); index++) {
                SourceBlock block = blocks.get(index);
                if (block.hasLabel() && !plain.contains(index) && !SpeakerLabelParser.isUnnamedVoice(block.label())) {
                    boldNames.add(WhitespaceNormalizer.normalize(block.label()));
                }
            }
            for (int index : accepted) {
                if (!boldNames.contains(WhitespaceNormalizer.normalize(blocks.get(index).label()))) {
                    blocks.set(index, SourceBlock.plain(blocks.get(index).fullText()));
                }
            }
        }
        return blocks;
    }

    /**
     * The paragraph, or its parts when a line after a line break opens with a bold speaker label: two turns typed into
     * one {@code <p>} ({@code <p><b>Vladimir Putin:</b> Good afternoon.<br><b>Anna Smirnova:</b> Good afternoon.</p>})
     * are two paragraphs, as a bold label at the start of a line marks a turn as it does at the start of a paragraph
     * ({@link #opensTurnAfterLineBreak}). A line break before anything else (plain text, italics, a bold run that is no
     * such label) keeps the line in its paragraph. The parts count toward the bound on paragraphs as they are found,
     * {@code blocksBefore} being the blocks of the paragraphs before this one. Each part is a new {@code <p>} holding copies of its nodes; the page is left as it is. Linear in the
     * paragraph's nodes: each is looked at once, and only lines that open with a bold run are copied to be read.
     */
    private List<Element> partsAtBoldLabelsAfterBreaks(Element paragraph, Set<String> openingLabels, int blocksBefore,
            ParseDeadline deadline) {
        if (openingLabels.isEmpty() || !hasLineBreakChild(paragraph)) {
            return List.of(paragraph); // most paragraphs: looked at element by element, not node by node
        }
        List<Node> nodes = paragraph.childNodes();
        List<Integer> starts = new ArrayList<>();
        boolean lineStart = false;
        for (int index = 0; index < nodes.size(); index++) {
            Node node = nodes.get(index);
            if (node instanceof Element element && element.normalName().equals("br")) {
                lineStart = true;
                continue;
            }
            if (node instanceof TextNode text && WhitespaceNormalizer.isBlank(text.getWholeText())) {
                continue;
            }
            if (lineStart && node instanceof Element element && (isBoldTag(element) || isWrapperOfBold(element))) {
                deadline.check();
                BoldLabel label = boldLabel(copyOf(nodes, index, lineEnd(nodes, index)));
                if (label != null && opensTurnAfterLineBreak(label.text(), openingLabels)) {
                    starts.add(index);
                    limits.checkParagraphs(blocksBefore + starts.size() + 1); // each part becomes a block
                }
            }
            lineStart = false;
        }
        if (starts.isEmpty()) {
            return List.of(paragraph);
        }
        List<Element> parts = new ArrayList<>(starts.size() + 1);
        int from = 0;
        for (int start : starts) {
            parts.add(copyOf(nodes, from, start));
            from = start;
        }
        parts.add(copyOf(nodes, from, nodes.size()));
        return parts;
    }

    /**
     * Whether a bold label at the start of a line inside a paragraph starts a turn: a label of two or more words that
     * the page also uses to open a paragraph, itself or as the name that ends a longer label ("Maxim Oreshkin" after
     * "Minister of Economic Development Maxim Oreshkin:"), or an unnamed voice ("Question:"). A bold run and colon after
     * a line break that opens no paragraph ("<b>Economic growth:</b> …", "<b>Option one:</b> …", "<b>Editor's note:</b>
     * …") is a list or a note inside speech, not a speaker; so is a one-word one ("<b>First:</b> growth").
     */
    private boolean opensTurnAfterLineBreak(String label, Set<String> openingLabels) {
        String text = WhitespaceNormalizer.normalize(label);
        if (!labels.looksLikeLabel(label, false)) {
            return false;
        }
        if (SpeakerLabelParser.isUnnamedVoice(text)) {
            return true;
        }
        if (text.indexOf(' ') < 0) {
            return false;
        }
        return openingLabels.contains(text);
    }

    /**
     * Whether any of the paragraphs has a bold run at the start of a line after a line break: only then are the
     * page's opening labels collected (a second reading of every paragraph's label, which most pages never need).
     */
    private static boolean anyBoldAfterLineBreak(List<Element> paragraphs) {
        for (Element paragraph : paragraphs) {
            if (!hasLineBreakChild(paragraph)) {
                continue;
            }
            boolean lineStart = false;
            for (Node node : paragraph.childNodes()) {
                if (node instanceof Element element && element.normalName().equals("br")) {
                    lineStart = true;
                } else if (!(node instanceof TextNode text && WhitespaceNormalizer.isBlank(text.getWholeText()))) {
                    if (lineStart && node instanceof Element element && (isBoldTag(element) || isWrapperOfBold(element))) {
                        return true;
                    }
                    lineStart = false;
                }
            }
        }
        return false;
    }

    /**
     * The bold labels that open the paragraphs, normalised, each with its endings of two to four words and at most
     * {@value #MAX_NAME_ENDING} characters (the name that ends a role-first label), so that a line's label is looked
     * up, not compared with each: read only on a page where a bold run follows a line break inside a paragraph.
     */
    private Set<String> openingBoldLabels(List<Element> paragraphs, ParseDeadline deadline) {
        Set<String> opening = new HashSet<>();
        for (Element paragraph : paragraphs) {
            deadline.check();
            BoldLabel label = boldLabel(paragraph);
            if (label != null && labels.looksLikeLabel(label.text(), false)) {
                String text = WhitespaceNormalizer.normalize(label.text());
                opening.add(text);
                // "C D", "B C D" of "A B C D": the endings a person's name can be, two to four words and at most
                // MAX_NAME_ENDING characters (every ending of every label was up to 90 MB of strings for a 4 MB
                // page of long Cyrillic labels, found by an adversarial review)
                int space = text.lastIndexOf(' ');
                for (int words = 2; space > 0 && words <= 4; words++) {
                    space = text.lastIndexOf(' ', space - 1);
                    if (space < 0 || text.length() - space - 1 > MAX_NAME_ENDING) {
                        break;
                    }
                    opening.add(text.substring(space + 1));
                }
            }
        }
        return opening;
    }

    private static boolean hasLineBreakChild(Element paragraph) {
        for (Element child = paragraph.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (child.normalName().equals("br")) {
                return true;
            }
        }
        return false;
    }

    /** The index of the first line break at or after {@code from}, or the number of nodes. */
    private static int lineEnd(List<Node> nodes, int from) {
        for (int index = from; index < nodes.size(); index++) {
            if (nodes.get(index) instanceof Element element && element.normalName().equals("br")) {
                return index;
            }
        }
        return nodes.size();
    }

    /** A new {@code <p>} holding copies of the nodes from {@code from} (inclusive) to {@code to} (exclusive). */
    private static Element copyOf(List<Node> nodes, int from, int to) {
        Element part = new Element("p");
        for (int index = from; index < to; index++) {
            part.appendChild(nodes.get(index).clone());
        }
        return part;
    }

    /** Whether the paragraph opens with a bold speaker label. */
    boolean startsWithBoldLabel(Element paragraph) {
        BoldLabel label = boldLabel(paragraph);
        return label != null && labels.looksLikeLabel(label.text(), false);
    }

    /**
     * A labelled paragraph without the reference number that closes a tabled parliamentary question ("… with his US
     * counterpart. [66855]"): a bracketed number of five to seven digits is order-paper furniture, not speech.
     */
    static String withoutTabledReference(String speech) {
        if (!speech.endsWith("]")) {
            return speech;
        }
        int open = speech.lastIndexOf('[');
        int digits = speech.length() - 2 - open;
        if (open < 0 || digits < 5 || digits > 7) {
            return speech;
        }
        for (int i = open + 1; i < speech.length() - 1; i++) {
            if (!Character.isDigit(speech.charAt(i))) {
                return speech;
            }
        }
        return speech.substring(0, open).stripTrailing();
    }

    private static boolean isPlain(SourceBlock block) {
        return !block.hasLabel() && !block.narrative() && !block.separator();
    }

    private SourceBlock block(Element paragraph) {
        String fullText = WhitespaceNormalizer.normalize(paragraph.text());
        if (StageRemarks.isSeparator(fullText)) {
            return SourceBlock.sectionSeparator();
        }
        if (fullText.isEmpty() || StageRemarks.isFurniture(fullText)) {
            return null;
        }
        BoldLabel label = boldLabel(paragraph);
        if (label != null && labels.looksLikeLabel(label.text(), false)) {
            String speech = withoutTabledReference(WhitespaceNormalizer.normalize(label.speech(paragraph)));
            return SourceBlock.labelled(label.text(), speech, fullText);
        }
        if (paragraph.firstElementChild() == null) {
            return SourceBlock.plain(fullText); // plain text only: neither all bold nor all italic
        }
        if (isAll(paragraph, BOLD, fullText)) {
            return null;
        }
        if (isAll(paragraph, ITALIC, fullText) && !StageRemarks.isStandalone(fullText)
                || isItalicBeforeAFullStop(paragraph, fullText)) {
            return SourceBlock.narrativeRemark(fullText);
        }
        return SourceBlock.plain(fullText);
    }

    /**
     * The leading label of the paragraph, or null when the paragraph does not start with a bold run followed by a
     * colon. The paragraph is left as it is.
     */
    private static BoldLabel boldLabel(Element paragraph) {
        List<Node> nodes = paragraph.childNodes();
        StringBuilder label = new StringBuilder();
        boolean sawBold = false;
        boolean openBracket = false; // the label holds a "(" that the bold did not close
        for (int index = 0; index < nodes.size(); index++) {
            Node node = nodes.get(index);
            if (node instanceof TextNode text) {
                String value = text.getWholeText();
                if (WhitespaceNormalizer.isBlank(value)) {
                    label.append(' ');
                    continue;
                }
                if (!sawBold && QUESTION_NUMBER.matcher(value).matches()) {
                    continue; // "1. <b>Mr David Hanson (Delyn) (Lab):</b>", "T2. [66881] <b>…</b>"
                }
                if (!sawBold && isWordStartBeforeBold(value, nodes, index)) {
                    label.append(value); // the label split by the bold: "V<b>ladimir Putin:</b>"
                    continue;
                }
                // the rest of the last word outside the bold: "<b>Vladimir Puti</b>n: …"
                int wordEnd = sawBold && endsWithLetter(label) ? leadingLetters(value) : 0;
                var colon = LEADING_COLON.matcher(value).region(wordEnd, value.length());
                if (sawBold && colon.lookingAt()) {
                    label.append(value, 0, wordEnd);
                    if (colon.group(1) != null) {
                        label.append(' ').append(colon.group(1));
                    }
                    return new BoldLabel(label.toString(), index, value.substring(colon.end()));
                }
                if (!sawBold) {
                    return null;
                }
                BoldLabel annotated = annotationInItalicsBetweenBrackets(label, nodes, index);
                if (annotated == null && value.strip().startsWith("(")
                        && SpeakerLabelParser.isUnnamedVoice(label.toString()) && !boldAfter(nodes, index)) {
                    // an unnamed voice whose colon the page left out before a stage remark:
                    // <b>REPLY</b> (<i>without a microphone</i>). The remark is that voice's turn.
                    return new BoldLabel(label.toString().strip(), index, value);
                }
                return annotated;
            }
            if (!(node instanceof Element element)) {
                continue;
            }
            String tag = element.normalName();
            if (tag.equals("br")) {
                if (sawBold) {
                    return null;
                }
                continue;
            }
            boolean bold = isBoldTag(element) || isWrapperOfBold(element) || isBoldLink(element);
            if (!bold && !sawBold && WhitespaceNormalizer.isBlank(element.text())) {
                continue; // an empty anchor before the label: <a name="…"> </a><b>Name:</b>
            }
            if (!bold && !(sawBold && (tag.equals("i") || tag.equals("em")))) {
                return null;
            }
            String value = element.text();
            if (bold) {
                sawBold = true;
                int colon = value.indexOf(':');
                if (colon >= 0) {
                    label.append(value, 0, colon);
                    return new BoldLabel(label.toString(), index, value.substring(colon + 1));
                }
                label.append(value);
                int open = value.lastIndexOf('(');
                openBracket = open >= 0 ? value.indexOf(')', open) < 0 : openBracket && value.indexOf(')') < 0;
            } else if (openBracket && value.indexOf(')') >= 0) {
                // the bracket opened inside the bold, the annotation runs on in italics up to its closing bracket:
                // <b>Vladimir Putin (</b><i>responding to remarks by …)</i>:
                int close = value.indexOf(')') + 1;
                label.append(value, 0, close);
                openBracket = false;
                var colon = LEADING_COLON.matcher(value).region(close, value.length());
                if (colon.lookingAt() && colon.group(1) == null) {
                    return new BoldLabel(label.toString(), index, value.substring(colon.end()));
                }
                if (!WhitespaceNormalizer.isBlank(value.substring(close))) {
                    return null;
                }
            } else if (BRACKETED.matcher(value.strip()).matches()) {
                label.append(' ').append(value.strip());
            } else if (sawBold && value.strip().startsWith("(") && value.indexOf("):") > 0) {
                // the colon inside the italic annotation: <b>Name </b><i>(retranslated): </i>
                int colon = value.indexOf("):") + 1;
                label.append(' ').append(value.substring(0, colon).strip());
                return new BoldLabel(label.toString(), index, value.substring(colon + 1));
            } else if (sawBold && !openBracket && value.strip().startsWith("(") && value.indexOf(')') < 0) {
                // class 59: the italics open the bracket and plain text closes it:
                // <b>Patriarch Theophilos III of Jerusalem</b> <i>(retranslated</i>)<b>:</b>
                return bracketClosedAfterItalics(label, value.strip(), nodes, index + 1);
            } else if (openBracket && startsInLowerCase(value) && value.indexOf('(') < 0
                    && boldClosingBracketWithColon(nodes, index + 1)) {
                // the annotation in italics between the bold's brackets, the next bold closing it before the colon:
                // <b>Emmanuel Macron (</b><i>retranslated</i><b>):</b>,
                // <b>Anna Ivanova (</b><i>speaks English</i><b>)</b>:
                label.append(value);
            } else {
                return null;
            }
        }
        return null;
    }

    /**
     * The label of a paragraph whose bold name is followed, outside the bold, by an annotation in italics between
     * brackets in plain text and then the colon: {@code <b>Jörg Schönenborn</b> (<i>retranslated</i>): Good evening};
     * the italics may close the bracket themselves, and the colon may be bold: {@code <b>Volunteer </b>(<i>Passes a
     * document to the President.)</i><b>:</b> This is}. {@code index} is the text node that opens the bracket; null
     * when the nodes do not have that shape.
     */
    private static BoldLabel annotationInItalicsBetweenBrackets(StringBuilder label, List<Node> nodes, int index) {
        if (index + 2 >= nodes.size() || !(nodes.get(index) instanceof TextNode open)
                || !WhitespaceNormalizer.normalize(open.getWholeText()).equals("(")
                || !(nodes.get(index + 1) instanceof Element italic)
                || !(italic.normalName().equals("i") || italic.normalName().equals("em"))) {
            return null;
        }
        String note = WhitespaceNormalizer.normalize(italic.text());
        if (note.endsWith(")")) {
            // the italics close the bracket themselves, the colon follows in plain text or in bold:
            // <b>Volunteer </b>(<i>Passes a document to the President.)</i><b>:</b> This is …
            note = note.substring(0, note.length() - 1).strip();
            if (!isNote(note)) {
                return null;
            }
            Node next = nodes.get(index + 2);
            String text = next instanceof TextNode plain ? plain.getWholeText()
                    : next instanceof Element bold && isBoldTag(bold)
                            && bold.childrenSize() == 0 ? bold.text() : null;
            var colon = text == null ? null : COLON_ONLY.matcher(text);
            if (colon == null || !colon.lookingAt()) {
                return null;
            }
            label.append(" (").append(note).append(')');
            return new BoldLabel(label.toString(), index + 2, text.substring(colon.end()));
        }
        if (!isNote(note)) {
            return null;
        }
        // the closing bracket in plain text, the colon after it or in bold: (<i>Passes a document.</i>)<b>:</b>
        return closingBracketThenColon(label + " (" + note + ")", nodes, index + 2);
    }

    /**
     * The label {@code annotated} when the node at {@code next} is plain text that closes the bracket and the colon
     * follows, in the same text or in a bold run of its own: {@code ): Thank you}, {@code )<b>:</b> Thank you}; else null.
     */
    private static BoldLabel closingBracketThenColon(String annotated, List<Node> nodes, int next) {
        if (next >= nodes.size() || !(nodes.get(next) instanceof TextNode after)) {
            return null;
        }
        String text = after.getWholeText();
        var colon = CLOSING_BRACKET_COLON.matcher(text);
        if (colon.lookingAt()) {
            return new BoldLabel(annotated, next, text.substring(colon.end()));
        }
        if (!WhitespaceNormalizer.normalize(text).equals(")") || next + 1 >= nodes.size()
                || !(nodes.get(next + 1) instanceof Element bold) || !isBoldTag(bold) || bold.childrenSize() > 0) {
            return null;
        }
        var boldColon = COLON_ONLY.matcher(bold.text());
        return boldColon.lookingAt()
                ? new BoldLabel(annotated, next + 1, bold.text().substring(boldColon.end())) : null;
    }

    /**
     * Class 59: the bold run that opens the paragraph when it names a person (two to four name words) and no colon
     * follows it, the text after it opening with a capital: {@code <b>Yekaterina Rogova</b> Yes. Even if …}; else null.
     */
    private static String boldOpeningWithoutColon(Element paragraph) {
        List<Node> nodes = paragraph.childNodes();
        int first = 0;
        while (first < nodes.size() && nodes.get(first) instanceof TextNode text && text.isBlank()) {
            first++;
        }
        if (first + 1 >= nodes.size() || !(nodes.get(first) instanceof Element bold) || !isBoldTag(bold)
                || !(nodes.get(first + 1) instanceof TextNode after)) {
            return null;
        }
        String name = WhitespaceNormalizer.normalize(bold.text());
        String rest = after.getWholeText().stripLeading();
        if (rest.isEmpty() || !Character.isUpperCase(rest.codePointAt(0)) || name.endsWith(":")
                || SpeakerLabelParser.personName(name).isEmpty()) {
            return null;
        }
        return name;
    }

    /**
     * Class 59: a paragraph that opens with a bold name and no colon, where the page labels that same name with a
     * colon elsewhere, is that speaker's turn: the colon was lost ({@code <b>Yekaterina Rogova</b>: Catering company} and
     * later {@code <b>Yekaterina Rogova</b> Yes. Even if …}).
     */
    private static void labelBoldNamesThatLostTheirColon(List<SourceBlock> blocks, Map<Integer, String> boldOpenings,
            List<String> candidates) {
        if (boldOpenings.isEmpty()) {
            return;
        }
        Set<String> labelled = new HashSet<>();
        candidates.forEach(candidate -> labelled.add(WhitespaceNormalizer.normalize(candidate)));
        boldOpenings.forEach((index, name) -> {
            if (labelled.contains(name)) {
                String fullText = blocks.get(index).fullText();
                String speech = WhitespaceNormalizer.normalize(fullText.substring(fullText.indexOf(name) + name.length()));
                blocks.set(index, SourceBlock.labelled(name, speech, fullText));
                candidates.add(name);
            }
        });
    }

    /**
     * Class 59: the label whose annotation the italics open and plain text closes, the colon after the bracket or in
     * bold: {@code <i>(retranslated</i>): Thank you}, {@code <i>(retranslated</i>)<b>:</b> Thank you}. {@code next} is
     * the node after the italics; null when the nodes do not have that shape.
     */
    private static BoldLabel bracketClosedAfterItalics(StringBuilder label, String italic, List<Node> nodes, int next) {
        return closingBracketThenColon(label.toString().strip() + " " + italic + ")", nodes, next);
    }

    /**
     * Whether the node is a bold run that closes the bracket, with the colon in it or right after it: {@code <b>):</b>},
     * {@code <b>)</b>:}.
     */
    private static boolean boldClosingBracketWithColon(List<Node> nodes, int index) {
        return index < nodes.size() && nodes.get(index) instanceof Element element && isBoldTag(element)
                && BRACKET_CLOSE_THEN_COLON.matcher(element.text()).lookingAt();
    }

    /** Whether the text, stripped, opens with a lower-case letter, as an annotation does ("retranslated"). */
    private static boolean startsInLowerCase(String text) {
        String stripped = text.strip();
        return !stripped.isEmpty() && Character.isLowerCase(stripped.codePointAt(0));
    }

    /** Whether a bold run follows the node at {@code index} in the paragraph: another label may start there. */
    private static boolean boldAfter(List<Node> nodes, int index) {
        for (int i = index + 1; i < nodes.size(); i++) {
            if (nodes.get(i) instanceof Element element
                    && (isBoldTag(element) || element.selectFirst("b, strong") != null)) {
                return true;
            }
        }
        return false;
    }

    /** Text that can be a label's annotation: short, and without brackets of its own. */
    private static boolean isNote(String note) {
        return !note.isEmpty() && note.length() <= 80 && note.indexOf('(') < 0 && note.indexOf(')') < 0;
    }

    /** The longest run of letters that a word split by the bold may leave outside it: "V" of "V<b>ladimir</b>". */
    private static final int MAX_SPLIT_WORD_LETTERS = 20;

    /**
     * Whether the text is the start of a word that the bold right after it continues: a capital and at most
     * {@value #MAX_SPLIT_WORD_LETTERS} letters with no space, then a bold run that opens with a lower-case letter
     * ({@code V<b>ladimir Putin:</b>}). The page lost the bold of the label's first letters.
     */
    private static boolean isWordStartBeforeBold(String value, List<Node> nodes, int index) {
        if (value.isEmpty() || value.length() > MAX_SPLIT_WORD_LETTERS || leadingLetters(value) != value.length()
                || !Character.isUpperCase(value.charAt(0)) || index + 1 >= nodes.size()
                || !(nodes.get(index + 1) instanceof Element next)
                || !isBoldTag(next)) {
            return false;
        }
        // the bold's own first character, spaces included: "The<b> president</b>" is two words, not one
        String bold = next.childNodeSize() > 0 && next.childNode(0) instanceof TextNode first ? first.getWholeText()
                : "";
        return !bold.isEmpty() && Character.isLowerCase(bold.charAt(0));
    }

    /** How many letters open the text, up to {@value #MAX_SPLIT_WORD_LETTERS} (0 for more: not a split word). */
    private static int leadingLetters(String value) {
        int letters = 0;
        while (letters < value.length() && Character.isLetter(value.charAt(letters))) {
            if (++letters > MAX_SPLIT_WORD_LETTERS) {
                return 0;
            }
        }
        return letters;
    }

    private static boolean endsWithLetter(StringBuilder label) {
        return !label.isEmpty() && Character.isLetter(label.charAt(label.length() - 1));
    }

    /**
     * A link whose text is all bold ({@code <b>Minister of Industry and Trade </b><a class="person_tag"><b>Denis
     * Manturov</b></a><b>:</b>}, a Kremlin persons-catalogue link between two bold runs): part of the label, like the
     * bold around it.
     */
    private static boolean isBoldLink(Element element) {
        if (!element.normalName().equals("a")) {
            return false;
        }
        String text = WhitespaceNormalizer.normalize(element.text());
        return !text.isEmpty() && isAll(element, BOLD, text);
    }

    /** Whether the element is a bold tag, {@code <b>} or {@code <strong>}. */
    private static boolean isBoldTag(Element element) {
        return element.normalName().equals("b") || element.normalName().equals("strong");
    }

    /**
     * Italics around bold only ({@code <b>Information </b><i><b>Satellite Systems</b></i><b> CEO Name:</b>}): the page
     * italicised part of a label, which stays bold and part of the label. So is a {@code <span>} or {@code <font>}
     * around bold only, as a word processor's paste leaves it ({@code <span><b>Vladimir Putin:</b></span> Thank you.}).
     */
    private static boolean isWrapperOfBold(Element element) {
        if (!INLINE_WRAPPERS_OF_BOLD.contains(element.normalName()) || element.childrenSize() != 1) {
            return false;
        }
        Element child = element.child(0);
        return isBoldTag(child)
                && WhitespaceNormalizer.normalize(child.text()).equals(WhitespaceNormalizer.normalize(element.text()));
    }

    /**
     * A bold label: its text, the index of the child node that holds the colon, and what follows the colon in that
     * node.
     */
    private record BoldLabel(String text, int colonNode, String afterColon) {

        /** The text of a copy of the paragraph without the label. */
        String speech(Element paragraph) {
            Element speech = paragraph.clone();
            Node colon = speech.childNode(colonNode);
            new ArrayList<>(speech.childNodes().subList(0, colonNode)).forEach(Node::remove);
            if (colon instanceof TextNode text) {
                text.text(afterColon);
            } else if (WhitespaceNormalizer.isBlank(afterColon)) {
                colon.remove();
            } else {
                colon.replaceWith(new TextNode(afterColon));
            }
            return speech.text();
        }
    }

    /**
     * Whether the elements that {@code markup} selects hold all of the paragraph's (normalised) text: the text of the
     * outermost such elements, joined with spaces, is the paragraph's text. A marked element inside another one
     * repeats its text in that join, so a paragraph where one holds visible text is not all marked. One walk over
     * the paragraph and one {@code text()} per outermost marked element: linear in the paragraph, however deep the
     * markup nests (issue 12, finding 1: the text of every one of 600 nested {@code <b>} was copied, 600 copies of
     * a megabyte).
     */
    /**
     * Class 59: a narrative remark in italics whose full stop the page left outside them: {@code <p><i>Award
     * ceremony</i>.</p>}. Only one italic element, then nothing but the stop.
     */
    private static boolean isItalicBeforeAFullStop(Element paragraph, String fullText) {
        if (!fullText.endsWith(".") || paragraph.childrenSize() != 1) {
            return false;
        }
        Element only = paragraph.child(0);
        String tag = only.normalName();
        if (!tag.equals("i") && !tag.equals("em")) {
            return false;
        }
        String inside = WhitespaceNormalizer.normalize(only.text());
        if (inside.isEmpty() || !fullText.equals(inside + ".") || StageRemarks.isStandalone(inside + ".")) {
            return false;
        }
        // written in sentence case: "Award ceremony"; "War and Peace", a title named in an answer, is speech
        String[] words = inside.split(" ");
        for (int i = 1; i < words.length; i++) {
            if (!words[i].isEmpty() && Character.isUpperCase(words[i].codePointAt(0))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAll(Element paragraph, Evaluator markup, String fullText) {
        if (fullText.isEmpty()) {
            return false;
        }
        List<Element> outermost = new ArrayList<>();
        boolean[] nestedText = {false};
        NodeTraversor.filter(new NodeFilter() {
            private Element open; // the outermost marked element being walked, or null
            private int markedDepth;

            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element element && element != paragraph && markup.matches(paragraph, element)) {
                    if (open == null) {
                        open = element;
                        outermost.add(element);
                    }
                    markedDepth++;
                } else if (node instanceof TextNode text && markedDepth > 1 && !text.isBlank()) {
                    nestedText[0] = true;
                    return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element element && element != paragraph && markup.matches(paragraph, element)) {
                    markedDepth--;
                    if (element == open) {
                        open = null;
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, paragraph);
        if (nestedText[0] || outermost.isEmpty()) {
            return false;
        }
        StringBuilder marked = new StringBuilder(fullText.length());
        for (Element element : outermost) {
            if (!marked.isEmpty()) {
                marked.append(' ');
            }
            marked.append(element.text());
        }
        return fullText.equals(WhitespaceNormalizer.normalize(marked.toString()));
    }
}
