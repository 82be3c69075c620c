package io.verbatim.parse.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The turn rules shared by every HTML reader: turns one {@code <p>} element into a {@link SourceBlock}.
 *
 * <p>A label is the bold run at the start of a paragraph, up to a colon that may sit inside or outside the bold, with
 * an optional bracketed annotation before the colon: {@code <b>Marine Le Pen</b> <i>(retranslated)</i><b>: </b>}.
 * A paragraph without a bold label may start with a plain-text label ("MS. PSAKI:", "Jane Doe:"), accepted by the
 * same strict rules as in plain text and only when the page holds at least {@value #MIN_PLAIN_LABELS} of them. An all-bold paragraph without a colon is a sub-heading (not speech); an
 * all-italic paragraph is a narrative remark.
 */
final class HtmlParagraphs {

    /**
     * Plain-text labels count only when at least this many paragraphs carry one: a lone "Photo Credit: …" or
     * "Update: …" in an article is not a dialogue, and a page must never yield invented turns.
     */
    static final int MIN_PLAIN_LABELS = 2;

    private static final Pattern LEADING_COLON = Pattern.compile(
            "^[\\s\\u00a0]*(\\([^()]{1,80}\\))?[\\s\\u00a0]*:");

    private final SpeakerLabelParser labels;

    HtmlParagraphs(SpeakerLabelParser labels) {
        this.labels = labels;
    }

    /** The innermost {@code <p>} elements under {@code container}, in document order. */
    static List<Element> innermostParagraphs(Element container) {
        List<Element> result = new ArrayList<>();
        for (Element paragraph : container.select("p")) {
            if (paragraph.select("p").size() == 1) {
                result.add(paragraph);
            }
        }
        return result;
    }

    /**
     * The blocks of the given paragraphs. A one-word plain-text label counts only when it is generic or the surname of
     * a fuller label of the same document, as in plain text.
     */
    List<SourceBlock> blocks(List<Element> paragraphs) {
        List<SourceBlock> blocks = new ArrayList<>();
        List<Integer> plainLabelled = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        for (Element paragraph : paragraphs) {
            SourceBlock block = block(paragraph);
            if (block == null) {
                continue;
            }
            if (isPlain(block)) {
                Optional<SpeakerLabelParser.LeadingLabel> plain = labels.findLeadingLabel(block.fullText());
                if (plain.isPresent()) {
                    block = SourceBlock.labelled(plain.get().label(),
                            WhitespaceNormalizer.normalize(plain.get().rest()), block.fullText());
                    plainLabelled.add(blocks.size());
                }
            }
            if (block.hasLabel()) {
                candidates.add(block.label());
            }
            blocks.add(block);
        }
        Set<String> surnames = SpeakerLabelParser.surnamesOfFullLabels(candidates);
        List<Integer> accepted = new ArrayList<>();
        for (int index : plainLabelled) {
            SourceBlock block = blocks.get(index);
            if (SpeakerLabelParser.acceptableShortLabel(block.label(), surnames)) {
                accepted.add(index);
            } else {
                blocks.set(index, SourceBlock.plain(block.fullText()));
            }
        }
        if (accepted.size() < MIN_PLAIN_LABELS) {
            accepted.forEach(index -> blocks.set(index, SourceBlock.plain(blocks.get(index).fullText())));
        }
        return blocks;
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
        Element speech = paragraph.clone();
        String label = takeBoldLabel(speech);
        if (label != null && labels.looksLikeLabel(label, false)) {
            return SourceBlock.labelled(label, WhitespaceNormalizer.normalize(speech.text()), fullText);
        }
        if (isAllBold(paragraph)) {
            return null;
        }
        if (isAllItalic(paragraph) && !StageRemarks.isStandalone(fullText)) {
            return SourceBlock.narrativeRemark(fullText);
        }
        return SourceBlock.plain(fullText);
    }

    /**
     * Removes the leading label from the paragraph and returns it, or returns null (leaving the paragraph unchanged
     * in substance) when the paragraph does not start with a bold run followed by a colon.
     */
    private static String takeBoldLabel(Element paragraph) {
        List<Node> nodes = new ArrayList<>(paragraph.childNodes());
        StringBuilder label = new StringBuilder();
        boolean sawBold = false;
        List<Node> consumed = new ArrayList<>();
        for (Node node : nodes) {
            if (node instanceof TextNode text) {
                String value = text.getWholeText();
                if (WhitespaceNormalizer.normalize(value).isEmpty()) {
                    consumed.add(node);
                    label.append(' ');
                    continue;
                }
                var colon = LEADING_COLON.matcher(value);
                if (sawBold && colon.find()) {
                    if (colon.group(1) != null) {
                        label.append(' ').append(colon.group(1));
                    }
                    consumed.forEach(Node::remove);
                    text.text(value.substring(colon.end()));
                    return label.toString();
                }
                return null;
            }
            if (!(node instanceof Element element)) {
                consumed.add(node);
                continue;
            }
            String tag = element.normalName();
            String value = element.text();
            if (tag.equals("b") || tag.equals("strong")) {
                sawBold = true;
                int colon = value.indexOf(':');
                if (colon >= 0) {
                    label.append(value, 0, colon);
                    String rest = value.substring(colon + 1);
                    consumed.forEach(Node::remove);
                    if (WhitespaceNormalizer.normalize(rest).isEmpty()) {
                        element.remove();
                    } else {
                        element.replaceWith(new TextNode(rest));
                    }
                    return label.toString();
                }
                label.append(value);
                consumed.add(node);
            } else if (sawBold && (tag.equals("i") || tag.equals("em")) && value.strip().matches("^\\(.*\\)$")) {
                label.append(' ').append(value.strip());
                consumed.add(node);
            } else if (tag.equals("br") && !sawBold) {
                consumed.add(node);
            } else {
                return null;
            }
        }
        return null;
    }

    private static boolean isAllBold(Element paragraph) {
        String all = WhitespaceNormalizer.normalize(paragraph.text());
        String bold = WhitespaceNormalizer.normalize(String.join(" ", paragraph.select("b, strong").eachText()));
        return !all.isEmpty() && all.equals(bold);
    }

    private static boolean isAllItalic(Element paragraph) {
        String all = WhitespaceNormalizer.normalize(paragraph.text());
        String italic = WhitespaceNormalizer.normalize(String.join(" ", paragraph.select("i, em").eachText()));
        return !all.isEmpty() && all.equals(italic);
    }
}
