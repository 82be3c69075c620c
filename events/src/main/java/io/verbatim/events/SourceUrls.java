package io.verbatim.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Canonical form of a source URL, the input of the stable {@code documentId}: lower-case scheme and host, default
 * port and fragment dropped, path normalised, empty path made "/".
 */
public final class SourceUrls {

    private SourceUrls() {
    }

    /** The canonical form, or an {@link IllegalArgumentException} saying why the URL is not acceptable. */
    public static String canonical(String url) {
        URI uri;
        try {
            uri = new URI(url.trim()).normalize();
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
