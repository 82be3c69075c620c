package io.verbatim.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Canonical form of a source URL, the input of the stable {@code documentId}: lower-case scheme and host, default
 * port and fragment dropped, path normalised, empty path made "/".
 */
public final class SourceUrls {

    /** The longest URL accepted, in characters (what sitemaps and most browsers allow). */
    public static final int MAX_LENGTH = 2048;

    private SourceUrls() {
    }

    /** The canonical form, or an {@link IllegalArgumentException} saying why the URL is not acceptable. */
    public static String canonical(String url) {
        String stripped = url.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("sourceUrl is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(stripped).normalize();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("sourceUrl is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("sourceUrl must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("sourceUrl has no host");
        }
        int port = uri.getPort();
        if (port > 65_535) {
            throw new IllegalArgumentException("sourceUrl has a port beyond 65535");
        }
        if (("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443)) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder canonical = new StringBuilder(scheme).append("://")
                .append(uri.getHost().toLowerCase(Locale.ROOT));
        if (port != -1) {
            canonical.append(':').append(port);
        }
        canonical.append(path);
        if (uri.getRawQuery() != null) {
            canonical.append('?').append(uri.getRawQuery());
        }
        return canonical.toString();
    }
}
