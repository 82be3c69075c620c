package io.verbatim.store.speaker;

import java.util.HashSet;
import java.util.Set;

/**
 * Trigram similarity as PostgreSQL's pg_trgm computes {@code similarity()}: each word padded with two spaces in front
 * and one behind, the share of trigrams two texts have in common. Used for suggestions where pg_trgm is not
 * installed.
 */
final class Trigrams {

    private Trigrams() {
    }

    static double similarity(String a, String b) {
        Set<String> left = trigrams(a);
        Set<String> right = trigrams(b);
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(left);
        common.retainAll(right);
        return (double) common.size() / (left.size() + right.size() - common.size());
    }

    static Set<String> trigrams(String text) {
        Set<String> grams = new HashSet<>();
        for (String word : SpeakerNames.fold(text).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String padded = "  " + word + " ";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                grams.add(padded.substring(i, i + 3));
            }
        }
        return grams;
    }
}
