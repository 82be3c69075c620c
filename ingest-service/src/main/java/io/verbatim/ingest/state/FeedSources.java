package io.verbatim.ingest.state;

import io.verbatim.events.Sha256;
import io.verbatim.events.SourceUrls;
import java.time.Instant;

/** Creates feed sources with their stable ids. */
public final class FeedSources {

    private FeedSources() {
    }

    /** A new, active source for a feed URL; its id is derived from the canonical URL. */
    public static FeedSource newSource(String url, String name) {
        String canonical = SourceUrls.canonical(url);
        return new FeedSource(idOf(canonical), canonical, name == null || name.isBlank() ? canonical : name.strip(),
                false, Instant.now(), null, null, null);
    }

    public static String idOf(String canonicalUrl) {
        return Sha256.hex(canonicalUrl).substring(0, 16);
    }
}
