package io.verbatim.parse.extract;

/** Collapses every run of whitespace, no-break spaces included, into one space, as the annotation rules compare text. */
final class WhitespaceNormalizer {

    private WhitespaceNormalizer() {
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                if (out == null && (c != ' ' || inRun)) {
                    out = new StringBuilder(text.length()).append(text, 0, inRun ? i - 1 : i);
                    if (inRun) {
                        out.append(' ');
                    }
                }
                if (!inRun && out != null) {
                    out.append(' ');
                }
                inRun = true;
            } else {
                if (out != null) {
                    out.append(c);
                }
                inRun = false;
            }
        }
        return (out == null ? text : out.toString()).strip();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r' || c == '\u00a0'
                || c == '\u2007' || c == '\u202f' || c == '\u200b' || c == '\ufeff';
    }
}
