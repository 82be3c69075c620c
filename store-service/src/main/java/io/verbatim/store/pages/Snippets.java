package io.verbatim.store.pages;

import io.quarkus.qute.RawString;

/**
 * The search API's snippets are raw statement text with PostgreSQL's {@code <mark>…</mark>} around the matches, not
 * HTML. For a page every character is escaped, and only those marks are put back, balanced: a statement that itself
 * contains {@code <script>} or a stray {@code </mark>} shows it as text.
 */
final class Snippets {

    static final String OPEN = "<mark>";
    static final String CLOSE = "</mark>";

    private Snippets() {
    }

    static RawString toHtml(String snippet) {
        if (snippet == null) {
            return null;
        }
        StringBuilder html = new StringBuilder(snippet.length() + 32);
        boolean open = false;
        int at = 0;
        while (at < snippet.length()) {
            if (!open && snippet.startsWith(OPEN, at)) {
                html.append(OPEN);
                open = true;
                at += OPEN.length();
            } else if (open && snippet.startsWith(CLOSE, at)) {
                html.append(CLOSE);
                open = false;
                at += CLOSE.length();
            } else {
                escape(snippet.charAt(at), html);
                at++;
            }
        }
        if (open) {
            html.append(CLOSE);
        }
        return new RawString(html.toString());
    }

    static void escape(char c, StringBuilder html) {
        switch (c) {
            case '<' -> html.append("&lt;");
            case '>' -> html.append("&gt;");
            case '&' -> html.append("&amp;");
            case '"' -> html.append("&quot;");
            case '\'' -> html.append("&#39;");
            default -> html.append(c);
        }
    }
}
