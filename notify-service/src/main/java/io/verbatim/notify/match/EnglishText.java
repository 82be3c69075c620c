package io.verbatim.notify.match;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Text as PostgreSQL's {@code english} text search configuration sees it, for one statement at a time: words (runs
 * of letters and digits; a hyphen or apostrophe splits them into their parts, each a word of its own) lower-cased,
 * stop words dropped but still counted in positions, the rest reduced to lexemes by the Snowball English stemmer.
 * The stemmer is Snowball's English (Porter2) one, as in PostgreSQL's {@code english_stem} dictionary; the stop
 * words are PostgreSQL's own {@code english.stop} (127 words, resource {@code english.stop} beside this class).
 */
public final class EnglishText {

    private static final Set<String> STOP_WORDS = loadStopWords();
    private static final ThreadLocal<EnglishStemmer> STEMMERS = ThreadLocal.withInitial(EnglishStemmer::new);

    private EnglishText() {
    }

    /** One word of a text: its lexeme, or null for a stop word, and its position (1-based, stop words counted). */
    public record Token(String lexeme, int position) {
    }

    /** The words of {@code text} in order; stop words have a null lexeme. */
    public static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        int position = 0;
        int length = text.length();
        int i = 0;
        while (i < length) {
            int c = text.codePointAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            while (i < length && Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            position++;
            tokens.add(new Token(lexeme(text.substring(start, i)), position));
        }
        return tokens;
    }

    /** The lexeme of one word, or null when it is a stop word. */
    public static String lexeme(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (STOP_WORDS.contains(lower)) {
            return null;
        }
        EnglishStemmer stemmer = STEMMERS.get();
        stemmer.setCurrent(lower);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    /** Lexeme to its positions in {@code text}, as {@code to_tsvector('english', text)} would hold them. */
    public static Map<String, int[]> vector(String text) {
        Map<String, List<Integer>> positions = new HashMap<>();
        for (Token token : tokens(text)) {
            if (token.lexeme() != null) {
                positions.computeIfAbsent(token.lexeme(), k -> new ArrayList<>(2)).add(token.position());
            }
        }
        Map<String, int[]> vector = new HashMap<>(positions.size() * 2);
        positions.forEach((lexeme, list) -> vector.put(lexeme,
                list.stream().mapToInt(Integer::intValue).toArray()));
        return vector;
    }

    /** PostgreSQL's {@code english.stop} (tsearch_data), the list its {@code english_stem} dictionary drops. */
    private static Set<String> loadStopWords() {
        try (InputStream in = EnglishText.class.getResourceAsStream("english.stop")) {
            if (in == null) {
                throw new IllegalStateException("english.stop is missing from the classpath");
            }
            Set<String> words = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    words.add(line.strip());
                }
            }
            return Collections.unmodifiableSet(words);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read english.stop", e);
        }
    }
}
