package io.verbatim.store.pages;

/**
 * Where a speaker's Atom feed is, for the link on the speaker page: store-service serves it at
 * {@code /feeds/speakers/{id}.atom} ({@code AtomFeedResource}), the same address the API's {@code Link} headers give.
 */
final class SpeakerFeeds {

    private SpeakerFeeds() {
    }

    static String feedUrl(String speakerId) {
        return "/feeds/speakers/" + Links.segment(speakerId) + ".atom";
    }
}
