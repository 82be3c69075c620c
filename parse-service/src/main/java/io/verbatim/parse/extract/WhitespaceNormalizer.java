package io.verbatim.parse.extract;

import java.util.regex.Pattern;

/** Collapses every run of whitespace, no-break spaces included, into one space, as the annotation rules compare text. */
final class WhitespaceNormalizer {

    private static final Pattern RUN = Pattern.compile("[\\s\\u00a0\\u2007\\u202f\\u200b\\ufeff]+");

    private WhitespaceNormalizer() {
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        return RUN.matcher(text).replaceAll(" ").strip();
    }
}
