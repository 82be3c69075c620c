package io.verbatim.store.pages;

/**
 * Where a speaker's feed is, for the link on the speaker page. This branch serves no feeds yet (the Atom feeds
 * {@code /feeds/speakers/{id}.atom} are another change), so there is none: the page's template shows the link as soon
 * as this answers a URL.
 */
final class SpeakerFeeds {

    private SpeakerFeeds() {
    }

    static String feedUrl(String speakerId) {
        return null;
    }
}
