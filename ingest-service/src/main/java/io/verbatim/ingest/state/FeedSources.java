package io.verbatim.ingest.state;

import io.verbatim.events.Sha256;
import io.verbatim.events.SourceUrls;
import io.verbatim.ingest.source.SourceNames;
import java.time.Instant;

/** Creates feed sources with their stable ids. */
public final class FeedSources {

    private FeedSources() {
    }

    /**
     * A new, active source for a feed URL; its id is derived from the canonical URL. An unacceptable URL or name is
     * an {@link IllegalArgumentException} saying why.
     */
    public static FeedSource newSource(String url, String name) {
        String canonical = SourceUrls.canonical(url);
        String checkedName = SourceNames.checked(name, "name");
        return new FeedSource(idOf(canonical), canonical, checkedName == null ? canonical : checkedName,
                false, Instant.now(), null, null, null);
    }

    public static String idOf(String canonicalUrl) {
        return Sha256.hex(canonicalUrl).substring(0, 16);
    }
}
