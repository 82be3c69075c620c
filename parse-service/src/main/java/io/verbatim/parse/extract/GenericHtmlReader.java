package io.verbatim.parse.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The generic HTML rules: reads a transcript that any other site publishes or republishes.
 *
 * <p>First the page furniture goes: navigation, header, footer, aside, forms, scripts, figures and captions, hidden
 * elements, and every element whose class or id names a menu, navigation, footer, sidebar, comments, sharing,
 * related or recent posts, promotion, cookie notice, subscription, newsletter or breadcrumb. Then the content
 * container is chosen by the text density of its {@code <p>} children, as readability-style extractors do: every
 * paragraph of at least {@value #MIN_SCORED_CHARS} characters scores 1, plus 1 per comma, plus 1 per 100 characters
 * (at most 3), for its parent and half of that for its grandparent; a container's score is reduced by the share of
 * its text that is link text, and raised by a quarter when its class or id says content, article, entry, post, text or
 * transcript. The best container and its siblings that score at least a fifth of it give the paragraphs, whose labels
 * are read by {@link HtmlParagraphs} in bold ({@code <p><strong>Name:</strong> …}) or as plain text ("MS. PSAKI: …").
 * A paragraph that starts a site footer ("Recent Posts", "Leave a reply") ends the transcript.
 */
final class GenericHtmlReader {

    static final int MIN_SCORED_CHARS = 25;

    private static final Evaluator NEVER_CONTENT = QueryParser.parse(String.join(",",
            "script", "style", "noscript", "template", "iframe", "svg", "button", "select", "textarea", "img",
            "figcaption"));
    private static final Evaluator FURNITURE = QueryParser.parse(String.join(",",
            "nav", "header", "footer", "aside", "form", "figure", "dialog", "blockquote.twitter-tweet", "[hidden]",
            "[aria-hidden=true]", "[style~=(?i)display\\s*:\\s*none]", "[role=navigation]", "[role=contentinfo]",
            "[role=complementary]", "[role=banner]"));
    private static final Pattern BOILERPLATE_NAME = Pattern.compile("(?i)(?:^|[\\s_-])(?:menu|menus|nav|navbar"
            + "|navigation|footer|sidebar|comment|comments|share|sharing|social|related|relatedposts|relatedarticles"
            + "|promo|promotion|cookie|cookies"
            + "|consent|subscribe|subscription|newsletter|recent[-_]posts|recent[-_]entries|breadcrumb|breadcrumbs"
            + "|tooltip|advert|advertisement|popup|modal)(?:$|[\\s_-])");
    private static final Pattern CONTENT_NAME = Pattern.compile(
            "(?i)(?:^|[\\s_-])(?:content|article|entry|post|text|body|transcript|story)(?:$|[\\s_-])");
    private static final Evaluator PROTECTED =
            QueryParser.parse("html, body, main, article, [itemprop=articleBody], [role=main]");
    private static final Evaluator LINK = QueryParser.parse("a");
    private static final List<Evaluator> FALLBACK_CONTAINERS = List.of(QueryParser.parse("[itemprop=articleBody]"),
            QueryParser.parse("article"), QueryParser.parse("main"), QueryParser.parse("[role=main]"));

    private final HtmlParagraphs paragraphs;
    private final AuthorAttribution addresses;

    GenericHtmlReader(SpeakerLabelParser labels, ParseLimits limits) {
        this.paragraphs = new HtmlParagraphs(labels, limits);
        this.addresses = new AuthorAttribution(labels);
    }

    SourceDocument read(Document page, ParseDeadline deadline) {
        String title = HtmlPageMetadata.title(page);
        List<String> tags = HtmlPageMetadata.tags(page);
        String lead = HtmlPageMetadata.meta(page, HtmlPageMetadata.DESCRIPTION);
        Element body = page.body();
        removeBoilerplate(body, deadline);

        List<Element> content = new ArrayList<>();
        for (Element container : contentContainers(body, deadline)) {
            content.addAll(HtmlParagraphs.innermostParagraphs(container));
        }
        String source = HtmlPageMetadata.siteName(page);
        List<Element> kept = new ArrayList<>();
        for (Element paragraph : content) {
            deadline.check();
            String text = WhitespaceNormalizer.normalize(paragraph.text());
            if (StageRemarks.isDocumentEnd(text)) {
                break;
            }
            if (source == null) {
                source = StageRemarks.attribution(text).orElse(null);
            }
            kept.add(paragraph);
        }
        List<SourceBlock> blocks = paragraphs.blocks(kept, deadline);
        String published = HtmlPageMetadata.publishedAt(page);
        if (title == null || published == null) {
            HeadingsBeforeSpeech headings = headingsBeforeSpeech(body, deadline);
            title = title != null ? title : headings.title();
            published = published != null ? published : headings.date();
        }
        Optional<AuthorAttribution.Address> address = addresses.find(title, lead, blocks);
        return new SourceDocument(title, published, null, HtmlPageMetadata.language(page),
                address.map(AuthorAttribution.Address::blocks).orElse(blocks), source, tags, List.of(),
                address.map(AuthorAttribution.Address::author).orElse(null));
    }

    /** The title and the date (ISO, or null) that the headings before the first label give. */
    private record HeadingsBeforeSpeech(String title, String date) {
    }

    private static final Evaluator HEADING_OR_PARAGRAPH = QueryParser.parse("h1, h2, h3, h4, h5, h6, p");
    private static final Pattern TIME_OF_DAY = Pattern.compile("(?i)^\\d{1,2}[.:]\\d{2}\\s*(?:[ap]\\.?\\s?m\\.?)?$");

    /**
     * For a page without title or date metadata (a parliamentary record such as Hansard): its headings before the first
     * speaker label. The date is the first heading or all-bold paragraph that is a date, or starts with one before a
     * colon ("Tuesday 19 July 2011", "19 July 2011 : Column 771"). The title is the debate heading: of the other
     * headings (time stamps, bracketed lines such as "[Mr Speaker in the Chair]" and lines ending in a dash such as
     * "The Secretary of State was asked—" are not titles), take the last one of the top level; when headings one level
     * down follow it, the first of them ("Oral Answers to Questions" › "Foreign and Commonwealth Office" › "Syria"
     * gives "Foreign and Commonwealth Office").
     */
    private HeadingsBeforeSpeech headingsBeforeSpeech(Element body, ParseDeadline deadline) {
        List<Element> headings = new ArrayList<>();
        String date = null;
        for (Element element : body.select(HEADING_OR_PARAGRAPH)) {
            deadline.check();
            boolean paragraph = element.normalName().equals("p");
            if (paragraph && paragraphs.startsWithBoldLabel(element)) {
                break;
            }
            String text = WhitespaceNormalizer.normalize(element.text());
            if (text.isEmpty() || text.length() > 200) {
                continue;
            }
            int colon = text.indexOf(':');
            String iso = PlainTextTranscriptReader.isoDate(colon > 0 ? text.substring(0, colon).strip() : text);
            if (iso != null) {
                date = date == null && (!paragraph || element.selectFirst("b, strong") != null) ? iso : date;
                continue;
            }
            if (paragraph || TIME_OF_DAY.matcher(text).matches() || text.startsWith("[") || text.startsWith("(")
                    || text.endsWith("—") || text.endsWith("-") || text.endsWith(":")) {
                continue;
            }
            headings.add(element);
        }
        return new HeadingsBeforeSpeech(debateHeading(headings), date);
    }

    private static String debateHeading(List<Element> headings) {
        if (headings.isEmpty()) {
            return null;
        }
        int top = 7;
        for (Element heading : headings) {
            top = Math.min(top, level(heading));
        }
        int last = -1;
        for (int i = 0; i < headings.size(); i++) {
            if (level(headings.get(i)) == top) {
                last = i;
            }
        }
        int next = 7;
        for (int i = last + 1; i < headings.size(); i++) {
            next = Math.min(next, level(headings.get(i)));
        }
        Element chosen = headings.get(last);
        for (int i = last + 1; i < headings.size() && next < 7; i++) {
            if (level(headings.get(i)) == next) {
                chosen = headings.get(i);
                break;
            }
        }
        return WhitespaceNormalizer.normalize(chosen.text());
    }

    private static int level(Element heading) {
        return heading.normalName().charAt(1) - '0';
    }

    /**
     * Removes the furniture. An element that holds the main content ({@code <article>}, {@code <main>}, the
     * {@code articleBody}) is never removed as furniture, whatever its tag, role or class says: some sites wrap the
     * whole article in a "complementary" panel or give the body a "comments-open" class.
     */
    private static void removeBoilerplate(Element body, ParseDeadline deadline) {
        body.select(NEVER_CONTENT).remove();
        List<Element> boilerplate = new ArrayList<>();
        for (Element element : body.getAllElements()) {
            deadline.check();
            if (element == body || element.is(PROTECTED)) {
                continue;
            }
            String names = element.className() + " " + element.id();
            boolean furniture = element.is(FURNITURE) || !names.isBlank() && BOILERPLATE_NAME.matcher(names).find();
            if (furniture && element.selectFirst(PROTECTED) == null) {
                boilerplate.add(element);
            }
        }
        boilerplate.forEach(Element::remove);
    }

    /** The best-scoring container and those of its siblings that score at least a fifth of it, in page order. */
    private static List<Element> contentContainers(Element body, ParseDeadline deadline) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element paragraph : HtmlParagraphs.innermostParagraphs(body)) {
            deadline.check();
            String text = WhitespaceNormalizer.normalize(paragraph.text());
            if (text.length() < MIN_SCORED_CHARS) {
                continue;
            }
            double score = 1 + text.chars().filter(c -> c == ',').count() + Math.min(text.length() / 100, 3);
            Element parent = paragraph.parent();
            if (parent == null) {
                continue;
            }
            scores.merge(parent, score, Double::sum);
            Element grandparent = parent.parent();
            if (grandparent != null) {
                scores.merge(grandparent, score / 2, Double::sum);
            }
        }
        Element best = null;
        double bestScore = 0;
        Map<Element, Double> adjusted = new IdentityHashMap<>();
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            deadline.check();
            double score = adjusted(entry.getKey(), entry.getValue());
            adjusted.put(entry.getKey(), score);
            if (score > bestScore) {
                best = entry.getKey();
                bestScore = score;
            }
        }
        if (best == null) {
            return List.of(fallbackContainer(body));
        }
        Element parent = best.parent();
        if (parent == null) {
            return List.of(best);
        }
        List<Element> containers = new ArrayList<>();
        for (Element sibling : parent.children()) {
            Double score = adjusted.get(sibling);
            if (sibling == best || score != null && score >= bestScore / 5) {
                containers.add(sibling);
            }
        }
        return containers;
    }

    private static double adjusted(Element container, double score) {
        String text = container.text();
        int linkChars = 0;
        for (Element link : container.select(LINK)) {
            linkChars += link.text().length();
        }
        double linkDensity = text.isEmpty() ? 0 : Math.min(1.0, (double) linkChars / text.length());
        double result = score * (1 - linkDensity);
        if (CONTENT_NAME.matcher(container.className() + " " + container.id()).find()) {
            result *= 1.25;
        }
        return result;
    }

    private static Element fallbackContainer(Element body) {
        for (Evaluator selector : FALLBACK_CONTAINERS) {
            Element found = body.selectFirst(selector);
            if (found != null) {
                return found;
            }
        }
        return body;
    }
}
