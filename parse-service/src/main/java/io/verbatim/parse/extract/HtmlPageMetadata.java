package io.verbatim.parse.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** The metadata every HTML page may carry in standard markup: title, publication date, language, site name, tags. */
final class HtmlPageMetadata {

    static final Pattern ISO_DATE = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?$");
    private static final Pattern SITE_WIDE = Pattern.compile("(?i)sidebar|widget|tag-?cloud|menu|\\bnav");
    private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+[•|–—-]\\s+[^•|–—-]{1,60}$");
    private static final Pattern LANGUAGE_SUBTAG_SEPARATOR = Pattern.compile("[-_]");
    private static final Pattern PRIMARY_LANGUAGE = Pattern.compile("[a-z]{2,8}");

    static final Evaluator DESCRIPTION = QueryParser.parse("meta[name=description]");
    private static final Evaluator OG_TITLE = QueryParser.parse("meta[property=og:title]");
    private static final Evaluator OG_SITE_NAME = QueryParser.parse("meta[property=og:site_name]");
    private static final Evaluator H1 = QueryParser.parse("h1");
    private static final Evaluator HTML = QueryParser.parse("html");
    private static final Evaluator IN_LANGUAGE = QueryParser.parse("meta[itemprop=inLanguage]");
    private static final Evaluator ARTICLE_TAG = QueryParser.parse("meta[property=article:tag]");
    private static final Evaluator TAG_LINK = QueryParser.parse("a[rel~=(?i)\\btag\\b]");
    /** Where a page may declare its publication date, in order of preference. */
    private static final List<DateDeclaration> PUBLISHED = List.of(
            new DateDeclaration(QueryParser.parse("meta[property=article:published_time]"), "content"),
            new DateDeclaration(QueryParser.parse("time[itemprop=datePublished]"), "datetime"),
            new DateDeclaration(QueryParser.parse("meta[itemprop=datePublished]"), "content"),
            new DateDeclaration(QueryParser.parse("time[datetime]"), "datetime"));

    private record DateDeclaration(Evaluator elements, String attribute) {
    }

    private HtmlPageMetadata() {
    }

    /** og:title, else the first {@code <h1>}, else the {@code <title>} without its " • Site name" suffix. */
    static String title(Document page) {
        String og = meta(page, OG_TITLE);
        if (og != null) {
            return og;
        }
        Element h1 = page.selectFirst(H1);
        if (h1 != null) {
            String heading = h1.text();
            if (!heading.isBlank()) {
                return WhitespaceNormalizer.normalize(heading);
            }
        }
        String title = WhitespaceNormalizer.normalize(page.title());
        if (title.isEmpty()) {
            return null;
        }
        return TITLE_SUFFIX.matcher(title).replaceFirst("");
    }

    /** The first ISO-8601 publication date the page declares, as written there. */
    static String publishedAt(Document page) {
        for (DateDeclaration declaration : PUBLISHED) {
            for (Element element : page.select(declaration.elements())) {
                String value = element.attr(declaration.attribute()).strip();
                if (ISO_DATE.matcher(value).matches()) {
                    return value;
                }
            }
        }
        return null;
    }

    /** The primary subtag of {@code <html lang>}, else of {@code itemprop=inLanguage}, else "en". */
    static String language(Document page) {
        // The root element comes first; only without its own lang attribute can another html element have one.
        Element root = page.selectFirst(HTML);
        String lang = root != null && root.hasAttr("lang") ? root.attr("lang") : page.select(HTML).attr("lang");
        if (lang.isBlank()) {
            lang = page.select(IN_LANGUAGE).attr("content");
        }
        if (lang.isBlank()) {
            return "en";
        }
        String primary = LANGUAGE_SUBTAG_SEPARATOR.split(lang.strip().toLowerCase(Locale.ROOT))[0];
        return PRIMARY_LANGUAGE.matcher(primary).matches() ? primary : "en";
    }

    /** og:site_name, or null. */
    static String siteName(Document page) {
        return meta(page, OG_SITE_NAME);
    }

    /**
     * Tags in standard markup: {@code article:tag} meta elements and {@code rel="tag"} links, deduplicated; links in a
     * sidebar, widget, menu or tag cloud belong to the site, not to the page.
     */
    static List<String> tags(Document page) {
        Set<String> tags = new LinkedHashSet<>();
        page.select(ARTICLE_TAG).forEach(e -> add(tags, e.attr("content")));
        // Each element's class and id are matched once, however many tag links lie under it (a sidebar of a
        // megabyte-long class name over thousands of links was matched once per link).
        Map<Element, Boolean> siteWide = new IdentityHashMap<>();
        for (Element link : page.select(TAG_LINK)) {
            if (!isSiteWide(link.parent(), siteWide)) {
                add(tags, link.text());
            }
        }
        return List.copyOf(tags);
    }

    /** Whether the element or one of its ancestors is a sidebar, widget, menu or tag cloud; memoised per element. */
    private static boolean isSiteWide(Element element, Map<Element, Boolean> known) {
        List<Element> unknown = new ArrayList<>();
        boolean result = false;
        for (Element e = element; e != null; e = e.parent()) {
            Boolean cached = known.get(e);
            if (cached != null) {
                result = cached;
                break;
            }
            unknown.add(e);
            if (SITE_WIDE.matcher(e.className() + " " + e.id()).find()) {
                result = true;
                break;
            }
        }
        // an element below a site-wide one is site-wide; above the match, nothing was learnt
        for (Element e : unknown) {
            known.put(e, result);
        }
        return result;
    }

    /**
     * For each selector, the first element in document order that it matches, or null: what {@code selectFirst} finds,
     * in one walk over the page instead of one walk per selector. Only for selectors without combinators (" ", "&gt;",
     * "~", "+"), which would need jsoup's per-query memo.
     */
    static Element[] firstMatches(Element root, Evaluator... selectors) {
        FirstMatches matches = new FirstMatches(root, selectors);
        walk(root, matches::offer);
        return matches.found();
    }

    /**
     * {@link #firstMatches} for a walk that does more: offered the elements in document order, it keeps for each
     * selector the first one that it matches.
     */
    static final class FirstMatches {
        private final Element root;
        private final Evaluator[] selectors;
        private final Element[] found;
        private int missing;

        FirstMatches(Element root, Evaluator... selectors) {
            this.root = root;
            this.selectors = selectors;
            this.found = new Element[selectors.length];
            this.missing = selectors.length;
        }

        /** Offers the next element in document order; false once every selector has found its element. */
        boolean offer(Element element) {
            for (int i = 0; i < selectors.length; i++) {
                if (found[i] == null && selectors[i].matches(root, element)) {
                    found[i] = element;
                    missing--;
                }
            }
            return missing > 0;
        }

        /** For each selector, the first element offered that it matches, or null. */
        Element[] found() {
            return found;
        }
    }

    /**
     * Visits the root and every element under it in document order (the order of {@code select}) until the visitor
     * returns false. Lighter than jsoup's node iterator, which also visits every text node.
     */
    static void walk(Element root, Predicate<Element> visitor) {
        Element element = root;
        while (element != null && visitor.test(element)) {
            Element next = element.firstElementChild();
            while (next == null && element != root) {
                next = element.nextElementSibling();
                if (next == null) {
                    element = element.parent();
                }
            }
            element = next;
        }
    }

    static String meta(Document page, Evaluator selector) {
        Element element = page.selectFirst(selector);
        if (element == null) {
            return null;
        }
        String content = WhitespaceNormalizer.normalize(element.attr("content"));
        return content.isEmpty() ? null : content;
    }

    private static void add(Set<String> values, String value) {
        String normalized = WhitespaceNormalizer.normalize(value);
        if (!normalized.isEmpty() && normalized.length() <= 120) {
            values.add(normalized);
        }
    }
}
