package io.verbatim.parse.extract;

/** Collapses every run of whitespace, no-break spaces included, into one space, as the annotation rules compare text. */
final class WhitespaceNormalizer {

    private WhitespaceNormalizer() {
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        int start = 0;
        int end = text.length();
        while (start < end && isBlankChar(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlankChar(text.charAt(end - 1))) {
            end--;
        }
        // Between start and end, every run of spaces becomes one space; the text is copied only if one is not.
        StringBuilder out = null;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (!isSpace(c)) {
                if (out != null) {
                    out.append(c);
                }
                i++;
                continue;
            }
            int runEnd = i + 1;
            while (isSpace(text.charAt(runEnd))) {
                runEnd++; // a run ends before end, where the text is not blank
            }
            if (out == null && (c != ' ' || runEnd > i + 1)) {
                out = new StringBuilder(end - start).append(text, start, i);
            }
            if (out != null) {
                out.append(' ');
            }
            i = runEnd;
        }
        if (out != null) {
            return out.toString();
        }
        return start == 0 && end == text.length() ? text : text.substring(start, end);
    }

    /** Whether {@link #normalize} would return the empty string: the text holds nothing but whitespace. */
    static boolean isBlank(String text) {
        return text == null || firstVisible(text) < 0;
    }

    /**
     * The index of the first character that {@link #normalize} keeps at the start of its result (the first that is
     * neither one of its spaces nor other whitespace), or -1 when there is none.
     */
    static int firstVisible(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isBlankChar(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** A character that {@link #normalize} turns into a space: ASCII whitespace, no-break and zero-width spaces. */
    private static boolean isSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || c >= '\t' && c <= '\r';
        }
        return c >= '\u00a0' && (c == '\u00a0' || c == '\u2007' || c == '\u202f' || c == '\u200b' || c == '\ufeff');
    }

    /** A character that {@link #normalize} drops at either end: one of its spaces or any other whitespace. */
    private static boolean isBlankChar(char c) {
        return isSpace(c) || Character.isWhitespace(c);
    }
}
