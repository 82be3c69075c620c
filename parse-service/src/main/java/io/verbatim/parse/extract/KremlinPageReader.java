package io.verbatim.parse.extract;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The Kremlin rules: reads a page as en.kremlin.ru (or any kremlin.ru site) publishes it.
 *
 * <p>Speech is the {@code <p>} elements of the article body ({@code itemprop="articleBody"}); photo sliders, "See
 * also" boxes, pull quotes and hidden person tooltips are removed first, and labels are read by
 * {@link HtmlParagraphs} (bold runs, or plain-text labels as older pages have them). The page's own markup gives the
 * metadata: the publication date ({@code <time class="read__published">}) and time ({@code .read__time}, Moscow
 * time, so the date-time carries the Moscow offset of that day; "00:00" is how the archive marks an unknown time, so
 * such pages get the date only), the place ({@code .read__place}), the tags ({@code .read__tags}), and the persons
 * ({@code /catalog/persons/} links, whose tag list writes "Surname Given names"). A greeting, message or article
 * published without labels is attributed to the author that the title or lead names ({@link AddressAttribution}).
 */
final class KremlinPageReader {

    static final String SOURCE = "Kremlin";

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final String FURNITURE_SELECTOR = String.join(",",
            ".read__cut", ".slider", ".read__tooltip", ".masha-ignore", "blockquote", "figure", "figcaption", "script",
            "style", "noscript", "img", "nav", "header", "footer", "aside", "form", ".read__bottom");
    private static final Pattern CLOCK = Pattern.compile("^([01]\\d|2[0-3]):([0-5]\\d)$");
    private static final String PERSON_LINK = "a[href*=/catalog/persons/]";

    private final HtmlParagraphs paragraphs;
    private final AddressAttribution addresses;

    KremlinPageReader(SpeakerLabelParser labels) {
        this.paragraphs = new HtmlParagraphs(labels);
        this.addresses = new AddressAttribution(labels);
    }

    /** A page of kremlin.ru or one of its subdomains, by its address or, failing that, by its own markup. */
    static boolean isKremlinPage(String sourceUrl, Document page) {
        if (isKremlinHost(sourceUrl)) {
            return true;
        }
        for (String declared : List.of(page.select("meta[property=og:url]").attr("content"),
                page.select("link[rel=canonical]").attr("href"))) {
            if (isKremlinHost(declared)) {
                return true;
            }
        }
        return page.selectFirst("[itemprop=articleBody].read__internal_content") != null
                && page.selectFirst("time.read__published") != null;
    }

    private static boolean isKremlinHost(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null) {
                return false;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.equals("kremlin.ru") || host.endsWith(".kremlin.ru");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    SourceDocument read(Document page) {
        List<String> persons = persons(page);
        List<String> tags = tags(page);
        String lead = lead(page);
        Element body = articleBody(page);
        body.select(FURNITURE_SELECTOR).remove();
        List<SourceBlock> blocks = paragraphs.blocks(HtmlParagraphs.innermostParagraphs(body));
        String title = HtmlPageMetadata.title(page);

        Optional<AddressAttribution.Address> address = addresses.find(title, lead, blocks);
        return new SourceDocument(title, publishedAt(page), location(page), HtmlPageMetadata.language(page),
                address.map(AddressAttribution.Address::blocks).orElse(blocks), SOURCE, tags, persons,
                address.map(AddressAttribution.Address::author).orElse(null));
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

    private static String lead(Document page) {
        Element lead = page.selectFirst(".read__lead");
        if (lead == null) {
            return HtmlPageMetadata.meta(page, "meta[name=description]");
        }
        String text = WhitespaceNormalizer.normalize(lead.text());
        return text.isEmpty() ? null : text;
    }

    /** Publication date and time in Moscow time, e.g. {@code 2019-05-06T17:05:00+03:00}; the date alone without one. */
    private static String publishedAt(Document page) {
        Element published = page.selectFirst("time.read__published[datetime], time[itemprop=datePublished][datetime]");
        if (published == null) {
            return HtmlPageMetadata.publishedAt(page);
        }
        String date = published.attr("datetime").strip();
        Element clock = page.selectFirst(".read__meta .read__time, .read__time");
        if (clock == null) {
            return HtmlPageMetadata.ISO_DATE.matcher(date).matches() ? date : HtmlPageMetadata.publishedAt(page);
        }
        var time = CLOCK.matcher(WhitespaceNormalizer.normalize(clock.text()));
        try {
            LocalDate day = LocalDate.parse(date);
            if (!time.matches() || time.group().equals("00:00")) {
                return day.toString();
            }
            LocalTime at = LocalTime.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2)));
            return day.atTime(at).atZone(MOSCOW).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return HtmlPageMetadata.publishedAt(page);
        }
    }

    private static String location(Document page) {
        Element place = page.selectFirst(".read__place, .p-location");
        if (place == null) {
            return null;
        }
        String text = WhitespaceNormalizer.normalize(place.text());
        return text.isEmpty() ? null : text;
    }

    /** Geography and topic tags of the page (persons are listed apart). */
    private static List<String> tags(Document page) {
        List<String> tags = new ArrayList<>();
        for (Element link : page.select(".read__tags a[rel~=tag]")) {
            String text = WhitespaceNormalizer.normalize(link.text());
            if (!link.attr("href").contains("/catalog/persons/") && !text.isEmpty() && !tags.contains(text)) {
                tags.add(text);
            }
        }
        return tags;
    }

    /**
     * The persons linked in the text ("Mikhail Mishustin") and in the tag list ("Mishustin Mikhail", turned into
     * "Mikhail Mishustin"), deduplicated on their set of words, in page order.
     */
    private static List<String> persons(Document page) {
        Map<String, String> byWords = new LinkedHashMap<>();
        for (Element link : page.select(PERSON_LINK)) {
            Element copy = link.clone();
            copy.select(".read__tooltip").remove();
            String name = WhitespaceNormalizer.normalize(copy.text());
            if (name.isEmpty() || name.length() > 80) {
                continue;
            }
            boolean inTagList = link.parents().stream().anyMatch(parent -> parent.hasClass("read__tags"));
            if (inTagList) {
                name = surnameLast(name);
            }
            byWords.putIfAbsent(wordSet(name), name);
        }
        return List.copyOf(byWords.values());
    }

    private static String surnameLast(String catalogName) {
        int space = catalogName.indexOf(' ');
        if (space < 0) {
            return catalogName;
        }
        return catalogName.substring(space + 1) + " " + catalogName.substring(0, space);
    }

    private static String wordSet(String name) {
        return String.join(" ", new TreeSet<>(List.of(name.toLowerCase(Locale.ROOT).split(" "))));
    }
}
