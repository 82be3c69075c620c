package io.verbatim.parse.extract;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YAML front matter of a Markdown document, read just far enough for flat {@code key: value} pairs: plain,
 * single-quoted and double-quoted scalars (with escapes such as {@code \_} and escaped line breaks), folded over
 * indented continuation lines.
 */
final class FrontMatter {

    private static final Pattern KEY_VALUE = Pattern.compile("^([A-Za-z_][\\w-]*)\\s*:\\s?(.*)$");

    private final Map<String, String> values;
    private final String body;

    private FrontMatter(Map<String, String> values, String body) {
        this.values = values;
        this.body = body;
    }

    /** Splits the text into front matter and body; a text without front matter has no values and is all body. */
    static FrontMatter split(String text) {
        if (!text.startsWith("---\n")) {
            return new FrontMatter(Map.of(), text);
        }
        int end = text.indexOf("\n---", 3);
        while (end >= 0) {
            int lineEnd = end + 4;
            if (lineEnd == text.length() || text.charAt(lineEnd) == '\n' || text.charAt(lineEnd) == '\r') {
                break;
            }
            end = text.indexOf("\n---", end + 1);
        }
        if (end < 0) {
            return new FrontMatter(Map.of(), text);
        }
        String yaml = text.substring(4, end);
        int bodyStart = Math.min(text.length(), end + 4);
        return new FrontMatter(parse(yaml), text.substring(bodyStart));
    }

    String get(String key) {
        return values.get(key);
    }

    /** Whether the text had front matter with at least one value. */
    boolean isEmpty() {
        return values.isEmpty();
    }

    String body() {
        return body;
    }

    private static Map<String, String> parse(String yaml) {
        Map<String, String> result = new HashMap<>();
        String key = null;
        StringBuilder raw = new StringBuilder();
        for (String line : yaml.split("\n", -1)) {
            Matcher m = KEY_VALUE.matcher(line);
            if (!line.startsWith(" ") && !line.startsWith("\t") && m.matches()) {
                if (key != null) {
                    result.put(key, scalar(raw.toString()));
                }
                key = m.group(1);
                raw.setLength(0);
                raw.append(m.group(2));
            } else if (key != null) {
                raw.append('\n').append(line);
            }
        }
        if (key != null) {
            result.put(key, scalar(raw.toString()));
        }
        return result;
    }

    private static String scalar(String raw) {
        String value = raw.strip();
        if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
            return WhitespaceNormalizer.normalize(doubleQuoted(value.substring(1, value.length() - 1)));
        }
        if (value.startsWith("'") && value.endsWith("'") && value.length() >= 2) {
            return WhitespaceNormalizer.normalize(value.substring(1, value.length() - 1).replace("''", "'"));
        }
        return WhitespaceNormalizer.normalize(value);
    }

    private static String doubleQuoted(String inner) {
        StringBuilder out = new StringBuilder(inner.length());
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c != '\\' || i + 1 >= inner.length()) {
                out.append(c);
                continue;
            }
            char next = inner.charAt(++i);
            switch (next) {
                case '\n' -> {
                    while (i + 1 < inner.length() && (inner.charAt(i + 1) == ' ' || inner.charAt(i + 1) == '\t')) {
                        i++;
                    }
                }
                case '_' -> out.append('\u00a0');
                case 'x', 'u', 'U' -> {
                    // "\xF3", "\u00f3", "\U0001F600": a character by its code in hex
                    int digits = next == 'x' ? 2 : next == 'u' ? 4 : 8;
                    int code = hex(inner, i + 1, digits);
                    if (code >= 0 && Character.isValidCodePoint(code)) {
                        out.appendCodePoint(code);
                        i += digits;
                    } else {
                        out.append('\\').append(next);
                    }
                }
                case 'r' -> out.append('\r');
                case 'N' -> out.append('\u0085');
                case 'L' -> out.append('\u2028');
                case 'P' -> out.append('\u2029');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    /** The value of {@code digits} hex digits at {@code from}, or -1 when they are not all there. */
    private static int hex(String text, int from, int digits) {
        if (from + digits > text.length()) {
            return -1;
        }
        int value = 0;
        for (int k = from; k < from + digits; k++) {
            int digit = Character.digit(text.charAt(k), 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }
}
