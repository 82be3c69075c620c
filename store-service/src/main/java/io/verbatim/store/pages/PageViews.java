package io.verbatim.store.pages;

import io.quarkus.qute.RawString;
import io.verbatim.store.api.SpeakerParam;
import io.verbatim.store.quote.QuoteChecker;
import java.util.List;

/** What each page shows, ready for its template: text that the template escapes, and links. */
final class PageViews {

    private PageViews() {
    }

    /** A statement in a list: speaker, role, first lines or a highlighted snippet, transcript and date. */
    record StatementItem(String speakerId, String speakerName, String role, String annotation, boolean interpreted,
            String excerpt, RawString snippet, String documentId, int ordinal, String transcriptTitle,
            String publishedAt) {

        public String transcriptLink() {
            return "/transcripts/" + documentId + "#s" + ordinal;
        }

        public String speakerLink() {
            return "/speakers/" + Links.segment(speakerId);
        }
    }

    /** A refusal of the query API shown on a page: its detail and any speakers to choose from. */
    record Refusal(int status, String title, String detail, List<SpeakerParam.SpeakerChoice> choices) {
    }

    record HomePage(List<StatementItem> newest, String streamUrl) {
    }

    record SearchPage(String q, String speaker, String kind, String from, String to, List<String> kinds,
            List<StatementItem> items, String nextPage, Refusal refusal) {

        public boolean searched() {
            return q != null || speaker != null || kind != null || from != null || to != null;
        }
    }

    record RoleRow(String role, String from, String to) {
    }

    record ExternalLink(String scheme, String value, String url) {
    }

    /**
     * A speaker. {@code feedUrl} is the address of the speaker's Atom feed ({@code /feeds/speakers/{id}.atom}); the
     * page links it when it is set.
     */
    record SpeakerPage(String id, String name, String kind, String role, long statementCount, List<String> aliases,
            List<RoleRow> roles, List<ExternalLink> externalIds, String feedUrl, List<StatementItem> statements,
            String nextPage) {
    }

    record Paragraph(String anchor, String text) {
    }

    record TranscriptStatement(int ordinal, String anchor, String speakerId, String speakerName, String role,
            String label, String annotation, boolean interpreted, List<Paragraph> paragraphs, List<String> remarks) {

        public String speakerLink() {
            return "/speakers/" + Links.segment(speakerId);
        }
    }

    record TranscriptPage(String documentId, String title, String kind, String publishedAt, String location,
            String sourceUrl, String language, int revision, List<String> remarks,
            List<TranscriptStatement> statements) {
    }

    record CheckPage(String quote, double threshold, QuoteChecker.QuoteCheck result, Refusal refusal) {
    }

    record ProblemPage(Refusal refusal) {
    }
}
