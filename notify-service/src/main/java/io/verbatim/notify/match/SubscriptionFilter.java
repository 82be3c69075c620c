package io.verbatim.notify.match;

import io.verbatim.events.StatementNew;
import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a subscription wants; every field given must match (an empty filter matches every statement).
 *
 * @param speakerId   the speaker's id as store-service gives it ({@code vladimir-putin}); exact
 * @param speakerName the speaker's display name, compared without case, accents and punctuation
 * @param query       a full-text query in store-service's search syntax, see {@link TextQuery}
 * @param kind        the transcript's kind ({@code transcript}, {@code address}), without case
 * @param source      the transcript's source as the page names it ("Kremlin"), without case, or a host name that the
 *                    transcript's {@code sourceUrl} is on ({@code kremlin.ru} also matches {@code en.kremlin.ru})
 */
public record SubscriptionFilter(String speakerId, String speakerName, TextQuery query, String kind, String source) {

    public boolean matches(StatementNew statement, Map<String, int[]> vector) {
        StatementNew.Speaker speaker = statement.speaker();
        if (speakerId != null && (speaker == null || !speakerId.equals(speaker.id()))) {
            return false;
        }
        if (speakerName != null && (speaker == null || !nameKey(speakerName).equals(nameKey(speaker.name())))) {
            return false;
        }
        StatementNew.Transcript transcript = statement.transcript();
        if (kind != null && (transcript == null || !kind.equalsIgnoreCase(String.valueOf(transcript.kind())))) {
            return false;
        }
        if (source != null && (transcript == null || !sourceKeys(transcript).contains(normal(source)))) {
            return false;
        }
        return query == null || query.matches(vector);
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
