package io.verbatim.notify.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A full-text query in the web-search syntax store-service's {@code q=} takes ({@code websearch_to_tsquery('english',
 * q)}), compiled once and matched against one statement's {@link EnglishText#vector(String) lexemes} at a time: words
 * (all required), {@code "phrases"} (words at consecutive positions, a stop word inside leaving its gap), {@code or}
 * between terms, {@code -word} and {@code -"phrase"} to exclude. As in PostgreSQL, {@code or} binds looser than the
 * blanks between terms ({@code a b or c} is {@code (a and b) or c}); stop words are dropped, and a query of
 * stop words only matches nothing. A word that the parser splits ({@code jong-un}, {@code don't}) is a phrase of its
 * parts, as in PostgreSQL.
 */
public final class TextQuery {

    private final Node root;
    private final String text;

    private TextQuery(Node root, String text) {
        this.root = root;
        this.text = text;
    }

    /** The query as given. */
    public String text() {
        return text;
    }

    /** Whether a text with these lexemes (from {@link EnglishText#vector(String)}) matches the query. */
    public boolean matches(Map<String, int[]> vector) {
        return root != null && root.matches(vector);
    }

    /** Whether the query matches {@code text}. */
    public boolean matchesText(String text) {
        return matches(EnglishText.vector(text));
    }

    /** True for a query with no word left once stop words are dropped: it matches nothing. */
    public boolean isEmpty() {
        return root == null;
    }

    /** True for a query every match of which needs no word at all: only exclusions ({@code -a}, {@code a or -b}). */
    public boolean onlyExcludes() {
        return root != null && !root.needsAWord();
    }

    /**
     * A lexeme every matching text contains, if the query has one (a word or phrase outside any {@code or} and not
     * excluded): the key a subscription is indexed under, so that only statements with that lexeme are checked
     * against it. The longest such lexeme is taken, longer words being the rarer ones.
     */
    public Optional<String> requiredLexeme() {
        return root == null ? Optional.empty() : Optional.ofNullable(root.required());
    }

    /**
     * Parses {@code query} as {@code websearch_to_tsquery} does: terms separated by blanks are AND-ed, {@code or}
     * separates alternatives of such terms, a leading {@code -} excludes a term.
     */
    public static TextQuery parse(String query) {
        List<Object> items = new ArrayList<>(); // Node, or OR marker
        String q = query == null ? "" : query;
        int i = 0;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = false;
            if (c == '-' && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1))) {
                negated = true;
                i++;
                c = q.charAt(i);
            }
            String part;
            boolean quoted = c == '"';
            if (quoted) {
                int end = q.indexOf('"', i + 1);
                part = end < 0 ? q.substring(i + 1) : q.substring(i + 1, end);
                i = end < 0 ? n : end + 1;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(q.charAt(end)) && q.charAt(end) != '"') {
                    end++;
                }
                part = q.substring(i, end);
                i = end;
                if (!negated && part.equalsIgnoreCase("or")) {
                    items.add(Or.MARKER);
                    continue;
                }
            }
            Node phrase = Phrase.of(EnglishText.tokens(part));
            if (phrase != null) {
                items.add(negated ? new Not(phrase) : phrase);
            }
        }
        // as in PostgreSQL, "or" binds looser than the blanks between terms: "a b or c" is (a and b) or c
        List<Node> alternatives = new ArrayList<>();
        List<Node> terms = new ArrayList<>();
        for (Object item : items) {
            if (item == Or.MARKER) {
                if (!terms.isEmpty()) {
                    alternatives.add(terms.size() == 1 ? terms.get(0) : new And(terms));
                    terms = new ArrayList<>();
                }
            } else {
                terms.add((Node) item);
            }
        }
        if (!terms.isEmpty()) {
            alternatives.add(terms.size() == 1 ? terms.get(0) : new And(terms));
        }
        Node root = alternatives.isEmpty() ? null : alternatives.size() == 1 ? alternatives.get(0)
                : new Or(alternatives);
        return new TextQuery(root, query);
    }
    private interface Node {
        boolean matches(Map<String, int[]> vector);

        boolean needsAWord();

        String required();
    }

    /** A word (one lexeme) or a phrase: lexemes at fixed offsets from the first one's position. */
    private record Phrase(String[] lexemes, int[] offsets) implements Node {

        static Phrase of(List<EnglishText.Token> tokens) {
            List<EnglishText.Token> words = tokens.stream().filter(t -> t.lexeme() != null).toList();
            if (words.isEmpty()) {
                return null;
            }
            int first = words.get(0).position();
            return new Phrase(words.stream().map(EnglishText.Token::lexeme).toArray(String[]::new),
                    words.stream().mapToInt(t -> t.position() - first).toArray());
        }

        @Override
        public boolean matches(Map<String, int[]> vector) {
            int[] starts = vector.get(lexemes[0]);
            if (starts == null) {
                return false;
            }
            if (lexemes.length == 1) {
                return true;
            }
            int[][] others = new int[lexemes.length][];
            for (int k = 1; k < lexemes.length; k++) {
                others[k] = vector.get(lexemes[k]);
                if (others[k] == null) {
                    return false;
                }
            }
            for (int start : starts) {
                boolean all = true;
                for (int k = 1; k < lexemes.length && all; k++) {
                    all = Arrays.binarySearch(others[k], start + offsets[k]) >= 0;
                }
                if (all) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean needsAWord() {
            return true;
        }

        @Override
        public String required() {
            String longest = lexemes[0];
            for (String lexeme : lexemes) {
                if (lexeme.length() > longest.length()) {
                    longest = lexeme;
                }
            }
            return longest;
        }
    }

    private record Not(Node node) implements Node {
        @Override
        public boolean matches(Map<String, int[]> vector) {
            return !node.matches(vector);
        }

        @Override
        public boolean needsAWord() {
            return false;
        }

        @Override
        public String required() {
            return null;
        }
    }

    private record And(List<Node> nodes) implements Node {
        @Override
        public boolean matches(Map<String, int[]> vector) {
            for (Node node : nodes) {
                if (!node.matches(vector)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean needsAWord() {
            return nodes.stream().anyMatch(Node::needsAWord);
        }

        @Override
        public String required() {
            String best = null;
            for (Node node : nodes) {
                String lexeme = node.required();
                if (lexeme != null && (best == null || lexeme.length() > best.length())) {
                    best = lexeme;
                }
            }
            return best;
        }
    }

    private record Or(List<Node> nodes) implements Node {
        static final Object MARKER = new Object();

        @Override
        public boolean matches(Map<String, int[]> vector) {
            for (Node node : nodes) {
                if (node.matches(vector)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean needsAWord() {
            return nodes.stream().allMatch(Node::needsAWord);
        }

        @Override
        public String required() {
            return null;
        }
    }
}
