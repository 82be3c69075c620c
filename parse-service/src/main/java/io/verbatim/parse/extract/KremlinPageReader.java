package io.verbatim.parse.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads an HTML transcript page as en.kremlin.ru publishes it, and falls back to the usual article markup elsewhere.
 *
 * <p>Speech is the {@code <p>} elements of the article body ({@code itemprop="articleBody"}, else {@code <article>},
 * {@code <main>} or {@code <body>}). Photo sliders, "See also" boxes, pull quotes and hidden person tooltips are
 * removed first. A label is the bold run at the start of a paragraph, up to a colon that may sit inside or outside the
 * bold, with an optional bracketed annotation before the colon: {@code <b>Marine Le Pen</b> <i>(retranslated)</i><b>:
 * </b>}.
 */
final class KremlinPageReader {

    private static final String FURNITURE_SELECTOR = String.join(",",
            ".read__cut", ".slider", ".read__tooltip", ".masha-ignore", "blockquote", "figure", "figcaption", "script",
            "style", "noscript", "img", "nav", "header", "footer", "aside", "form", ".read__bottom");
    private static final Pattern ISO_DATE = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?$");
    private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+[•|–—-]\\s+[^•|–—-]{1,60}$");
    private static final Pattern LEADING_COLON = Pattern.compile(
            "^[\\s\\u00a0]*(\\([^()]{1,80}\\))?[\\s\\u00a0]*:");

    private final SpeakerLabelParser labels;

    KremlinPageReader(SpeakerLabelParser labels) {
        this.labels = labels;
    }

    SourceDocument read(String html, String sourceUrl) {
        Document page = Jsoup.parse(html, sourceUrl == null ? "" : sourceUrl);
        Element body = articleBody(page);
        body.select(FURNITURE_SELECTOR).remove();
        List<SourceBlock> blocks = new ArrayList<>();
        for (Element paragraph : body.select("p")) {
            if (!paragraph.select("p").stream().allMatch(p -> p == paragraph)) {
                continue;
            }
            SourceBlock block = block(paragraph);
            if (block != null) {
                blocks.add(block);
            }
        }
        return new SourceDocument(title(page), publishedAt(page), location(page), language(page), blocks);
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
        String label = takeLabel(speech);
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
    private static String takeLabel(Element paragraph) {
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

    private static Element articleBody(Document page) {
        for (String selector : List.of("[itemprop=articleBody]", "article", "main", "body")) {
            Element found = page.selectFirst(selector);
            if (found != null) {
                return found;
            }
        }
        return page;
    }

    private static String title(Document page) {
        String og = meta(page, "meta[property=og:title]");
        if (og != null) {
            return og;
        }
        Element h1 = page.selectFirst("h1");
        if (h1 != null && !h1.text().isBlank()) {
            return WhitespaceNormalizer.normalize(h1.text());
        }
        String title = WhitespaceNormalizer.normalize(page.title());
        if (title.isEmpty()) {
            return null;
        }
        return TITLE_SUFFIX.matcher(title).replaceFirst("");
    }

    private static String publishedAt(Document page) {
        List<String> candidates = new ArrayList<>();
        page.select("time[itemprop=datePublished]").forEach(e -> candidates.add(e.attr("datetime")));
        page.select("meta[itemprop=datePublished]").forEach(e -> candidates.add(e.attr("content")));
        page.select("meta[property=article:published_time]").forEach(e -> candidates.add(e.attr("content")));
        page.select("time[datetime]").forEach(e -> candidates.add(e.attr("datetime")));
        for (String candidate : candidates) {
            String value = candidate.strip();
            if (ISO_DATE.matcher(value).matches()) {
                return value;
            }
        }
        return null;
    }

    private static String location(Document page) {
        Element place = page.selectFirst(".read__place, .p-location");
        if (place == null) {
            return null;
        }
        String text = WhitespaceNormalizer.normalize(place.text());
        return text.isEmpty() ? null : text;
    }

    private static String language(Document page) {
        String lang = page.select("html").attr("lang");
        if (lang.isBlank()) {
            lang = page.select("meta[itemprop=inLanguage]").attr("content");
        }
        if (lang.isBlank()) {
            return "en";
        }
        return lang.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
    }

    private static String meta(Document page, String selector) {
        Element element = page.selectFirst(selector);
        if (element == null) {
            return null;
        }
        String content = WhitespaceNormalizer.normalize(element.attr("content"));
        return content.isEmpty() ? null : content;
    }
}
