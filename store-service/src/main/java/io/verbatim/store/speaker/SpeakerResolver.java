package io.verbatim.store.speaker;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Maps a speaker name as a document gives it to the stable public id of a speaker record. For now the id is a slug
 * of the name with accents, honorifics and punctuation removed ("Vladimir Putin" -> {@code vladimir-putin}).
 * Unnamed voices ("Question", "Remark", ...) get the id of their label and are never merged into a person.
 */
public final class SpeakerResolver {

    private SpeakerResolver() {
    }

    public static String publicId(String name) {
        if (name == null || name.isBlank()) {
            return "unknown";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = plain.toLowerCase(Locale.ROOT)
                .replaceAll("^(mr|mrs|ms|dr|sir|madam|comrade)\\.?\\s+", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (slug.isEmpty()) {
            return "unknown";
        }
        return slug.length() > 120 ? slug.substring(0, 120) : slug;
    }
}
