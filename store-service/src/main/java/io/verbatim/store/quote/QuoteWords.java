package io.verbatim.store.quote;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into the words a quote is compared by. A word keeps where it stands in its paragraph (to show the
 * verbatim text around a difference) and a normalised form (to compare): accents folded, lower case, everything
 * but letters and digits dropped ("Putin’s" and "putins", "1,000" and "1000" compare equal). Whitespace, dashes
 * and slashes separate words; punctuation alone is no word. So punctuation and capitalisation never count as a
 * difference: they are transcription, not wording.
 */
public final class QuoteWords {

    /** One word of a text: its paragraph (0-based), its characters there, and its normalised form. */
    public record Word(int paragraph, int start, int end, String surface, String norm) {
    }

    private static final Pattern CHUNK = Pattern.compile("[^\\s\\u2010-\\u2015\\-/]+");
    private static final Pattern COMBINING = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

    private QuoteWords() {
    }

    /** The words of a text of one paragraph. */
    public static List<Word> of(String text) {
        return of(List.of(text));
    }

    /** The words of paragraphs, in order. */
    public static List<Word> of(List<String> paragraphs) {
        List<Word> words = new ArrayList<>();
        for (int p = 0; p < paragraphs.size(); p++) {
            Matcher m = CHUNK.matcher(paragraphs.get(p));
            while (m.find()) {
                String norm = normalise(m.group());
                if (!norm.isEmpty()) {
                    words.add(new Word(p, m.start(), m.end(), m.group(), norm));
                }
            }
        }
        return words;
    }

    /** The compared form of one word: accents folded, lower case, letters and digits only. */
    public static String normalise(String word) {
        String folded = COMBINING.matcher(Normalizer.normalize(word, Normalizer.Form.NFKD)).replaceAll("");
        return NOT_ALNUM.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** The normalised words of a text joined by single spaces. */
    public static String normalisedText(String text) {
        return String.join(" ", of(text).stream().map(Word::norm).toList());
    }
}
