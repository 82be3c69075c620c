package io.verbatim.parse.extract;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The Kremlin rules: reads a page as en.kremlin.ru (or any kremlin.ru site) publishes it.
 *
 * <p>Speech is the {@code <p>} elements of the article body ({@code itemprop="articleBody"}); photo sliders, "See
 * also" boxes, pull quotes and hidden person tooltips are removed first, and labels are read by
 * {@link HtmlParagraphs} (bold runs, or plain-text labels as older pages have them). The page's own markup gives the
 * metadata: the publication date ({@code <time class="read__published">}) and time ({@code .read__time}, Moscow
 * time, so the date-time carries the Moscow offset of that day; "00:00" is how the archive marks an unknown time, so
 * such pages get the date only), the place ({@code .read__place}), the tags ({@code .read__tags}), and the persons
 * ({@code /catalog/persons/} links, whose tag list writes "Surname Given names"; with the number of each link, from
 * which {@link KremlinPersonIds} gives speakers their Kremlin person ids). A greeting, message or article
 * published without labels is attributed to the author that the title or lead names ({@link AuthorAttribution}).
 */
final class KremlinPageReader {

    static final String SOURCE = "Kremlin";

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Evaluator FURNITURE = QueryParser.parse(String.join(",",
            ".read__cut", ".slider", ".read__tooltip", ".masha-ignore", "blockquote", "figure", "figcaption", "script",
            "style", "noscript", "img", "nav", "header", "footer", "aside", "form", ".read__bottom"));
    private static final Pattern CLOCK = Pattern.compile("^([01]\\d|2[0-3]):([0-5]\\d)$");
    private static final Evaluator PERSON_LINK = QueryParser.parse("a[href*=/catalog/persons/]");
    /** The person's number in a catalogue link: {@code /catalog/persons/294}, {@code /catalog/persons/294/events}. */
    private static final Pattern PERSON_ID = Pattern.compile("/catalog/persons/([0-9]{1,12})(?![0-9])");
    private static final Evaluator TOOLTIP = QueryParser.parse(".read__tooltip");
    private static final Evaluator LINK = QueryParser.parse("a");
    /** A tag link, when inside the tag list ({@code .read__tags a[rel~=tag]}). */
    private static final Evaluator TAG = QueryParser.parse("a[rel~=tag]");
    private static final Evaluator OG_URL = QueryParser.parse("meta[property=og:url]");
    private static final Evaluator CANONICAL_LINK = QueryParser.parse("link[rel=canonical]");
    private static final Evaluator KREMLIN_ARTICLE_BODY =
            QueryParser.parse("[itemprop=articleBody].read__internal_content");
    private static final Evaluator KREMLIN_PUBLISHED = QueryParser.parse("time.read__published");
    private static final List<Evaluator> ARTICLE_BODY = List.of(QueryParser.parse("[itemprop=articleBody]"),
            QueryParser.parse("article"), QueryParser.parse("main"), QueryParser.parse("body"));
    private static final Evaluator LEAD = QueryParser.parse(".read__lead");
    private static final Evaluator PUBLISHED =
            QueryParser.parse("time.read__published[datetime], time[itemprop=datePublished][datetime]");
    /** The time of day; ".read__meta .read__time" would add nothing, as every such element is a ".read__time". */
    private static final Evaluator CLOCK_TIME = QueryParser.parse(".read__time");
    private static final Evaluator PLACE = QueryParser.parse(".read__place, .p-location");

    private final HtmlParagraphs paragraphs;
    private final AuthorAttribution addresses;

    KremlinPageReader(SpeakerLabelParser labels, ParseLimits limits) {
        this.paragraphs = new HtmlParagraphs(labels, limits);
        this.addresses = new AuthorAttribution(labels);
    }

    /** A page of kremlin.ru or one of its subdomains, by its address or, failing that, by its own markup. */
    static boolean isKremlinPage(String sourceUrl, Document page) {
        if (isKremlinHost(sourceUrl)) {
            return true;
        }
        if (isKremlinHost(firstAttribute(page, OG_URL, "content"))
                || isKremlinHost(firstAttribute(page, CANONICAL_LINK, "href"))) {
            return true;
        }
        return page.selectFirst(KREMLIN_ARTICLE_BODY) != null && page.selectFirst(KREMLIN_PUBLISHED) != null;
    }

    /**
     * The attribute of the first matching element that has it, as {@code page.select(selector).attr(name)} gives it;
     * the first match, early in the head, nearly always has it.
     */
    private static String firstAttribute(Document page, Evaluator selector, String name) {
        Element first = page.selectFirst(selector);
        if (first == null) {
            return "";
        }
        return first.hasAttr(name) ? first.attr(name) : page.select(selector).attr(name);
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

    SourceDocument read(Document page, ParseDeadline deadline) {
        PageScan scan = scan(page);
        List<PersonLink> personLinks = personLinks(scan.persons());
        List<String> persons = persons(personLinks);
        List<String> tags = tags(scan.tags());
        Element[] leadAndBody = scan.leadAndBody().found();
        String lead = lead(page, leadAndBody[0]);
        Element body = leadAndBody[1] != null ? leadAndBody[1] : articleBody(page);
        body.select(FURNITURE).remove();
        List<SourceBlock> blocks = paragraphs.blocks(HtmlParagraphs.innermostParagraphs(body), deadline);
        String title = HtmlPageMetadata.title(page);

        Optional<AuthorAttribution.Address> address = addresses.find(title, lead, blocks);
        Element[] dateTimePlace = scan.dateTimePlace().found();
        if (!allOnPage(page, dateTimePlace)) {
            // one of them was furniture, removed with it: the first of those left
            dateTimePlace = HtmlPageMetadata.firstMatches(page, PUBLISHED, CLOCK_TIME, PLACE);
        }
        return new SourceDocument(title, publishedAt(page, dateTimePlace[0], dateTimePlace[1]),
                location(dateTimePlace[2]), HtmlPageMetadata.language(page),
                address.map(AuthorAttribution.Address::blocks).orElse(blocks), SOURCE, tags, persons,
                address.map(AuthorAttribution.Address::author).orElse(null), lead, personLinks);
    }

    /**
     * What one walk over the page finds: the person links and the tag-list links, in page order; the lead and the
     * article body; the publication date, the time of day and the place (looked for before the furniture is removed).
     */
    private record PageScan(List<Element> persons, List<Element> tags, HtmlPageMetadata.FirstMatches leadAndBody,
                            HtmlPageMetadata.FirstMatches dateTimePlace) {
    }

    private static PageScan scan(Document page) {
        PageScan scan = new PageScan(new ArrayList<>(), new ArrayList<>(),
                new HtmlPageMetadata.FirstMatches(page, LEAD, ARTICLE_BODY.get(0)),
                new HtmlPageMetadata.FirstMatches(page, PUBLISHED, CLOCK_TIME, PLACE));
        HtmlPageMetadata.walk(page, element -> {
            if (LINK.matches(page, element)) {
                if (PERSON_LINK.matches(page, element)) {
                    scan.persons().add(element);
                }
                if (TAG.matches(page, element) && inTagList(element)) {
                    scan.tags().add(element);
                }
            }
            scan.leadAndBody().offer(element);
            scan.dateTimePlace().offer(element);
            return true;
        });
        return scan;
    }

    /** Whether each element found (null: none was) is still on the page, not removed with a part of it. */
    private static boolean allOnPage(Document page, Element[] elements) {
        for (Element element : elements) {
            if (element != null && element.root() != page) {
                return false;
            }
        }
        return true;
    }

    /** The article body, the first of: the {@code articleBody} item, {@code <article>}, {@code <main>}, the body. */
    private static Element articleBody(Document page) {
        for (Evaluator selector : ARTICLE_BODY) {
            Element found = page.selectFirst(selector);
            if (found != null) {
                return found;
            }
        }
        return page;
    }

    private static String lead(Document page, Element lead) {
        if (lead == null) {
            return HtmlPageMetadata.meta(page, HtmlPageMetadata.DESCRIPTION);
        }
        String text = WhitespaceNormalizer.normalize(lead.text());
        return text.isEmpty() ? null : text;
    }

    /** Publication date and time in Moscow time, e.g. {@code 2019-05-06T17:05:00+03:00}; the date alone without one. */
    private static String publishedAt(Document page, Element published, Element clock) {
        if (published == null) {
            return HtmlPageMetadata.publishedAt(page);
        }
        String date = published.attr("datetime").strip();
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

    private static String location(Element place) {
        if (place == null) {
            return null;
        }
        String text = WhitespaceNormalizer.normalize(place.text());
        return text.isEmpty() ? null : text;
    }

    /** Geography and topic tags of the page (persons are listed apart). */
    private static List<String> tags(List<Element> tagLinks) {
        // a set, not a list's contains: 130,000 tag links took 10-19 s compared with each other
        Set<String> tags = new LinkedHashSet<>();
        for (Element link : tagLinks) {
            String text = WhitespaceNormalizer.normalize(link.text());
            if (!link.attr("href").contains("/catalog/persons/") && !text.isEmpty()) {
                tags.add(text);
            }
        }
        return List.copyOf(tags);
    }

    /**
     * Every person link of the page with the id in its address and the name it shows (tooltips aside), in page order;
     * links without a name, or with a name longer than 80 characters, are left out.
     */
    private static List<PersonLink> personLinks(List<Element> links) {
        List<PersonLink> found = new ArrayList<>();
        for (Element link : links) {
            String name = WhitespaceNormalizer.normalize(withoutTooltips(link).text());
            if (name.isEmpty() || name.length() > 80) {
                continue;
            }
            Matcher id = PERSON_ID.matcher(link.attr("href"));
            found.add(new PersonLink(id.find() ? id.group(1) : null, name, inTagList(link)));
        }
        return found;
    }

    /** The link itself when it holds no tooltip; otherwise a copy without its tooltips. */
    private static Element withoutTooltips(Element link) {
        if (link.selectFirst(TOOLTIP) == null) {
            return link;
        }
        Element copy = link.clone();
        copy.select(TOOLTIP).remove();
        return copy;
    }

    /**
     * The persons linked in the text ("Mikhail Mishustin") and in the tag list ("Mishustin Mikhail", turned into
     * "Mikhail Mishustin"), deduplicated on their set of words, in page order.
     */
    private static List<String> persons(List<PersonLink> personLinks) {
        Map<String, String> byWords = new LinkedHashMap<>();
        for (PersonLink link : personLinks) {
            String name = link.surnameFirst() ? surnameLast(link.name()) : link.name();
            byWords.putIfAbsent(wordSet(name), name);
        }
        return List.copyOf(byWords.values());
    }

    private static boolean inTagList(Element link) {
        for (Element parent = link.parent(); parent != null; parent = parent.parent()) {
            if (parent.hasClass("read__tags")) {
                return true;
            }
        }
        return false;
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
