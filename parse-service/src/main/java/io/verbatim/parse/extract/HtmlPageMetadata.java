package io.verbatim.parse.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The metadata every HTML page may carry in standard markup: title, publication date, language, site name, tags. */
final class HtmlPageMetadata {

    static final Pattern ISO_DATE = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?$");
    private static final Pattern SITE_WIDE = Pattern.compile("(?i)sidebar|widget|tag-?cloud|menu|\\bnav");
    private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+[•|–—-]\\s+[^•|–—-]{1,60}$");

    private HtmlPageMetadata() {
    }

    /** og:title, else the first {@code <h1>}, else the {@code <title>} without its " • Site name" suffix. */
    static String title(Document page) {
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

    /** The first ISO-8601 publication date the page declares, as written there. */
    static String publishedAt(Document page) {
        List<String> candidates = new ArrayList<>();
        page.select("meta[property=article:published_time]").forEach(e -> candidates.add(e.attr("content")));
        page.select("time[itemprop=datePublished]").forEach(e -> candidates.add(e.attr("datetime")));
        page.select("meta[itemprop=datePublished]").forEach(e -> candidates.add(e.attr("content")));
        page.select("time[datetime]").forEach(e -> candidates.add(e.attr("datetime")));
        for (String candidate : candidates) {
            String value = candidate.strip();
            if (ISO_DATE.matcher(value).matches()) {
                return value;
            }
        }
        return null;
    }

    /** The primary subtag of {@code <html lang>}, else of {@code itemprop=inLanguage}, else "en". */
    static String language(Document page) {
        String lang = page.select("html").attr("lang");
        if (lang.isBlank()) {
            lang = page.select("meta[itemprop=inLanguage]").attr("content");
        }
        if (lang.isBlank()) {
            return "en";
        }
        String primary = lang.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return primary.matches("[a-z]{2,8}") ? primary : "en";
    }

    /** og:site_name, or null. */
    static String siteName(Document page) {
        return meta(page, "meta[property=og:site_name]");
    }

    /**
     * Tags in standard markup: {@code article:tag} meta elements and {@code rel="tag"} links, deduplicated; links in a
     * sidebar, widget, menu or tag cloud belong to the site, not to the page.
     */
    static List<String> tags(Document page) {
        Set<String> tags = new LinkedHashSet<>();
        page.select("meta[property=article:tag]").forEach(e -> add(tags, e.attr("content")));
        for (Element link : page.select("a[rel~=(?i)\\btag\\b]")) {
            boolean siteWide = link.parents().stream()
                    .anyMatch(parent -> SITE_WIDE.matcher(parent.className() + " " + parent.id()).find());
            if (!siteWide) {
                add(tags, link.text());
            }
        }
        return List.copyOf(tags);
    }

    static String meta(Document page, String selector) {
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
