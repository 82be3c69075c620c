package io.verbatim.notify.match;

import io.verbatim.events.StatementNew;
import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a subscription wants; every field given must match (an empty filter matches every statement). The
 * constructor keeps names, kinds and sources in their compared form.
 *
 * @param speakerId   the speaker's id as store-service gives it ({@code vladimir-putin}); exact
 * @param speakerName the speaker's display name, compared without case, accents and punctuation
 * @param query       a full-text query in store-service's search syntax, see {@link TextQuery}
 * @param kind        the transcript's kind ({@code transcript}, {@code address}), without case
 * @param source      the transcript's source as the page names it ("Kremlin"), without case, or a host name that the
 *                    transcript's {@code sourceUrl} is on ({@code kremlin.ru} also matches {@code en.kremlin.ru})
 */
public record SubscriptionFilter(String speakerId, String speakerName, TextQuery query, String kind, String source) {

    public SubscriptionFilter {
        speakerName = speakerName == null ? null : nameKey(speakerName);
        kind = kind == null ? null : normal(kind);
        source = source == null ? null : normal(source);
    }

    /** A statement as every filter looks at it, worked out once per statement. */
    public record Analysed(String speakerId, String speakerNameKey, String kind, List<String> sourceKeys,
            Map<String, int[]> vector) {

        public static Analysed of(StatementNew statement) {
            StatementNew.Speaker speaker = statement.speaker();
            StatementNew.Transcript transcript = statement.transcript();
            return new Analysed(speaker == null ? null : speaker.id(),
                    speaker == null ? null : nameKey(speaker.name()),
                    transcript == null || transcript.kind() == null ? null : normal(transcript.kind()),
                    transcript == null ? List.of() : SubscriptionFilter.sourceKeys(transcript),
                    EnglishText.vector(statement.text()));
        }
    }

    public boolean matches(StatementNew statement) {
        return matches(Analysed.of(statement));
    }

    public boolean matches(Analysed statement) {
        if (speakerId != null && !speakerId.equals(statement.speakerId())) {
            return false;
        }
        if (speakerName != null && !speakerName.equals(statement.speakerNameKey())) {
            return false;
        }
        if (kind != null && !kind.equals(statement.kind())) {
            return false;
        }
        if (source != null && !statement.sourceKeys().contains(source)) {
            return false;
        }
        return query == null || query.matches(statement.vector());
    }

    /** A name compared without case, accents and punctuation: "Vladímir  Pútin" and "vladimir putin" are one. */
    public static String nameKey(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    static String normal(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    /** The keys a statement's transcript answers a source filter to: its source, its host and each parent domain. */
    static List<String> sourceKeys(StatementNew.Transcript transcript) {
        List<String> keys = new ArrayList<>();
        if (transcript.source() != null && !transcript.source().isBlank()) {
            keys.add(normal(transcript.source()));
        }
        if (transcript.sourceUrl() != null) {
            try {
                String host = URI.create(transcript.sourceUrl()).getHost();
                while (host != null && host.contains(".")) {
                    keys.add(normal(host));
                    host = host.substring(host.indexOf('.') + 1);
                }
            } catch (IllegalArgumentException e) {
                // not a URL: no host to match
            }
        }
        return keys;
    }
}
