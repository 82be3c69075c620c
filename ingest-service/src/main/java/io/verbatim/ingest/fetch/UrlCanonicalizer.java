package io.verbatim.ingest.fetch;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.util.List;
import java.util.Locale;

/**
 * The canonical form of a page URL, used to derive stable ids: crawler-commons' {@link BasicURLNormalizer} (lower-case
 * scheme and host, default port and fragment removed, path dot-segments resolved, percent-encoding normalised, query
 * parameters sorted, an empty query removed), limited to http and https, and with the query parameters in
 * {@link #DROPPED_QUERY_PARAMETERS} (session ids, click and campaign trackers; matched case-sensitively, as the
 * normaliser does) removed. For a simple URL (no query, nothing to escape) the result equals
 * {@code io.verbatim.events.SourceUrls.canonical}; URLs with queries, escapes or non-ASCII characters may differ.
 */
public final class UrlCanonicalizer {

    /** Query parameters that never identify a page. */
    public static final List<String> DROPPED_QUERY_PARAMETERS = List.of(
            "jsessionid", "JSESSIONID", "phpsessid", "PHPSESSID", "sessionid", "SESSIONID",
            "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "fbclid", "gclid");

    private final BasicURLNormalizer normalizer = BasicURLNormalizer.newBuilder()
            .queryParamsToRemove(DROPPED_QUERY_PARAMETERS)
            .build();

    /** The canonical form, or an {@link IllegalArgumentException} saying why the URL is not acceptable. */
    public String canonical(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the URL is empty");
        }
        String normalized = normalizer.filter(url.trim());
        if (normalized == null) {
            throw new IllegalArgumentException(url + " is not a valid URL");
        }
        String lower = normalized.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw new IllegalArgumentException(url + " is not an http or https URL");
        }
        return normalized;
    }
}
