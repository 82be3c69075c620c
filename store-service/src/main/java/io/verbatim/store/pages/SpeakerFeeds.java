package io.verbatim.store.pages;

/**
 * Where a speaker's feed is, for the link on the speaker page. No Verbatim service serves speaker feeds yet (the
 * Atom feeds are notify-service's, not yet landed), so this answers null and the page shows no link (never a dead
 * one); the template shows the link as soon as this answers a URL.
 */
final class SpeakerFeeds {

    private SpeakerFeeds() {
    }

    static String feedUrl(String speakerId) {
        return null;
    }
}
