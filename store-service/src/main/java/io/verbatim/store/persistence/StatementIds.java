package io.verbatim.store.persistence;

import io.verbatim.events.Sha256;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Deterministic statement ids: SHA-256 of the document id, the speaker's public id, the normalised text and an
 * occurrence counter for identical repeats within the document. A statement whose speaker and text are unchanged
 * keeps its id when statements around it change; a redelivered transcript yields the same ids.
 */
public final class StatementIds {

    private final String documentId;
    private final Map<String, Integer> occurrences = new HashMap<>();

    public StatementIds(String documentId) {
        this.documentId = documentId;
    }

    /** The id of the next statement in document order. */
    public String next(String speakerPublicId, String text) {
        String normalised = normalise(text);
        int occurrence = occurrences.merge(speakerPublicId + '\u0000' + normalised, 1, Integer::sum);
        return Sha256.ofParts("statement", documentId, speakerPublicId, normalised, Integer.toString(occurrence));
    }

    static String normalise(String text) {
        return text.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
